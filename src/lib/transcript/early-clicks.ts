/** On the root element of a page whose scripts run (set by the head script, before the first paint). */
export const SCRIPTED_ATTRIBUTE = 'data-scripted';

/** Where a click on an interface language before hydration is kept (see LanguageSwitch). */
export const EARLY_LANGUAGE_ATTRIBUTE = 'data-early-language';

/**
 * Where a tap on a kiosk control marked `data-kiosk-tap` (its value says what it does) before
 * the control is ready (`data-ready`) is kept: the kiosk reloads after every idle reset, and a
 * visitor's first tap on its attract screen often comes before its script runs.
 */
export const EARLY_KIOSK_TAP_ATTRIBUTE = 'data-early-kiosk-tap';

/**
 * The source of a small inline script for every page's head (hooks.server.ts puts it there,
 * allowed by its hash): until the transcript list is interactive (its `transcript-interactive`
 * mark, see TranscriptList), a click on a line plays the audio from the line's `data-start`.
 * A 3-hour page's lines are on screen long before its JavaScript has started; a reader who
 * clicks one then should hear it, as with the lightest players. Once the list answers clicks
 * itself, the script stands aside. A click on an interface language (`data-ui-language`) before
 * its switch is ready (`data-ready`) is kept on the document, so the switch applies it then;
 * so is a tap on a kiosk control (see EARLY_KIOSK_TAP_ATTRIBUTE).
 */
export function earlyClickScript(): string {
	return (
		// Scripts run here: the page may keep room for what they will add (see ClipPage's deck).
		`document.documentElement.setAttribute('${SCRIPTED_ATTRIBUTE}','');` +
		`document.addEventListener('click',function(e){` +
		// An interface language chosen early is left on the document for the switch to apply.
		`var pick=e.target instanceof Element&&e.target.closest('[data-ui-language]');` +
		`if(pick&&!pick.closest('[data-ready]'))document.documentElement.setAttribute(` +
		`'${EARLY_LANGUAGE_ATTRIBUTE}',pick.getAttribute('data-ui-language'));` +
		// So is a tap on a kiosk control, for the kiosk's page to apply.
		`var tap=e.target instanceof Element&&e.target.closest('[data-kiosk-tap]');` +
		`if(tap&&!tap.closest('[data-ready]'))document.documentElement.setAttribute(` +
		`'${EARLY_KIOSK_TAP_ATTRIBUTE}',tap.getAttribute('data-kiosk-tap'));` +
		`if(performance.getEntriesByName('transcript-interactive').length)return;` +
		`var line=e.target instanceof Element&&e.target.closest('button[data-start]');` +
		`var audio=document.querySelector('audio');if(!line||!audio)return;` +
		`audio.currentTime=Number(line.getAttribute('data-start'));` +
		`var played=audio.play();if(played)played.catch(function(){});},true);`
	);
}
