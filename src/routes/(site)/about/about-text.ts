import type { UiLanguage } from '$lib/i18n/languages';

/** The about page, in each interface language (every one, so TypeScript asks a new language for it): sections of plain paragraphs. */
export const about: Record<UiLanguage, { heading: string; paragraphs: string[] }[]> = {
	en: [
		{
			heading: 'The collection',
			paragraphs: [
				'This edition presents recordings about four people and the Soviet camps: Orest Yarynich, a Ukrainian political prisoner; Antanas Seikalis, a Lithuanian political prisoner; Antanas Petrikonis, a Lithuanian partisan held at Kengir; and Vanda Valiutė, who saw from outside Kengir camp what came after the uprising there was crushed in 1954.',
				'Each recording has a transcript in the language it was made in (Ukrainian or Lithuanian) and translations into English and French, synchronised with the audio line by line.'
			]
		},
		{
			heading: 'What you hear',
			paragraphs: [
				'The original recordings are held by the Sound Archives: European Memories of the Gulag (INED Éditions) and are not published here. What plays on each page is a synthesized narration, made with the free speech synthesizer espeak-ng, of a short summary written for this edition: who the witness is, what the recording covers, and its historical context. It is never the voice or the words of the witness, and every page that plays it says so next to the player.',
				'The summaries keep to published facts and do not quote the witnesses. When the archive’s recordings are added, they replace the narration without any change to the software.'
			]
		},
		{
			heading: 'Sources',
			paragraphs: [
				'The facts come from INED Éditions, Sound Archives: European Memories of the Gulag, which presents these witnesses and the history of the camps, including the uprisings of 1953 and 1954 in the special camps of Norilsk, Vorkuta and Kengir.'
			]
		},
		{
			heading: 'How an archive uses this software',
			paragraphs: [
				'The site is built from a folder of files: for each recording, its audio, a short description in a metadata file, its WebVTT transcript and one WebVTT file per translation. The build checks everything and stops with the file and line of any mistake, then writes plain static files that any web server can host.',
				'The same site has a museum kiosk mode, for a touch screen in an exhibition hall: large tiles and captions, no way out of the kiosk, a reset to the start when visitors leave, and recordings stored on the machine so that it keeps working without a network.',
				'The software is open source (MIT licence). Its README explains how to add a recording and how to deploy the site.'
			]
		}
	],
	fr: [
		{
			heading: 'La collection',
			paragraphs: [
				'Cette édition présente des enregistrements consacrés à quatre personnes et aux camps soviétiques : Orest Yarynich, prisonnier politique ukrainien ; Antanas Seikalis, prisonnier politique lituanien ; Antanas Petrikonis, partisan lituanien détenu à Kenguir ; et Vanda Valiutė, qui a vu depuis l’extérieur du camp de Kenguir ce qui suivit l’écrasement du soulèvement en 1954.',
				'Chaque enregistrement a sa transcription dans la langue où il a été fait (ukrainien ou lituanien) et des traductions anglaise et française, synchronisées ligne par ligne avec le son.'
			]
		},
		{
			heading: 'Ce que vous entendez',
			paragraphs: [
				'Les enregistrements originaux sont conservés par les Archives sonores : Mémoires européennes du Goulag (INED Éditions) et ne sont pas publiés ici. Ce qui est diffusé sur chaque page est une narration synthétisée, produite avec le synthétiseur vocal libre espeak-ng, d’un court résumé rédigé pour cette édition : qui est le témoin, ce que couvre l’enregistrement, et son contexte historique. Ce n’est jamais la voix ni les mots du témoin, et chaque page qui la diffuse le dit à côté du lecteur.',
				'Les résumés s’en tiennent aux faits publiés et ne citent pas les témoins. Quand les enregistrements des archives seront ajoutés, ils remplaceront la narration sans aucune modification du logiciel.'
			]
		},
		{
			heading: 'Sources',
			paragraphs: [
				'Les faits proviennent d’INED Éditions, Archives sonores : Mémoires européennes du Goulag, qui présente ces témoins et l’histoire des camps, notamment les soulèvements de 1953 et 1954 dans les camps spéciaux de Norilsk, Vorkouta et Kenguir.'
			]
		},
		{
			heading: 'Comment une archive utilise ce logiciel',
			paragraphs: [
				'Le site est construit à partir d’un dossier de fichiers : pour chaque enregistrement, son audio, une courte description dans un fichier de métadonnées, sa transcription WebVTT et un fichier WebVTT par traduction. La construction vérifie tout et s’arrête en indiquant le fichier et la ligne de toute erreur, puis écrit des fichiers statiques que n’importe quel serveur web peut héberger.',
				'Le même site a un mode borne de musée, pour un écran tactile dans une salle d’exposition : grandes tuiles et sous-titres, aucune sortie de la borne, un retour au début quand les visiteurs s’en vont, et des enregistrements conservés sur la machine pour qu’elle fonctionne sans réseau.',
				'Le logiciel est libre (licence MIT). Son README explique comment ajouter un enregistrement et déployer le site.'
			]
		}
	],
	uk: [
		{
			heading: 'Колекція',
			paragraphs: [
				'Це видання представляє записи про радянські табори й чотирьох людей: Ореста Яринича, українського політичного в’язня; Антанаса Сейкаліса, литовського політичного в’язня; Антанаса Петриконіса, литовського партизана, ув’язненого в Кенгірі; і Ванду Валюте, яка бачила ззовні Кенгірського табору те, що відбувалося там після придушення повстання 1954 року.',
				'Кожен запис має транскрипт мовою, якою його зроблено (українською чи литовською), і переклади англійською та французькою, синхронізовані зі звуком рядок за рядком.'
			]
		},
		{
			heading: 'Що ви чуєте',
			paragraphs: [
				'Оригінальні записи зберігає архів «Sound Archives: European Memories of the Gulag» (INED Éditions), і тут вони не публікуються. На кожній сторінці звучить синтезоване озвучення короткого резюме, написаного для цього видання: хто такий свідок, про що йдеться в записі, який його історичний контекст. Озвучення створено вільним синтезатором мовлення espeak-ng. Це ніколи не голос і не слова свідка, і кожна сторінка, де воно звучить, каже про це поруч із програвачем.',
				'Резюме спираються лише на опубліковані факти й не цитують свідків. Коли до видання додадуть записи з архіву, вони замінять озвучення без жодних змін у програмі.'
			]
		},
		{
			heading: 'Джерела',
			paragraphs: [
				'Факти взято з видання INED Éditions «Sound Archives: European Memories of the Gulag» («Звукові архіви: європейська пам’ять про ГУЛАГ»), яке розповідає про цих свідків та історію таборів, зокрема про повстання 1953 і 1954 років в особливих таборах Норильська, Воркути й Кенгіра.'
			]
		},
		{
			heading: 'Як архів користується цією програмою',
			paragraphs: [
				'Сайт збирається з теки файлів: для кожного запису це аудіо, короткий опис у файлі метаданих, транскрипт у форматі WebVTT і по одному файлу WebVTT на кожен переклад. Під час збирання все перевіряється, і будь-яка помилка зупиняє його із зазначенням файлу й рядка; потім записуються звичайні статичні файли, які може розмістити будь-який вебсервер.',
				'Той самий сайт має режим музейного кіоску для сенсорного екрана в експозиційній залі: великі плитки й субтитри, жодного виходу за межі кіоску, повернення на початок, коли відвідувачі відходять, і записи, збережені на самому пристрої, щоб кіоск працював і без мережі.',
				'Це програма з відкритим кодом (ліцензія MIT). У її README пояснено, як додати запис і як розгорнути сайт.'
			]
		}
	],
	lt: [
		{
			heading: 'Rinkinys',
			paragraphs: [
				'Šiame leidime pateikiami įrašai apie sovietinius lagerius ir keturis žmones: Orestą Jarynyčių, ukrainiečių politinį kalinį; Antaną Seikalį, lietuvių politinį kalinį; Antaną Petrikonį, lietuvių partizaną, kalėjusį Kengyre; ir Vandą Valiutę, kuri iš išorės matė, kas vyko Kengyro lageryje po to, kai 1954 metais ten buvo numalšintas sukilimas.',
				'Kiekvienas įrašas turi nuorašą ta kalba, kuria buvo įrašytas (ukrainiečių arba lietuvių), ir vertimus į anglų bei prancūzų kalbas, eilutė po eilutės sinchronizuotus su garsu.'
			]
		},
		{
			heading: 'Ką girdite',
			paragraphs: [
				'Originalius įrašus saugo archyvas „Sound Archives: European Memories of the Gulag“ (INED Éditions); čia jie neskelbiami. Kiekviename puslapyje skamba sintezuotas trumpos, šiam leidimui parašytos santraukos įgarsinimas: kas yra liudytojas, apie ką įrašas ir koks jo istorinis kontekstas. Įgarsinimas sukurtas laisvąja kalbos sintezės programa espeak-ng. Tai niekada nėra liudytojo balsas ar žodžiai, ir kiekvienas puslapis, kuriame jis skamba, tai nurodo šalia grotuvo.',
				'Santraukos remiasi tik paskelbtais faktais ir necituoja liudytojų. Kai bus pridėti archyvo įrašai, jie pakeis įgarsinimą, o programos keisti nereikės.'
			]
		},
		{
			heading: 'Šaltiniai',
			paragraphs: [
				'Faktai paimti iš INED Éditions leidinio „Sound Archives: European Memories of the Gulag“ („Garso archyvai: Europos Gulago atmintis“), kuriame pristatomi šie liudytojai ir lagerių istorija, tarp jų 1953 ir 1954 metų sukilimai ypatinguosiuose Norilsko, Vorkutos ir Kengyro lageriuose.'
			]
		},
		{
			heading: 'Kaip archyvas naudoja šią programą',
			paragraphs: [
				'Svetainė sukuriama iš failų aplanko: kiekvienam įrašui – garso failas, trumpas aprašas metaduomenų faile, WebVTT nuorašas ir po vieną WebVTT failą kiekvienam vertimui. Kūrimo metu viskas patikrinama, o radus klaidą kūrimas sustoja ir nurodo failą bei eilutę; tada įrašomi paprasti statiniai failai, kuriuos gali talpinti bet kuris interneto serveris.',
				'Ta pati svetainė turi muziejaus kiosko režimą jutikliniam ekranui parodų salėje: didelės plytelės ir subtitrai, jokio išėjimo iš kiosko, grįžimas į pradžią, kai lankytojai nueina, ir įrašai, laikomi pačiame įrenginyje, kad kioskas veiktų ir be tinklo.',
				'Programa yra atvirojo kodo (MIT licencija). Jos README paaiškinta, kaip pridėti įrašą ir paskelbti svetainę.'
			]
		}
	]
};
