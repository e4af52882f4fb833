import type { TextSection } from '$lib/components/TextPage.svelte';
import type { UiLanguage } from '$lib/i18n/languages';

/**
 * The accessibility statement, in each interface language. It says only what the site does
 * and how that is tested; keep it in step with the software, and change the date with it.
 */
export const statement: Record<UiLanguage, TextSection[]> = {
	en: [
		{
			heading: 'Our commitment',
			paragraphs: [
				'We want everyone to be able to listen to, read and use this collection, whatever the way they use the web.',
				'We aim to conform to WCAG 2.2 level AA (the Web Content Accessibility Guidelines) and test against it on every change; the known limitations are listed below.',
				'This statement was written in November 2026.'
			]
		},
		{
			heading: 'What the site offers',
			paragraphs: [],
			items: [
				'Every testimony has its full transcript in the page. It can be read without JavaScript, and the recording then plays with the browser’s own audio controls.',
				'Transcript lines are buttons named with their time. The line being played is marked for assistive technology (aria-current), and on screen by a bar along its edge as well as a tinted background, so not by colour alone (in Windows high-contrast mode only that line has a bar, in the system’s highlight colour, and a selected passage and the matches of a search in the transcript are outlined).',
				'The waveform is a slider, operated with the arrow keys, Page Up and Page Down, Home and End. It announces the time.',
				'Each text in Lithuanian, Ukrainian, French or English is marked with its language, so that screen readers pronounce it correctly.',
				'A captions view with large text offers five text sizes and three line spacings, and can show the original and the translation one above the other. Your choices are remembered in your browser.',
				'Four themes: system, light, dark and high contrast. Your choice is remembered in your browser.',
				'An optional “announce captions” mode for screen-reader users. It is off by default, so nothing is read out unless you ask for it.',
				'Native caption tracks (WebVTT) in every language, so that the browser’s own caption menu and assistive technology can use them too.',
				'Single-key shortcuts: k to play or pause, j and l to go back or forward 10 seconds, c for captions, ? for the list of shortcuts. They can be turned off or changed, and they never act while you are typing in a field.',
				'Skip links to the main content and, on a recording’s page, to the player.',
				'The reduced-motion setting of your system is respected: there is no smooth scrolling, and the museum kiosk’s attract screen only fades.',
				'Pages reflow at 320 CSS pixels wide and at 200% zoom without horizontal scrolling.',
				'Transcripts can be downloaded as WebVTT and as plain text.',
				'Printing a recording’s page gives its transcript with the times.'
			]
		},
		{
			heading: 'How it is tested',
			paragraphs: [],
			items: [
				'Automated checks with axe-core against WCAG 2.0, 2.1 and 2.2, levels A and AA, on every kind of page and in each of its states: the views of a recording (including the captions view), the quotation panel, the shortcuts dialog, search and the museum kiosk. The home page, search, a recording’s page and the captions view are also checked in the dark and high-contrast themes. They run in a real Chromium browser on every change to the software.',
				'A keyboard-only browser test that plays a recording, moves through the transcript lines, seeks with the slider, switches language, opens and closes the shortcuts dialog and copies a quotation, all without a mouse.',
				'Tests of the language marked on each text, of the marking of the current line, of the slider’s values, and of the shortcuts.',
				'Reflow tests at 320 pixels wide and at 200% zoom.',
				'Contrast checks: text at least 4.5:1 against its background, captions at least 7:1.'
			]
		},
		{
			heading: 'Known limitations',
			paragraphs: [],
			items: [
				'The demonstration recordings are synthesized speech, and each page says so. The voice, tone and pauses of the real witnesses are absent from them.',
				'The site has not yet been tested by people who use screen readers every day. It has been tested with automated tools and with the keyboard; testing with users of NVDA, JAWS, VoiceOver and TalkBack is planned.',
				'The interface exists in English and French only. The transcripts are in the language of each recording, with their translations.',
				'The museum kiosk is designed for a fixed 1080p touch screen and does not reflow to 320 pixels wide.',
				'Automated tools cannot find every barrier, so some may remain that we do not know of.'
			]
		},
		{
			heading: 'Feedback',
			paragraphs: [
				'If any part of this site is difficult or impossible for you to use, please let us know.',
				'Write to the archive that hosts this collection; tell us the page, what you were trying to do and what happened.'
			]
		}
	],
	fr: [
		{
			heading: 'Notre engagement',
			paragraphs: [
				'Nous voulons que chacun puisse écouter, lire et consulter cette collection, quelle que soit sa façon d’utiliser le web.',
				'Nous visons la conformité aux WCAG 2.2 (Règles pour l’accessibilité des contenus web), niveau AA, et vérifions le site au regard de ces règles à chaque modification ; les limites connues sont indiquées ci-dessous.',
				'Cette déclaration a été établie en novembre 2026.'
			]
		},
		{
			heading: 'Ce que propose le site',
			paragraphs: [],
			items: [
				'Chaque témoignage a sa transcription complète dans la page. Elle se lit sans JavaScript, et l’enregistrement s’écoute alors avec les commandes audio du navigateur.',
				'Les lignes de la transcription sont des boutons dont le nom indique le temps. La ligne en cours est signalée aux technologies d’assistance (aria-current) et, à l’écran, par une barre sur son bord en plus d’un fond teinté, donc pas seulement par la couleur (en mode de contraste élevé de Windows, seule cette ligne porte une barre, dans la couleur de surbrillance du système, et un passage sélectionné comme les résultats d’une recherche dans la transcription sont encadrés).',
				'La forme d’onde est un curseur, qui se manie avec les touches fléchées, Page précédente et Page suivante, Début et Fin. Il annonce le temps.',
				'Chaque texte en lituanien, en ukrainien, en français ou en anglais indique sa langue, pour que les lecteurs d’écran le prononcent correctement.',
				'Une vue des sous-titres en grands caractères propose cinq tailles de texte et trois interlignes, et peut afficher l’original et la traduction l’un au-dessus de l’autre. Vos réglages sont conservés dans votre navigateur.',
				'Quatre thèmes : celui du système, clair, sombre et contraste élevé. Votre choix est conservé dans votre navigateur.',
				'Un mode facultatif « annoncer les sous-titres » pour les utilisateurs de lecteurs d’écran. Il est désactivé par défaut : rien n’est lu à voix haute sans que vous l’ayez demandé.',
				'Des pistes de sous-titres natives (WebVTT) dans chaque langue, que le menu de sous-titres du navigateur et les technologies d’assistance peuvent aussi utiliser.',
				'Des raccourcis à une touche : k pour lire ou mettre en pause, j et l pour reculer ou avancer de 10 secondes, c pour les sous-titres, ? pour la liste des raccourcis. On peut les désactiver ou en changer les touches, et ils n’agissent jamais pendant la saisie dans un champ.',
				'Des liens d’évitement vers le contenu principal et, sur la page d’un enregistrement, vers le lecteur.',
				'Le réglage de réduction des animations de votre système est respecté : pas de défilement animé, et l’écran d’accueil de la borne du musée se contente d’un fondu.',
				'Les pages se réorganisent à 320 pixels CSS de large et à un zoom de 200 % sans défilement horizontal.',
				'Les transcriptions se téléchargent en WebVTT et en texte brut.',
				'À l’impression, la page d’un enregistrement donne sa transcription avec les temps.'
			]
		},
		{
			heading: 'Comment le site est vérifié',
			paragraphs: [],
			items: [
				'Des contrôles automatiques avec axe-core, selon les WCAG 2.0, 2.1 et 2.2, niveaux A et AA, sur chaque type de page et dans chacun de ses états : les vues d’un enregistrement (dont la vue sous-titres), le panneau de citation, la fenêtre des raccourcis, la recherche et la borne du musée. La page d’accueil, la recherche, la page d’un enregistrement et la vue sous-titres sont aussi vérifiées dans les thèmes sombre et à contraste élevé. Ils s’exécutent dans un véritable navigateur Chromium à chaque modification du logiciel.',
				'Un test au clavier seul, dans le navigateur, qui lance la lecture, parcourt les lignes de la transcription, se déplace avec le curseur, change de langue, ouvre et ferme la fenêtre des raccourcis et copie une citation, sans jamais utiliser la souris.',
				'Des tests de la langue indiquée sur chaque texte, du signalement de la ligne en cours, des valeurs du curseur et des raccourcis.',
				'Des tests de réorganisation à 320 pixels de large et à un zoom de 200 %.',
				'Des contrôles du contraste : au moins 4,5:1 entre le texte et son fond, au moins 7:1 pour les sous-titres.'
			]
		},
		{
			heading: 'Limites connues',
			paragraphs: [],
			items: [
				'Les enregistrements de démonstration sont des voix de synthèse, ce que chaque page indique. La voix, le ton et les silences des vrais témoins en sont absents.',
				'Le site n’a pas encore été testé par des personnes qui utilisent un lecteur d’écran au quotidien. Il a été vérifié avec des outils automatiques et au clavier ; des tests avec des utilisateurs de NVDA, JAWS, VoiceOver et TalkBack sont prévus.',
				'L’interface n’existe qu’en anglais et en français. Les transcriptions sont dans la langue de chaque enregistrement, accompagnées de leurs traductions.',
				'La borne du musée est conçue pour un écran tactile fixe en 1080p et ne se réorganise pas à 320 pixels de large.',
				'Les outils automatiques ne peuvent pas détecter tous les obstacles : il peut en rester que nous ne connaissons pas.'
			]
		},
		{
			heading: 'Nous signaler un problème',
			paragraphs: [
				'Si une partie de ce site vous est difficile ou impossible à utiliser, dites-le-nous.',
				'Écrivez aux archives qui hébergent cette collection ; indiquez-nous la page, ce que vous cherchiez à faire et ce qui s’est passé.'
			]
		}
	]
};
