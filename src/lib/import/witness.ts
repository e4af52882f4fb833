import { RESERVED_KEYS } from '../content/json.ts';
import { PLACEHOLDER } from '../content/placeholders.ts';
import { slugify } from './write.ts';

/** Who the imported clip's witness is: one already in collection.json, or a new one. */
export interface ChosenWitness {
	slug: string;
	name: string;
	isNew: boolean;
	error?: undefined;
}
export type WitnessChoice = ChosenWitness | { error: string; slug?: undefined; name?: undefined };

/** A name as people may spell it: without accents, case or extra spaces ("Šeikalis" ~ "Seikalis"). */
const fold = (name: string) =>
	name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Finds the witness for an import. `given` (--witness) is a slug or a name; otherwise the
 * source's interviewee. A name that matches an existing witness only once accents and case are
 * folded is never merged silently: the error names both, and says how to confirm either way.
 * Without any name, the clip gets a witness of its own, to fill in.
 */
export function chooseWitness(
	known: Record<string, { name?: unknown }>,
	options: { given?: string; interviewee?: string; clipSlug: string; newWitness?: boolean }
): WitnessChoice {
	// Own keys only: "constructor" or "__proto__" is nobody in the collection.
	const entries = Object.entries(known);
	const nameOf = (slug: string) => {
		const name = known[slug]?.name;
		return typeof name === 'string' ? name : slug;
	};
	if (options.given !== undefined && Object.hasOwn(known, options.given)) {
		return { slug: options.given, name: nameOf(options.given), isNew: false };
	}
	const name = (options.given ?? options.interviewee)?.trim();
	const unique = (base: string) => {
		let slug = base;
		// A key JavaScript reserves ("constructor") would be dropped from collection.json.
		if (RESERVED_KEYS.has(slug)) slug = `${base}-1`;
		for (let n = 2; Object.hasOwn(known, slug); n++) slug = `${base}-${n}`;
		return slug;
	};
	if (!name) {
		return {
			slug: unique(`${options.clipSlug}-witness`),
			name: `${PLACEHOLDER}: the witness's name`,
			isNew: true
		};
	}
	if (!options.newWitness) {
		const same = entries.find(([, w]) => w.name === name);
		if (same) return { slug: same[0], name, isNew: false };
		const alike = entries.find(
			([, w]) => typeof w.name === 'string' && fold(w.name) === fold(name)
		);
		if (alike) {
			return {
				error: `the witness "${name}" is not in collection.json, but "${nameOf(alike[0])}" (${alike[0]}) is: if they are the same person, run the import again with --witness ${alike[0]}; if not, with --new-witness`
			};
		}
	}
	return { slug: unique(slugify(name) || `${options.clipSlug}-witness`), name, isNew: true };
}
