import { describe, expect, it } from 'vitest';
import { chooseWitness } from './witness.ts';

const known = {
	'antanas-seikalis': { name: 'Antanas Seikalis' },
	'orest-yarynich': { name: 'Orest Yarynich' }
};

describe('chooseWitness', () => {
	it('finds a witness by slug or by exact name', () => {
		expect(chooseWitness(known, { given: 'orest-yarynich', clipSlug: 'c' })).toMatchObject({
			slug: 'orest-yarynich',
			isNew: false
		});
		expect(chooseWitness(known, { interviewee: 'Antanas Seikalis', clipSlug: 'c' })).toMatchObject({
			slug: 'antanas-seikalis',
			isNew: false
		});
	});

	it('never takes a name inherited by every object for an existing witness', () => {
		for (const name of ['Constructor', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
			const choice = chooseWitness(known, { interviewee: name, clipSlug: 'c' });
			expect(choice).toMatchObject({ isNew: true });
			expect(Object.hasOwn(known, choice.slug ?? '')).toBe(false);
		}
		// Nor a slug that JavaScript reserves, which collection.json could not keep.
		expect(chooseWitness(known, { given: 'constructor', clipSlug: 'c' })).toMatchObject({
			slug: 'constructor-1',
			isNew: true
		});
	});

	it('asks before merging a name that matches only without accents or case', () => {
		const choice = chooseWitness(known, { interviewee: 'Antanas Šeikalis', clipSlug: 'c' });
		expect(choice.error).toContain('"Antanas Šeikalis"');
		expect(choice.error).toContain('"Antanas Seikalis" (antanas-seikalis)');
		expect(choice.error).toContain('--witness antanas-seikalis');
		expect(choice.error).toContain('--new-witness');
		// Confirmed as another person: a witness of their own, under a slug of their own.
		expect(
			chooseWitness(known, { interviewee: 'Antanas Šeikalis', clipSlug: 'c', newWitness: true })
		).toEqual({ slug: 'antanas-seikalis-2', name: 'Antanas Šeikalis', isNew: true });
	});

	it('gives each import without an interviewee a witness of its own', () => {
		const a = chooseWitness(known, { clipSlug: 'first-tape' });
		const b = chooseWitness(known, { clipSlug: 'second-tape' });
		expect(a).toMatchObject({ slug: 'first-tape-witness', isNew: true });
		expect(b).toMatchObject({ slug: 'second-tape-witness', isNew: true });
		if (!a.error) expect(a.name).toMatch(/^TO FILL IN/);
	});
});
