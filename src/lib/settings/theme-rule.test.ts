import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { applyTheme, THEMES } from './display.ts';
import { themeFor, themeStartupScript, THEME_STORAGE_KEY } from './theme-rule.ts';

/** Runs the inline script as a browser would, with the given storage and preferences. */
function runStartup(stored: string | null, moreContrast: boolean, dark: boolean, path = '/') {
	const dataset: Record<string, string> = {};
	runInNewContext(themeStartupScript(), {
		location: { pathname: path },
		localStorage: {
			getItem: (key: string) => (key === THEME_STORAGE_KEY ? stored : null)
		},
		matchMedia: (query: string) => ({
			matches: query.includes('contrast') ? moreContrast : query.includes('dark') && dark
		}),
		document: { documentElement: { dataset } }
	});
	return dataset.theme;
}

describe('the theme rule', () => {
	const preferences = [
		[false, false],
		[false, true],
		[true, false],
		[true, true]
	] as const;

	it('is the same before the first paint as in the settings, for every setting', () => {
		for (const theme of THEMES) {
			for (const [moreContrast, dark] of preferences) {
				const stored = theme === 'system' ? null : theme;
				expect(runStartup(stored, moreContrast, dark)).toBe(
					applyTheme(theme, { moreContrast, dark })
				);
			}
		}
	});

	it('ignores a damaged stored value, and storage that throws', () => {
		expect(runStartup('purple', false, true)).toBe('dark');
		const dataset: Record<string, string> = {};
		runInNewContext(themeStartupScript(), {
			location: { pathname: '/' },
			localStorage: {
				getItem: () => {
					throw new Error('blocked');
				}
			},
			matchMedia: () => ({ matches: false }),
			document: { documentElement: { dataset } }
		});
		expect(dataset.theme).toBe('light');
	});

	it('leaves the kiosk alone', () => {
		expect(runStartup('dark', false, false, '/kiosk')).toBeUndefined();
		expect(runStartup('dark', false, false, '/base/kiosk/clips/a')).toBeUndefined();
	});

	it('prefers more contrast over dark over light', () => {
		expect(themeFor(undefined, true, true)).toBe('contrast');
		expect(themeFor(undefined, false, true)).toBe('dark');
		expect(themeFor('light', true, true)).toBe('light');
	});
});
