import { readFileSync } from 'node:fs';

/** The import fixtures' folder, as messages name it. */
export const FIXTURES = 'tests/fixtures/import';

/** A fixture's text and the path messages give it. */
export function fixture(name: string): { text: string; file: string } {
	const file = `${FIXTURES}/${name}`;
	return { text: readFileSync(file, 'utf8'), file };
}
