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
				'This statement was written in November 2026 and updated in December 2026.'
			]
		},
		{
			heading: 'What the site offers',
			paragraphs: [],
			items: [
				'Every recording has its full transcript in the page. It can be read without JavaScript, and the audio then plays with the browser’s own controls.',
				'Transcript lines are buttons named with their time. The line being played is marked for assistive technology (aria-current), and on screen by a bar along its edge as well as a tinted background, so not by colour alone (in Windows high-contrast mode only that line has a bar, in the system’s highlight colour, and a selected passage and the matches of a search in the transcript are outlined).',
				'The waveform is a slider, operated with the arrow keys, Page Up and Page Down, Home and End. It announces the time.',
				'Each text in Lithuanian, Ukrainian, French or English is marked with its language, so that screen readers pronounce it correctly. A text of the collection that is not given in the interface language is shown in English and marked as English.',
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
				'Automated checks with axe-core against WCAG 2.0, 2.1 and 2.2, levels A and AA, on every kind of page and in each of its states: the views of a recording (including the captions view), the quotation panel, the shortcuts dialog, search and the museum kiosk. The home page, search, a recording’s page and the captions view are also checked in the dark and high-contrast themes, and a recording’s page, the about page, this statement and the kiosk in the Ukrainian and Lithuanian interfaces. They run in a real Chromium browser on every change to the software.',
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
				'The interface exists in English, French, Ukrainian and Lithuanian only. This collection’s titles, descriptions and facts about the witnesses are given in all four; a text that an archive does not give in the interface language is shown in English. The transcripts are in the language of each recording, with their translations.',
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
				'Cette déclaration a été établie en novembre 2026 et mise à jour en décembre 2026.'
			]
		},
		{
			heading: 'Ce que propose le site',
			paragraphs: [],
			items: [
				'Chaque enregistrement a sa transcription complète dans la page. Elle se lit sans JavaScript, et le son s’écoute alors avec les commandes audio du navigateur.',
				'Les lignes de la transcription sont des boutons dont le nom indique le temps. La ligne en cours est signalée aux technologies d’assistance (aria-current) et, à l’écran, par une barre sur son bord en plus d’un fond teinté, donc pas seulement par la couleur (en mode de contraste élevé de Windows, seule cette ligne porte une barre, dans la couleur de surbrillance du système, et un passage sélectionné comme les résultats d’une recherche dans la transcription sont encadrés).',
				'La forme d’onde est un curseur, qui se manie avec les touches fléchées, Page précédente et Page suivante, Début et Fin. Il annonce le temps.',
				'Chaque texte en lituanien, en ukrainien, en français ou en anglais indique sa langue, pour que les lecteurs d’écran le prononcent correctement. Un texte de la collection qui n’est pas donné dans la langue de l’interface s’affiche en anglais, et est signalé comme anglais.',
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
				'Des contrôles automatiques avec axe-core, selon les WCAG 2.0, 2.1 et 2.2, niveaux A et AA, sur chaque type de page et dans chacun de ses états : les vues d’un enregistrement (dont la vue sous-titres), le panneau de citation, la fenêtre des raccourcis, la recherche et la borne du musée. La page d’accueil, la recherche, la page d’un enregistrement et la vue sous-titres sont aussi vérifiées dans les thèmes sombre et à contraste élevé, et la page d’un enregistrement, la page « À propos », cette déclaration et la borne dans les interfaces ukrainienne et lituanienne. Ils s’exécutent dans un véritable navigateur Chromium à chaque modification du logiciel.',
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
				'L’interface existe en anglais, en français, en ukrainien et en lituanien seulement. Les titres, les descriptions et les faits sur les témoins de cette collection sont donnés dans ces quatre langues ; un texte qu’une archive ne donne pas dans la langue de l’interface s’affiche en anglais. Les transcriptions sont dans la langue de chaque enregistrement, accompagnées de leurs traductions.',
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
	],
	uk: [
		{
			heading: 'Наше зобов’язання',
			paragraphs: [
				'Ми хочемо, щоб кожен міг слухати й читати цю колекцію та користуватися нею, хоч би як він користувався вебом.',
				'Ми прагнемо відповідати рівню AA настанов WCAG 2.2 (Настанови з доступності вебвмісту) і перевіряємо сайт на відповідність їм після кожної зміни; відомі обмеження перелічено нижче.',
				'Цю заяву складено в листопаді 2026 року й оновлено в грудні 2026 року.'
			]
		},
		{
			heading: 'Що пропонує сайт',
			paragraphs: [],
			items: [
				'Кожен запис має на своїй сторінці повний транскрипт. Його можна читати без JavaScript, а звук тоді відтворюється власними аудіоелементами керування браузера.',
				'Рядки транскрипту — це кнопки, назву яких становить їхній час. Рядок, що звучить, позначено для допоміжних технологій (aria-current), а на екрані — смугою вздовж краю й тонованим тлом, тобто не лише кольором (у режимі високої контрастності Windows смугу має тільки цей рядок, у системному кольорі виділення, а вибраний уривок і збіги пошуку в транскрипті обведено рамкою).',
				'Звукова хвиля — це повзунок, яким керують клавішами зі стрілками, Page Up і Page Down, Home і End. Він оголошує час.',
				'Кожен текст литовською, українською, французькою чи англійською позначено його мовою, щоб програми зчитування з екрана вимовляли його правильно. Текст колекції, якого немає мовою інтерфейсу, показано англійською й позначено як англійський.',
				'Режим субтитрів із великим текстом пропонує п’ять розмірів тексту й три міжрядкові інтервали, а також може показувати оригінал і переклад один над одним. Ваш вибір зберігається у браузері.',
				'Чотири теми: як у системі, світла, темна й висококонтрастна. Ваш вибір зберігається у браузері.',
				'Необов’язковий режим «зачитувати субтитри» для тих, хто користується програмами зчитування з екрана. Типово його вимкнено, тож нічого не зачитується, доки ви самі цього не попросите.',
				'Вбудовані доріжки субтитрів (WebVTT) усіма мовами, тож ними можуть користуватися і меню субтитрів браузера, і допоміжні технології.',
				'Керування однією клавішею: k — відтворити або призупинити, j і l — на 10 секунд назад або вперед, c — субтитри, ? — список гарячих клавіш. Ці клавіші можна вимкнути або змінити, і вони ніколи не спрацьовують, коли ви вводите текст у поле.',
				'Посилання для переходу до основного вмісту, а на сторінці запису — і до програвача.',
				'Сайт зважає на налаштування зменшення руху у вашій системі: плавного прокручування немає, а заставка музейного кіоску лише плавно з’являється й згасає.',
				'За ширини 320 CSS-пікселів і масштабу 200 % сторінки перебудовуються без горизонтального прокручування.',
				'Транскрипти можна завантажити у форматі WebVTT і як звичайний текст.',
				'Надрукована сторінка запису містить його транскрипт із часовими позначками.'
			]
		},
		{
			heading: 'Як сайт перевіряють',
			paragraphs: [],
			items: [
				'Автоматичні перевірки axe-core за WCAG 2.0, 2.1 і 2.2, рівнів A та AA, на кожному типі сторінок і в кожному їхньому стані: подання запису (зокрема режим субтитрів), панель цитування, вікно гарячих клавіш, пошук і музейний кіоск. Головну сторінку, пошук, сторінку запису й режим субтитрів перевіряють також у темній і висококонтрастній темах, а сторінку запису, сторінку «Про колекцію», цю заяву й кіоск — в українському та литовському інтерфейсі. Перевірки виконуються в справжньому браузері Chromium після кожної зміни програми.',
				'Тест у браузері лише з клавіатурою: відтворити запис, пройти рядками транскрипту, перемотати повзунком, змінити мову, відкрити й закрити вікно гарячих клавіш і скопіювати цитату — усе без миші.',
				'Тести мовних позначок на кожному тексті, позначення поточного рядка, значень повзунка й гарячих клавіш.',
				'Тести перебудови сторінок за ширини 320 пікселів і масштабу 200 %.',
				'Перевірки контрастності: текст щодо тла — щонайменше 4,5:1, субтитри — щонайменше 7:1.'
			]
		},
		{
			heading: 'Відомі обмеження',
			paragraphs: [],
			items: [
				'Демонстраційні записи — це синтезоване мовлення, і кожна сторінка про це каже. Голосу, інтонацій і пауз справжніх свідків у них немає.',
				'Сайт ще не перевіряли люди, які щодня користуються програмами зчитування з екрана. Його перевірено автоматичними засобами й клавіатурою; тестування з користувачами NVDA, JAWS, VoiceOver і TalkBack заплановано.',
				'Інтерфейс доступний лише англійською, французькою, українською та литовською. Назви, описи й відомості про свідків цієї колекції подано всіма чотирма мовами; текст, якого архів не подає мовою інтерфейсу, показано англійською. Транскрипти подано мовою кожного запису, разом із перекладами.',
				'Музейний кіоск розраховано на стаціонарний сенсорний екран 1080p, і за ширини 320 пікселів він не перебудовується.',
				'Автоматичні засоби не можуть виявити всіх бар’єрів, тож деякі, про які ми не знаємо, можуть лишатися.'
			]
		},
		{
			heading: 'Зворотний зв’язок',
			paragraphs: [
				'Якщо якоюсь частиною сайту вам важко або неможливо користуватися, будь ласка, повідомте нам.',
				'Напишіть до архіву, який публікує цю колекцію; укажіть сторінку, що ви намагалися зробити і що сталося.'
			]
		}
	],
	lt: [
		{
			heading: 'Mūsų įsipareigojimas',
			paragraphs: [
				'Norime, kad kiekvienas galėtų klausytis šio rinkinio, jį skaityti ir juo naudotis, kad ir kaip naudotųsi internetu.',
				'Siekiame atitikti WCAG 2.2 (Saityno turinio prieinamumo gairių) AA lygį ir po kiekvieno pakeitimo tikriname svetainę pagal šias gaires; žinomi apribojimai išvardyti toliau.',
				'Šis pareiškimas parengtas 2026 m. lapkritį ir atnaujintas 2026 m. gruodį.'
			]
		},
		{
			heading: 'Ką siūlo svetainė',
			paragraphs: [],
			items: [
				'Kiekvieno įrašo visas nuorašas yra pačiame puslapyje. Jį galima skaityti ir be JavaScript, o garsas tada leidžiamas pačios naršyklės valdikliais.',
				'Nuorašo eilutės yra mygtukai, pavadinti jų laiku. Skambanti eilutė pažymėta pagalbinėms technologijoms (aria-current), o ekrane – juosta palei kraštą ir atspalvintu fonu, taigi ne vien spalva (Windows didelio kontrasto režimu juostą turi tik ši eilutė, sistemos paryškinimo spalva, o pasirinkta ištrauka ir paieškos nuoraše atitikmenys apvesti rėmeliu).',
				'Garso banga yra slankiklis, valdomas rodyklių klavišais, Page Up ir Page Down, Home ir End. Jis praneša laiką.',
				'Kiekvienas tekstas lietuvių, ukrainiečių, prancūzų ar anglų kalba pažymėtas savo kalba, kad ekrano skaitytuvai jį tartų teisingai. Rinkinio tekstas, kurio nėra sąsajos kalba, rodomas angliškai ir pažymėtas kaip angliškas.',
				'Subtitrų vaizdas dideliu šriftu siūlo penkis teksto dydžius ir trejopus tarpus tarp eilučių, be to, gali rodyti originalą ir vertimą vieną virš kito. Jūsų pasirinkimai įsimenami naršyklėje.',
				'Keturios temos: kaip sistemoje, šviesi, tamsi ir didelio kontrasto. Jūsų pasirinkimas įsimenamas naršyklėje.',
				'Pasirenkamas režimas „skaityti subtitrus“ ekrano skaitytuvų naudotojams. Pagal numatymą jis išjungtas, tad niekas neskaitoma, kol to nepaprašote.',
				'Naršyklės subtitrų takeliai (WebVTT) visomis kalbomis, kad juos galėtų naudoti ir naršyklės subtitrų meniu, ir pagalbinės technologijos.',
				'Vieno klavišo komandos: k – leisti arba pristabdyti, j ir l – 10 sekundžių atgal arba pirmyn, c – subtitrai, ? – komandų sąrašas. Jas galima išjungti arba pakeisti, ir jos niekada neveikia, kai rašote laukelyje.',
				'Nuorodos, vedančios tiesiai prie pagrindinio turinio, o įrašo puslapyje – ir prie grotuvo.',
				'Paisoma jūsų sistemos judesio mažinimo nustatymo: puslapis neslenka sklandžiai, o muziejaus kiosko pradinis ekranas tik pamažu išryškėja ir išblunka.',
				'Esant 320 CSS taškų pločiui ir 200 % masteliui puslapiai persitvarko ir slinkti horizontaliai nereikia.',
				'Nuorašus galima atsisiųsti WebVTT formatu ir kaip paprastą tekstą.',
				'Atspausdintame įrašo puslapyje yra jo nuorašas su laiko žymomis.'
			]
		},
		{
			heading: 'Kaip svetainė tikrinama',
			paragraphs: [],
			items: [
				'Automatiniai axe-core patikrinimai pagal WCAG 2.0, 2.1 ir 2.2, A ir AA lygius, kiekvieno tipo puslapyje ir kiekvienoje jo būsenoje: įrašo rodiniuose (taip pat subtitrų vaizde), citavimo skydelyje, sparčiųjų klavišų lange, paieškoje ir muziejaus kioske. Pagrindinis puslapis, paieška, įrašo puslapis ir subtitrų vaizdas taip pat tikrinami tamsioje ir didelio kontrasto temose, o įrašo puslapis, puslapis „Apie rinkinį“, šis pareiškimas ir kioskas – lietuviškoje ir ukrainietiškoje sąsajoje. Patikrinimai vykdomi tikroje Chromium naršyklėje po kiekvieno programos pakeitimo.',
				'Naršyklės testas vien klaviatūra: paleisti įrašą, pereiti nuorašo eilutes, pasukti slankiklį, pakeisti kalbą, atidaryti ir uždaryti sparčiųjų klavišų langą ir nukopijuoti citatą – viskas be pelės.',
				'Testai, tikrinantys kiekvieno teksto kalbos žymą, dabartinės eilutės žymėjimą, slankiklio reikšmes ir sparčiuosius klavišus.',
				'Persitvarkymo testai esant 320 taškų pločiui ir 200 % masteliui.',
				'Kontrasto patikrinimai: tekstas ir fonas – ne mažiau kaip 4,5:1, subtitrai – ne mažiau kaip 7:1.'
			]
		},
		{
			heading: 'Žinomi apribojimai',
			paragraphs: [],
			items: [
				'Demonstraciniai įrašai yra sintezuota kalba, ir kiekvienas puslapis tai nurodo. Tikrųjų liudytojų balso, intonacijos ir pauzių juose nėra.',
				'Svetainės dar neišbandė žmonės, kasdien naudojantys ekrano skaitytuvus. Ji patikrinta automatinėmis priemonėmis ir klaviatūra; planuojama ją išbandyti su NVDA, JAWS, VoiceOver ir TalkBack naudotojais.',
				'Sąsaja yra tik anglų, prancūzų, ukrainiečių ir lietuvių kalbomis. Šio rinkinio pavadinimai, aprašai ir žinios apie liudytojus pateikiami visomis keturiomis kalbomis; tekstas, kurio archyvas nepateikia sąsajos kalba, rodomas angliškai. Nuorašai pateikiami kiekvieno įrašo kalba kartu su vertimais.',
				'Muziejaus kioskas sukurtas stacionariam 1080p jutikliniam ekranui ir esant 320 taškų pločiui nepersitvarko.',
				'Automatinės priemonės negali aptikti visų kliūčių, tad gali likti tokių, apie kurias nežinome.'
			]
		},
		{
			heading: 'Atsiliepimai',
			paragraphs: [
				'Jei kuria nors šios svetainės dalimi jums sunku ar neįmanoma naudotis, praneškite mums.',
				'Parašykite archyvui, kuris skelbia šį rinkinį; nurodykite puslapį, ką bandėte padaryti ir kas nutiko.'
			]
		}
	]
};
