import { createHash } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import { themeStartupScript } from '$lib/settings/theme-rule';
import { earlyClickScript } from '$lib/transcript/early-clicks';

// The theme before the first paint, and transcript lines that play before the page is hydrated.
const THEME_SCRIPT = themeStartupScript() + earlyClickScript();
const THEME_HASH = `'sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}'`;

/**
 * Every page gets the theme script in its head (see src/app.html), and the page's
 * Content-Security-Policy lets that one inline script run, by its hash.
 */
export function withThemeScript(html: string): string {
	return html
		.replace('%theme.script%', `<script>${THEME_SCRIPT}</script>`)
		.replace(
			/(http-equiv="content-security-policy" content="[^"]*?script-src 'self')/,
			`$1 ${THEME_HASH}`
		);
}

/**
 * A long interview's page does not preload its scripts: fetched and compiled while the browser
 * parses a megabyte of transcript, they hold back its first paint (about 40 ms of 230 on the
 * 2-hour bench clip, `npm run bench -- --first-moments`). Its lines play before the scripts run
 * (see early-clicks), and the scripts arrive when the parser reaches the end of the page.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => withThemeScript(html),
		preload: ({ type }) => type !== 'js' || !event.locals.longTranscript
	});
