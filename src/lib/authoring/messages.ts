/**
 * Every message the module checker can give, in English and Dutch, in one place.
 *
 * - `MESSAGES`: the checker's own issues, keyed by issue code. `{name}` is replaced by a parameter.
 * - `JSON_REASONS`: what is wrong in a file that is not valid JSON (see json-locate.ts).
 * - `ENGINE_NL`: Dutch for the engine's issues (src/lib/engine), which are written in English. The
 *   engine is the player's own validator, so the checker reuses it and translates its words here,
 *   pattern by pattern. An engine message without a pattern stays English (tests catch that).
 * - `UI`: the words of the report around the issues; `NEW_MODULE_UI`: those of `npm run new:module`.
 */
export type Lang = 'en' | 'nl';
export const LANGS: readonly Lang[] = ['en', 'nl'];

export type Params = Record<string, string | number>;
interface Text {
	message: string;
	fix: string;
}

export function fill(template: string, params: Params = {}): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const MESSAGES: Record<string, Record<Lang, Text>> = {
	'invalid-json': {
		en: { message: 'The file is not valid JSON (line {line}, column {column}): {detail}', fix: '{fix}' },
		nl: { message: 'Het bestand is geen geldige JSON (regel {line}, kolom {column}): {detail}', fix: '{fix}' }
	},
	'duplicate-key': {
		en: {
			message: 'The key "{key}" is written twice in the same object; only the last one counts, the first is silently lost.',
			fix: 'Remove one of the two, or give it another name (two nodes need two different ids).'
		},
		nl: {
			message: 'De sleutel "{key}" staat twee keer in hetzelfde object; alleen de laatste telt, de eerste gaat ongemerkt verloren.',
			fix: 'Verwijder een van beide, of geef er een andere naam aan (twee knooppunten hebben twee verschillende id\'s nodig).'
		}
	},
	'no-module-json': {
		en: { message: 'The module has no module.json.', fix: 'Create module.json (see modules/README.md), or start with: npm run new:module <id>.' },
		nl: { message: 'De module heeft geen module.json.', fix: 'Maak module.json aan (zie modules/README.md), of begin met: npm run new:module <id>.' }
	},
	'missing-file': {
		en: { message: 'The texts for language "{lang}" are missing ({file} does not exist).', fix: 'Create {file}, or remove "{lang}" from "languages".' },
		nl: { message: 'De teksten voor taal "{lang}" ontbreken ({file} bestaat niet).', fix: 'Maak {file} aan, of haal "{lang}" weg uit "languages".' }
	},
	'unused-locale-file': {
		en: { message: '{file} is not used: "{lang}" is not in "languages".', fix: 'Add "{lang}" to "languages" in module.json, or delete the file.' },
		nl: { message: '{file} wordt niet gebruikt: "{lang}" staat niet in "languages".', fix: 'Zet "{lang}" in "languages" in module.json, of verwijder het bestand.' }
	},
	'id-mismatch': {
		en: { message: 'The module id "{id}" differs from its folder name "{folder}"; the player finds modules by folder name.', fix: 'Set "id": "{folder}", or rename the folder to "{id}".' },
		nl: { message: 'De module-id "{id}" wijkt af van de mapnaam "{folder}"; de speler vindt modules via de mapnaam.', fix: 'Zet "id": "{folder}", of hernoem de map naar "{id}".' }
	},
	'image-missing': {
		en: { message: 'The image "{src}" does not exist in the module folder.', fix: 'Put the image at {src} inside the module folder, or correct the path (capitals count).' },
		nl: { message: 'De afbeelding "{src}" bestaat niet in de modulemap.', fix: 'Zet de afbeelding op {src} in de modulemap, of verbeter het pad (hoofdletters tellen mee).' }
	},
	'image-outside': {
		en: { message: 'The image "{src}" is not a file in the module folder (it points outside the folder, or is an address the player does not load), so learners would not see it.', fix: 'Copy the image into the module\'s media/ folder and write "media/<file name>".' },
		nl: { message: 'De afbeelding "{src}" is geen bestand in de modulemap (hij wijst naar buiten de map, of is een adres dat de speler niet laadt), dus cursisten zouden hem niet zien.', fix: 'Kopieer de afbeelding naar de map media/ van de module en schrijf "media/<bestandsnaam>".' }
	},
	'image-external': {
		en: { message: 'The image "{src}" is loaded from the internet: it fails offline and in many LMSs, and tells another website who is learning.', fix: 'Save the image (if its licence allows) in media/ and write "media/<file name>".' },
		nl: { message: 'De afbeelding "{src}" wordt van internet geladen: dat mislukt offline en in veel LMS\'en, en vertelt een andere website wie er leert.', fix: 'Sla de afbeelding op in media/ (als de licentie dat toestaat) en schrijf "media/<bestandsnaam>".' }
	},
	'image-no-alt': {
		en: { message: 'The image "{src}" has no alt text: learners who use a screen reader would miss what it shows.', fix: 'Describe the image between the square brackets, e.g. ![A nurse talks with a patient]({src}).' },
		nl: { message: 'De afbeelding "{src}" heeft geen alt-tekst: cursisten die een schermlezer gebruiken missen wat erop staat.', fix: 'Beschrijf de afbeelding tussen de vierkante haken, bijvoorbeeld ![Een verpleegkundige praat met een patiënt]({src}).' }
	},
	'mastery-unreachable': {
		en: {
			message: 'masteryScore is {mastery} %, but the best possible path scores {best} % ({bestScore} of {maxScore} points): nobody can pass.',
			fix: 'Lower "masteryScore" to {best} or less, or give more points on the paths that the guards allow.'
		},
		nl: {
			message: 'masteryScore is {mastery} %, maar het best mogelijke pad haalt {best} % ({bestScore} van {maxScore} punten): niemand kan slagen.',
			fix: 'Verlaag "masteryScore" tot {best} of minder, of geef meer punten op de paden die de voorwaarden toelaten.'
		}
	},
	'guard-never': {
		en: { message: 'The guard "{guard}" never holds when the learner is at "{node}", so this alternative is never taken.', fix: 'Check the guard\'s params (points, node, option), or remove this alternative.' },
		nl: { message: 'De voorwaarde "{guard}" is nooit waar als de cursist bij "{node}" is, dus dit alternatief wordt nooit gekozen.', fix: 'Controleer de params van de voorwaarde (points, node, option), of verwijder dit alternatief.' }
	},
	'no-fallback': {
		en: { message: 'Every alternative for "{event}" at "{node}" has a guard; when none holds, the learner is stuck.', fix: 'End the list with an alternative without a guard: { "target": "<node>" }.' },
		nl: { message: 'Elk alternatief voor "{event}" bij "{node}" heeft een voorwaarde; als geen enkele waar is, zit de cursist vast.', fix: 'Sluit de lijst af met een alternatief zonder voorwaarde: { "target": "<knooppunt>" }.' }
	},
	'scoring-loop': {
		en: {
			message: 'The loop through {loop} awards points ({points}) each time round: a learner can collect them again and again, while the maximum score counts them once.',
			fix: 'Give the points outside the loop, or add a guard such as "notChose" or "visited" so they are given once.'
		},
		nl: {
			message: 'De lus via {loop} geeft elke ronde punten ({points}): een cursist kan ze steeds opnieuw halen, terwijl de maximale score ze één keer telt.',
			fix: 'Geef de punten buiten de lus, of voeg een voorwaarde zoals "notChose" of "visited" toe zodat ze één keer worden gegeven.'
		}
	},
	'saved-state-too-large': {
		en: { message: 'Saved progress can grow to {length} characters on the longest path; an LMS (SCORM 1.2) keeps at most 4,096, so progress would be lost.', fix: 'Shorten the longest path (fewer nodes or decisions in a row), or split the module into two modules.' },
		nl: { message: 'De opgeslagen voortgang kan op het langste pad {length} tekens worden; een LMS (SCORM 1.2) bewaart er hoogstens 4.096, dus voortgang zou verloren gaan.', fix: 'Maak het langste pad korter (minder knooppunten of beslissingen achter elkaar), of splits de module in twee modules.' }
	},
	'saved-state-large': {
		en: { message: 'Saved progress can grow to {length} characters on the longest path, more than 1,024; it fits SCORM 1.2 (4,096), but leaves little room.', fix: 'Consider shorter paths or splitting the module.' },
		nl: { message: 'De opgeslagen voortgang kan op het langste pad {length} tekens worden, meer dan 1.024; dat past in SCORM 1.2 (4.096), maar laat weinig ruimte.', fix: 'Overweeg kortere paden of het splitsen van de module.' }
	},
	'option-length': {
		en: {
			message: 'The label of "{option}" at "{node}" is {length} characters, the others about {others}: learners soon learn that the longest, most careful label is the best one.',
			fix: 'Write labels of comparable length and tone: shorten this one, or give the other options their own nuance and reasons.'
		},
		nl: {
			message: 'Het label van "{option}" bij "{node}" is {length} tekens, de andere ongeveer {others}: cursisten leren snel dat het langste, zorgvuldigste label het beste is.',
			fix: 'Schrijf labels van vergelijkbare lengte en toon: kort dit label in, of geef de andere opties hun eigen nuance en redenen.'
		}
	},
	'page-long': {
		en: {
			message: 'The page "{node}" is about {screens} phone screens long at 360 px ({chars} characters); more than two screens is hard to read on a phone.',
			fix: 'Split it into two pages, or explain part of it with a picture (an SVG in media/ with alt text).'
		},
		nl: {
			message: 'De pagina "{node}" is op een telefoon van 360 px ongeveer {screens} schermen lang ({chars} tekens); meer dan twee schermen leest lastig op een telefoon.',
			fix: 'Splits hem in twee pagina\'s, of leg een deel uit met een afbeelding (een SVG in media/ met alt-tekst).'
		}
	},
	'question-twice': {
		en: {
			message: 'The body of "{node}" ends with a question, and the player also shows its question "{question}" above the options: the learner is asked twice.',
			fix: 'End the body with the situation, and leave the question to "question".'
		},
		nl: {
			message: 'De body van "{node}" eindigt met een vraag, en de speler zet ook de vraag "{question}" boven de opties: de cursist krijgt de vraag twee keer.',
			fix: 'Eindig de body met de situatie en laat de vraag over aan "question".'
		}
	},
	'dilemmas-fixed': {
		en: {
			message: 'All {count} dilemmas are met by every learner, whatever they chose before: earlier choices change pages, not dilemmas.',
			fix: 'Let at least one dilemma depend on an earlier choice: branch to a different dilemma with a guard such as "chose" (see "Writing hard dilemmas").'
		},
		nl: {
			message: 'Alle {count} dilemma\'s komt elke cursist tegen, wat hij eerder ook koos: eerdere keuzes veranderen pagina\'s, geen dilemma\'s.',
			fix: 'Laat minstens één dilemma afhangen van een eerdere keuze: vertak naar een ander dilemma met een guard zoals "chose" (zie "Moeilijke dilemma\'s schrijven").'
		}
	},
	'study-time': {
		en: {
			message: 'studyMinutes is {declared}, but the module suggests about {estimate} minutes ({words} words at 150 a minute, {decisions} decisions at 1 minute, {reflections} reflections at 2 minutes).',
			fix: 'Set "studyMinutes" to about {estimate}, or check whether texts are missing or too long.'
		},
		nl: {
			message: 'studyMinutes is {declared}, maar de module wijst op ongeveer {estimate} minuten ({words} woorden bij 150 per minuut, {decisions} beslissingen van 1 minuut, {reflections} reflecties van 2 minuten).',
			fix: 'Zet "studyMinutes" op ongeveer {estimate}, of kijk of er teksten ontbreken of te lang zijn.'
		}
	},
	'hostile-content': {
		en: { message: 'This text holds "{what}", code that could run in the learner\'s browser.', fix: 'Remove it: write plain text and markdown only (a link is [text](https://…)).' },
		nl: { message: 'Deze tekst bevat "{what}", code die in de browser van de cursist zou kunnen draaien.', fix: 'Haal het weg: schrijf alleen gewone tekst en markdown (een link is [tekst](https://…)).' }
	},
	'html-removed': {
		en: { message: 'This text holds HTML ("{what}"); the player removes all HTML from texts, so it will not show as you meant.', fix: 'Use markdown instead: **bold**, *italic*, lists, [links](https://…), ![images](media/…) (see modules/README.md). To show a tag as text, put it between backticks: `<b>`.' },
		nl: { message: 'Deze tekst bevat HTML ("{what}"); de speler haalt alle HTML uit teksten weg, dus het verschijnt niet zoals je bedoelt.', fix: 'Gebruik markdown: **vet**, *cursief*, lijstjes, [links](https://…), ![afbeeldingen](media/…) (zie modules/README.md). Wil je een tag als tekst tonen, zet hem dan tussen backticks: `<b>`.' }
	},
	'text-too-long': {
		en: { message: 'This text is {length} characters long; the limit is 20,000.', fix: 'Spread it over several nodes: long texts are hard to read on a screen.' },
		nl: { message: 'Deze tekst is {length} tekens lang; de grens is 20.000.', fix: 'Verdeel hem over meerdere knooppunten: lange teksten lezen lastig op een scherm.' }
	},
	'svg-script': {
		en: { message: 'The SVG image holds "{what}": code that could run when the image is opened, or parts that are not a plain drawing. Build and package ship SVGs only without them, so this image would not be what you made.', fix: 'Remove scripts, on…= attributes, DOCTYPE and ENTITY lines, foreignObject, <use> and anything not SVG, or export the drawing again as a plain SVG (Inkscape: Save as → Optimized SVG).' },
		nl: { message: 'De SVG-afbeelding bevat "{what}": code die zou kunnen draaien als de afbeelding geopend wordt, of onderdelen die geen gewone tekening zijn. Build en package leveren SVG\'s alleen zonder die onderdelen, dus deze afbeelding zou niet zijn wat je maakte.', fix: 'Haal scripts, on…=-attributen, DOCTYPE- en ENTITY-regels, foreignObject, <use> en alles wat geen SVG is weg, of exporteer de tekening opnieuw als gewone SVG (Inkscape: Opslaan als → Geoptimaliseerde SVG).' }
	},
	'svg-invalid': {
		en: { message: 'The file "{file}" is not an SVG image a browser can show ({what}).', fix: 'Export the drawing again as SVG: the file must be XML with <svg xmlns="http://www.w3.org/2000/svg"> around everything.' },
		nl: { message: 'Het bestand "{file}" is geen SVG-afbeelding die een browser kan tonen ({what}).', fix: 'Exporteer de tekening opnieuw als SVG: het bestand moet XML zijn met <svg xmlns="http://www.w3.org/2000/svg"> om alles heen.' }
	},
	'file-not-allowed': {
		en: { message: 'The file "{file}" has no place in a module: a module holds only module.json, locales/<language>.json and images in media/ (PNG, JPEG, WebP or SVG). Other files could run code in the learner\'s browser, or in the LMS.', fix: 'Remove it from the module folder (keep notes and sources outside modules/). To offer a document, put it on a website and link to it with https://….' },
		nl: { message: 'Het bestand "{file}" hoort niet in een module: een module bevat alleen module.json, locales/<taal>.json en afbeeldingen in media/ (PNG, JPEG, WebP of SVG). Andere bestanden zouden code kunnen draaien in de browser van de cursist, of in het LMS.', fix: 'Haal het weg uit de modulemap (bewaar notities en bronnen buiten modules/). Wil je een document aanbieden, zet het dan op een website en link ernaar met https://….' }
	},
	'folder-not-allowed': {
		en: { message: 'The folder "{file}" has no place in a module: a module holds only module.json, a locales/ folder and a media/ folder (which may hold folders named with letters, digits, - and _).', fix: 'Move the folder out of the module folder; put images in media/ (e.g. media/en/ for English ones).' },
		nl: { message: 'De map "{file}" hoort niet in een module: een module bevat alleen module.json, een map locales/ en een map media/ (met eventueel mappen erin, met letters, cijfers, - en _ in de naam).', fix: 'Verplaats de map naar buiten de modulemap; zet afbeeldingen in media/ (bijvoorbeeld media/en/ voor Engelse).' }
	},
	'media-name': {
		en: { message: 'The image "{file}" has a name the player cannot use safely.', fix: 'Rename it with letters, digits, -, _ and . only (no spaces), e.g. media/sam-portrait.png, and change the texts that show it.' },
		nl: { message: 'De afbeelding "{file}" heeft een naam die de speler niet veilig kan gebruiken.', fix: 'Geef hem een naam met alleen letters, cijfers, -, _ en . (geen spaties), bijvoorbeeld media/sam-portret.png, en pas de teksten aan die hem tonen.' }
	},
	'media-kind-mismatch': {
		en: { message: 'The file "{file}" is named as a {kind} image but is not one (it starts with "{found}").', fix: 'Save the image again as a real {kind} file, or give it the extension of what it is (.png, .jpg, .webp or .svg).' },
		nl: { message: 'Het bestand "{file}" heeft de naam van een {kind}-afbeelding maar is er geen (het begint met "{found}").', fix: 'Sla de afbeelding opnieuw op als echt {kind}-bestand, of geef het de extensie van wat het is (.png, .jpg, .webp of .svg).' }
	},
	'file-not-shipped': {
		en: { message: 'The file "{file}" is not part of the module: build and package leave it out.', fix: 'Nothing to do if it is a note of yours; to be tidy, keep it outside modules/.' },
		nl: { message: 'Het bestand "{file}" hoort niet bij de module: build en package laten het weg.', fix: 'Niets te doen als het een notitie van jezelf is; netter is het buiten modules/ te bewaren.' }
	},
	'unsafe-link': {
		en: { message: 'This text points to "{url}", which the player neither opens nor shows: links may go only to http(s), mailto: and tel: addresses and to images in the module\'s media/ folder.', fix: 'Link to a web page (https://…), or, for an image, put a PNG, JPEG, WebP or SVG file in media/ and write media/<file name>.' },
		nl: { message: 'Deze tekst wijst naar "{url}", dat de speler niet opent en niet toont: links mogen alleen naar http(s)-, mailto:- en tel:-adressen en naar afbeeldingen in de map media/ van de module.', fix: 'Link naar een webpagina (https://…), of zet een afbeelding als PNG-, JPEG-, WebP- of SVG-bestand in media/ en schrijf media/<bestandsnaam>.' }
	},
	'invisible-characters': {
		en: { message: 'This text holds {count} invisible character(s), the first at character {at}: {what}. Such characters can make a text read differently from how it looks (e.g. reversed).', fix: 'Retype the text around that place, or remove the character (editors such as VS Code show it). Zero width joiners, which some scripts need, are fine.' },
		nl: { message: 'Deze tekst bevat {count} onzichtbare teken(s), het eerste op teken {at}: {what}. Zulke tekens kunnen een tekst anders laten lezen dan hij eruitziet (bijvoorbeeld omgekeerd).', fix: 'Typ de tekst rond die plek opnieuw, of haal het teken weg (editors zoals VS Code tonen het). Zero width joiners, die sommige schriften nodig hebben, zijn prima.' }
	}
};

/** Kinds of JSON syntax error: what it is and how to fix it. */
export const JSON_REASONS: Record<string, Record<Lang, { detail: string; fix: string }>> = {
	bom: {
		en: { detail: 'the file starts with an invisible byte-order mark.', fix: 'Save the file as "UTF-8" (without BOM) in your editor.' },
		nl: { detail: 'het bestand begint met een onzichtbaar byte-order-teken (BOM).', fix: 'Sla het bestand op als "UTF-8" (zonder BOM) in je editor.' }
	},
	empty: {
		en: { detail: 'the file is empty.', fix: 'Write the JSON object, starting with { and ending with }.' },
		nl: { detail: 'het bestand is leeg.', fix: 'Schrijf het JSON-object, beginnend met { en eindigend met }.' }
	},
	'trailing-comma': {
		en: { detail: 'a comma after the last item of a list or object.', fix: 'Remove that comma.' },
		nl: { detail: 'een komma na het laatste onderdeel van een lijst of object.', fix: 'Haal die komma weg.' }
	},
	'missing-comma': {
		en: { detail: 'a comma is missing here, before the next item.', fix: 'Add a comma at the end of this line (after the value).' },
		nl: { detail: 'hier ontbreekt een komma vóór het volgende onderdeel.', fix: 'Zet een komma aan het eind van deze regel (na de waarde).' }
	},
	'missing-colon': {
		en: { detail: 'a colon (:) is missing after the key.', fix: 'Write "key": value.' },
		nl: { detail: 'na de sleutel ontbreekt een dubbele punt (:).', fix: 'Schrijf "sleutel": waarde.' }
	},
	'unquoted-key': {
		en: { detail: 'a key without double quotes.', fix: 'Put the key between double quotes: "key": value.' },
		nl: { detail: 'een sleutel zonder dubbele aanhalingstekens.', fix: 'Zet de sleutel tussen dubbele aanhalingstekens: "sleutel": waarde.' }
	},
	'single-quotes': {
		en: { detail: 'a single quote (\'); JSON only allows double quotes (").', fix: 'Replace the single quotes around the text with double quotes. Inside a text, a single quote is fine.' },
		nl: { detail: 'een enkel aanhalingsteken (\'); JSON kent alleen dubbele (").', fix: 'Vervang de enkele aanhalingstekens rond de tekst door dubbele. Binnen een tekst mag een enkel aanhalingsteken wel.' }
	},
	comment: {
		en: { detail: 'a comment; JSON does not allow comments.', fix: 'Remove the comment (// … or /* … */).' },
		nl: { detail: 'een opmerking; JSON staat geen opmerkingen toe.', fix: 'Haal de opmerking weg (// … of /* … */).' }
	},
	'bad-string': {
		en: { detail: 'a text that is not closed, or holds an Enter, a tab or a backslash (\\) that JSON does not allow.', fix: 'Close the text with a double quote; write a new line as \\n, a quote inside a text as \\" and a backslash as \\\\.' },
		nl: { detail: 'een tekst die niet is afgesloten, of een Enter, tab of backslash (\\) bevat die JSON niet toestaat.', fix: 'Sluit de tekst af met een dubbel aanhalingsteken; schrijf een nieuwe regel als \\n, een aanhalingsteken in een tekst als \\" en een backslash als \\\\.' }
	},
	'unexpected-end': {
		en: { detail: 'the file ends too early.', fix: 'Close every { with } and every [ with ]; count them from the top.' },
		nl: { detail: 'het bestand houdt te vroeg op.', fix: 'Sluit elke { af met } en elke [ met ]; tel ze vanaf het begin.' }
	},
	'unexpected-char': {
		en: { detail: 'an unexpected "{found}".', fix: 'Look for a missing comma, quote or bracket just before this place.' },
		nl: { detail: 'een onverwachte "{found}".', fix: 'Zoek vlak vóór deze plek naar een ontbrekende komma, aanhalingsteken of haak.' }
	},
	'extra-content': {
		en: { detail: 'there is more after the end of the JSON object ("{found}").', fix: 'Remove what follows the last }, or move it inside the object.' },
		nl: { detail: 'er staat nog iets na het einde van het JSON-object ("{found}").', fix: 'Haal weg wat na de laatste } staat, of zet het binnen het object.' }
	}
};

/** Dutch for the engine's English messages and fixes. Anchored patterns, tried in order. */
const KIND_NL: Record<string, string> = { content: 'inhouds', persona: 'persona', choice: 'keuze', quiz: 'quiz', reflection: 'reflectie', evaluation: 'evaluatie', end: 'eind', scale: 'schaal', checklist: 'aanvink', fields: 'invul', actionplan: 'actieplan' };
const kindNl = (kind: string) => `${KIND_NL[kind] ?? kind}knooppunt`;
type Rule = [RegExp, string | ((...groups: string[]) => string)];

export const ENGINE_NL: { message: Rule[]; fix: Rule[] } = {
	message: [
		[/^The file does not hold a JSON object\.$/, 'Het bestand bevat geen JSON-object.'],
		[/^A locale file must hold one JSON object\.$/, 'Een taalbestand moet één JSON-object bevatten.'],
		[/^formatVersion is (.*); this player reads format (\d+)\.$/, 'formatVersion is $1; deze speler leest formaat $2.'],
		[/^The module id is missing or has characters other than a-z, 0-9, - and _\.$/, 'De module-id ontbreekt of bevat andere tekens dan a-z, 0-9, - en _.'],
		[/^The version must look like 1\.0\.0\.$/, 'De versie moet eruitzien als 1.0.0.'],
		[/^"(title|description)" must name a locale key\.$/, '"$1" moet een sleutel uit de taalbestanden noemen.'],
		[/^languages must be a non-empty list of language codes\.$/, 'languages moet een niet-lege lijst met taalcodes zijn.'],
		[/^defaultLanguage is not one of the module's languages\.$/, 'defaultLanguage is niet een van de talen van de module.'],
		[/^studyMinutes must be a positive number\.$/, 'studyMinutes moet een positief getal zijn.'],
		[/^masteryScore must be a percentage from 0 to 100\.$/, 'masteryScore moet een percentage van 0 tot en met 100 zijn.'],
		[/^allowBack must be true or false\.$/, 'allowBack moet true of false zijn.'],
		[/^reportFailureAs is (.*); it can only be "incomplete" or "failed"\.$/, 'reportFailureAs is $1; het kan alleen "incomplete" of "failed" zijn.'],
		[/^sources must be a list \(it may be empty for an example module\)\.$/, 'sources moet een lijst zijn (leeg mag alleen bij een voorbeeldmodule).'],
		[/^A source needs an "id" and a "citation"\.$/, 'Een bron heeft een "id" en een "citation" nodig.'],
		[/^A source's url must be a web address starting with http:\/\/ or https:\/\/\.$/, 'De url van een bron moet een webadres zijn dat begint met http:// of https://.'],
		[/^chapters must be a non-empty list of short ids \(a-z, 0-9, - and _\)\.$/, 'chapters moet een niet-lege lijst met korte id\'s zijn (a-z, 0-9, - en _).'],
		[/^The chapters list names the same id twice\.$/, 'De lijst chapters noemt dezelfde id twee keer.'],
		[/^fixedOrder is true or false, on a choice or quiz node only\.$/, 'fixedOrder is true of false, en alleen bij een keuze- of quizknooppunt.'],
		[/^The chapter (.*) is not in the module's "chapters"\.$/, 'Het hoofdstuk $1 staat niet in "chapters" van de module.'],
		[/^The module has no "machine" \(the scenario chart\)\.$/, 'De module heeft geen "machine" (het scenarioschema).'],
		[/^The chart needs an id\.$/, 'Het schema heeft een id nodig.'],
		[/^The chart has no states \(nodes\)\.$/, 'Het schema heeft geen states (knooppunten).'],
		[/^The start node (.*) is not one of the states\.$/, 'Het startknooppunt $1 is geen van de states.'],
		[/^The node id "(.*)" has characters other than a-z, 0-9, - and _\.$/, 'De knooppunt-id "$1" bevat andere tekens dan a-z, 0-9, - en _.'],
		[/^A node must be an object\.$/, 'Een knooppunt moet een object zijn.'],
		[/^The node has no valid kind \((.*)\)\.$/, 'Het knooppunt heeft geen geldige kind ($1).'],
		[/^A (\w+) node needs (\d+) to (\d+) (options|answers), each a short id\.$/, (k, a, b, f) => `Een ${kindNl(k)} heeft ${a} tot ${b} ${f === 'options' ? 'opties' : 'antwoorden'} nodig, elk met een korte id.`],
		[/^The (options|answers) list names the same id twice\.$/, (f) => `De lijst ${f} noemt dezelfde id twee keer.`],
		[/^A (\w+) node needs (\d+) to (\d+) (items|fields), each a short id \(a-z, 0-9, - and _\)\.$/, (k, a, b, f) => `Een ${kindNl(k)} heeft ${a} tot ${b} ${f === 'items' ? 'items' : 'velden'} nodig, elk met een korte id (a-z, 0-9, - en _).`],
		[/^The (items|fields) list names the same id twice\.$/, (f) => `De lijst ${f} noemt dezelfde id twee keer.`],
		[/^A scale has 2 to 7 points\.$/, 'Een schaal heeft 2 tot 7 punten.'],
		[/^"other" is true or false, on a checklist node only\.$/, '"other" is true of false, en alleen bij een aanvinkknooppunt.'],
		[/^"(\w+)" does not belong on a (\w+) node\.$/, (f, k) => `"${f}" hoort niet bij een ${kindNl(k)}.`],
		[/^instrument must be true or false\.$/, 'instrument moet true of false zijn.'],
		[/^The quiz must name its correct answers, each one of its answers\.$/, 'De quiz moet zijn juiste antwoorden noemen, elk een van zijn antwoorden.'],
		[/^A single-answer quiz names more than one correct answer\.$/, 'Een quiz met één antwoord noemt meer dan één juist antwoord.'],
		[/^Quiz points must be a whole number from 0 to 100\.$/, 'Quizpunten moeten een geheel getal van 0 tot en met 100 zijn.'],
		[/^The image must be a path inside the module folder\.$/, 'De afbeelding moet een pad binnen de modulemap zijn.'],
		[/^The image (.*) is not a PNG, JPEG, WebP or SVG file in media\/ named with letters, digits, -, _ and \. only\.$/, 'De afbeelding $1 is geen PNG-, JPEG-, WebP- of SVG-bestand in media/ met alleen letters, cijfers, -, _ en . in de naam.'],
		[/^The location (.*) is neither a place in a file nor an http\(s\) address\.$/, 'De vindplaats $1 is geen plek in een bestand en geen http(s)-adres.'],
		[/^publisher needs a "name"\.$/, 'publisher heeft een "name" nodig.'],
		[/^"accreditation" must be an object\.$/, '"accreditation" moet een object zijn.'],
		[/^"(\w+)" is not a field of accreditation\.$/, '"$1" is geen veld van accreditation.'],
		[/^"accreditation\.example" must be true or false\.$/, '"accreditation.example" moet true of false zijn.'],
		[/^"accreditation\.provider" must be a text of at most 200 characters\.$/, '"accreditation.provider" moet een tekst van hoogstens 200 tekens zijn.'],
		[/^The contact (.*) is not an http\(s\), mailto: or tel: address\.$/, 'Het contact $1 is geen http(s)-, mailto:- of tel:-adres.'],
		[/^accreditation needs at least one registration\.$/, 'accreditation heeft minstens één registratie nodig.'],
		[/^A registration must be an object\.$/, 'Een registratie moet een object zijn.'],
		[/^"(\w+)" is not a field of a registration\.$/, '"$1" is geen veld van een registratie.'],
		[/^A registration needs the register\u2019s name\.$/, 'Een registratie heeft de naam van het register nodig.'],
		[/^"(points|hours)" must be a number above 0 \(at most 1000\)\.$/, '"$1" moet een getal boven 0 zijn (hoogstens 1000).'],
		[/^A registration says neither points nor hours\.$/, 'Een registratie noemt geen punten en geen uren.'],
		[/^"number" must be a text of at most 100 characters\.$/, '"number" moet een tekst van hoogstens 100 tekens zijn.'],
		[/^"(validFrom|validUntil)" must be a date written YYYY-MM-DD\.$/, '"$1" moet een datum zijn, geschreven als JJJJ-MM-DD.'],
		[/^The accreditation ends before it starts\.$/, 'De accreditatie eindigt voordat ze begint.'],
		[/^certificateMinimumMinutes must be a number of minutes above 0 and not above studyMinutes\.$/, 'certificateMinimumMinutes moet een aantal minuten boven 0 zijn, en niet meer dan studyMinutes.'],
		[/^The address (.*) is not an http\(s\), mailto: or tel: address\.$/, 'Het adres $1 is geen http(s)-, mailto:- of tel:-adres.'],
		[/^"publisher\.contact" must be a text\.$/, '"publisher.contact" moet een tekst zijn.'],
		[/^An end node must be final\.$/, 'Een eindknooppunt moet final zijn.'],
		[/^An end node cannot lead anywhere\.$/, 'Een eindknooppunt kan nergens heen leiden.'],
		[/^Only end nodes are final; this is a (\w+) node\.$/, (k) => `Alleen eindknooppunten zijn final; dit is een ${kindNl(k)}.`],
		[/^This node has no way out and is not an end node\.$/, 'Dit knooppunt heeft geen uitweg en is geen eindknooppunt.'],
		[/^The event "(.*)" is missing, so the learner would be stuck after it\.$/, 'Het event "$1" ontbreekt, dus de cursist zou daarna vastzitten.'],
		[/^A (\w+) node does not send "(.*)"; it sends (.*)\.$/, (k, e, list) => `Een ${kindNl(k)} verstuurt geen "${e}"; het verstuurt ${list}.`],
		[/^A transition needs a "target"\.$/, 'Een overgang heeft een "target" nodig.'],
		[/^The target "(.*)" is not a node in this module\.$/, 'Het doel "$1" is geen knooppunt in deze module.'],
		[/^Only the last of several alternatives may have no guard; the later ones can never be taken\.$/, 'Alleen het laatste van meerdere alternatieven mag zonder voorwaarde; de latere worden anders nooit gekozen.'],
		[/^actions must be a list\.$/, 'actions moet een lijst zijn.'],
		[/^A (guard|action) must be written as \{ "type": "…", "params": \{ … \} \}\.$/, (w) => `Een ${w === 'guard' ? 'voorwaarde (guard)' : 'actie (action)'} schrijf je als { "type": "…", "params": { … } }.`],
		[/^"(.*)" is not an? (guard|action) in the library\.$/, (n, w) => `"${n}" is geen ${w === 'guard' ? 'voorwaarde (guard)' : 'actie (action)'} uit de bibliotheek.`],
		[/^The (guard|action) "(.*)" needs "(.*)" \((a number|a text)\)\.$/, (w, n, p, t) => `De ${w === 'guard' ? 'voorwaarde' : 'actie'} "${n}" heeft "${p}" nodig (${t === 'a number' ? 'een getal' : 'een tekst'}).`],
		[/^"(.*)" is not a node in this module\.$/, '"$1" is geen knooppunt in deze module.'],
		[/^The node "(.*)" has no option "(.*)"\.$/, 'Het knooppunt "$1" heeft geen optie "$2".'],
		[/^No path from the start node "(.*)" leads to "(.*)"\.$/, 'Geen enkel pad vanaf het startknooppunt "$1" leidt naar "$2".'],
		[/^The module has no end node\.$/, 'De module heeft geen eindknooppunt.'],
		[/^From "(.*)" no path leads to an end node: the learner would go round in circles\.$/, 'Vanaf "$1" leidt geen pad naar een eindknooppunt: de cursist zou in kringetjes blijven lopen.'],
		[/^The text "(.*)" is missing in (.*)\.$/, 'De tekst "$1" ontbreekt in $2.'],
		[/^"(.*)" must be a text\.$/, '"$1" moet een tekst zijn.'],
		[/^The text "(.*)" is empty in (.*)\.$/, 'De tekst "$1" is leeg in $2.'],
		[/^"(.*)" is not used by any node\.$/, '"$1" wordt door geen enkel knooppunt gebruikt.'],
		[/^The texts for language "(.*)" are missing\.$/, 'De teksten voor taal "$1" ontbreken.']
	],
	fix: [
		[/^Start the file with \{ and end it with \}\.$/, 'Begin het bestand met { en eindig het met }.'],
		[/^Set "formatVersion": (\d+)\.$/, 'Zet "formatVersion": $1.'],
		[/^Use the folder name, e\.g\. "my-module"\.$/, 'Gebruik de mapnaam, bijvoorbeeld "mijn-module".'],
		[/^Write "version": "1\.0\.0" and raise it when you change the module\.$/, 'Schrijf "version": "1.0.0" en verhoog het als je de module wijzigt.'],
		[/^Write "(\w+)": "meta\.(\w+)" and put the text under that key in every locale file\.$/, 'Schrijf "$1": "meta.$2" en zet de tekst onder die sleutel in elk taalbestand.'],
		[/^Write "languages": \["nl", "en"\]\.$/, 'Schrijf "languages": ["nl", "en"].'],
		[/^Use one of the codes in "languages"\.$/, 'Gebruik een van de codes uit "languages".'],
		[/^Write the estimated study time in minutes, e\.g\. "studyMinutes": 60\.$/, 'Schrijf de geschatte studietijd in minuten, bijvoorbeeld "studyMinutes": 60.'],
		[/^Write e\.g\. "masteryScore": 70 \(70 % of the maximum score passes\)\.$/, 'Schrijf bijvoorbeeld "masteryScore": 70 (wie 70 % van de maximale score haalt, slaagt).'],
		[/^Write "allowBack": true or remove it\.$/, 'Schrijf "allowBack": true of haal het weg.'],
		[/^Write "reportFailureAs": "failed" to record failed attempts as failed in the LMS, or remove it \(the default "incomplete" lets learners try again\)\.$/, 'Schrijf "reportFailureAs": "failed" om mislukte pogingen in het LMS als gezakt te laten noteren, of haal het weg (de standaard "incomplete" laat cursisten het opnieuw proberen).'],
		[/^Write "sources": \[(.*)\]\.$/, 'Schrijf "sources": [$1].'],
		[/^Write \{ "id": "s1", "citation": "Author \(year\)\. Title\.", "location": "file:line" \}\.$/, 'Schrijf { "id": "s1", "citation": "Auteur (jaar). Titel.", "location": "bestand:regel" }.'],
		[/^Write e\.g\. "url": "https:\/\/www\.kis\.nl\/publicatie\/…", or remove it\.$/, 'Schrijf bijvoorbeeld "url": "https://www.kis.nl/publicatie/…", of haal het weg.'],
		[/^Write "chapters": \["week-1", "week-2"\], or remove it\.$/, 'Schrijf "chapters": ["week-1", "week-2"], of haal het weg.'],
		[/^Give every chapter its own id\.$/, 'Geef elk hoofdstuk een eigen id.'],
		[/^Write "fixedOrder": true on a choice or quiz whose options must keep their order, or remove it\.$/, 'Schrijf "fixedOrder": true bij een keuze of quiz waarvan de opties hun volgorde moeten houden, of haal het weg.'],
		[/^Add "chapters": \["week-1", …\] at the top of module\.json, or remove "chapter"\.$/, 'Zet "chapters": ["week-1", …] bovenaan module.json, of haal "chapter" weg.'],
		[/^Add "machine": (.*)\.$/, 'Voeg "machine": $1 toe.'],
		[/^Use the module id: "id": "(.*)"\.$/, 'Gebruik de module-id: "id": "$1".'],
		[/^Add at least a start node and an end node under "states"\.$/, 'Zet minstens een startknooppunt en een eindknooppunt onder "states".'],
		[/^Set "initial" to one of: (.*)\.$/, 'Zet "initial" op een van: $1.'],
		[/^Rename the node with lowercase letters, digits, - or _\.$/, 'Hernoem het knooppunt met kleine letters, cijfers, - of _.'],
		[/^Write \{ "meta": \{ "kind": "content" \}, "on": \{ … \} \}\.$/, 'Schrijf { "meta": { "kind": "content" }, "on": { … } }.'],
		[/^Set "meta": \{ "kind": … \} to one of: (.*)\.$/, 'Zet "meta": { "kind": … } op een van: $1.'],
		[/^Write "(options|answers)": \["a", "b", "c"\]\.$/, 'Schrijf "$1": ["a", "b", "c"].'],
		[/^Write "(items|fields)": \["a", "b", "c"\]\.$/, 'Schrijf "$1": ["a", "b", "c"].'],
		[/^Write e\.g\. "steps": 5, or remove it \(5 is the default\)\.$/, 'Schrijf bijvoorbeeld "steps": 5, of haal het weg (5 is de standaard).'],
		[/^Write "other": true on a checklist that lets the learner add an own answer, or remove it\.$/, 'Schrijf "other": true bij een aanvinklijst waar de cursist een eigen antwoord mag toevoegen, of haal het weg.'],
		[/^Remove "(\w+)"\.$/, 'Haal "$1" weg.'],
		[/^Write "instrument": true for an analysis or self-scan without a score, or remove it\.$/, 'Schrijf "instrument": true voor een analyse of zelfscan zonder score, of haal het weg.'],
		[/^Give every entry its own id\.$/, 'Geef elk onderdeel een eigen id.'],
		[/^Write "correct": \["b"\] with ids from "answers"\.$/, 'Schrijf "correct": ["b"] met id\'s uit "answers".'],
		[/^Set "multiple": true, or keep one correct answer\.$/, 'Zet "multiple": true, of houd één juist antwoord over.'],
		[/^Write e\.g\. "points": 1\.$/, 'Schrijf bijvoorbeeld "points": 1.'],
		[/^Write e\.g\. "image": "media\/sara\.svg"\.$/, 'Schrijf bijvoorbeeld "image": "media/sara.svg".'],
		[/^Write "file:line" \(e\.g\. "report\.pdf:12"\) or a web address starting with https:\/\/\.$/, 'Schrijf "bestand:regel" (bijvoorbeeld "rapport.pdf:12") of een webadres dat begint met https://.'],
		[/^Write "publisher": \{ "name": "…", "url": "https:\/\/…" \}, or remove it\.$/, 'Schrijf "publisher": { "name": "…", "url": "https://…" }, of haal het weg.'],
		[/^Write a web address starting with https:\/\/, or remove "url"\.$/, 'Schrijf een webadres dat begint met https://, of haal "url" weg.'],
		[/^Write the contact between double quotes, or remove it\.$/, 'Schrijf het contact tussen dubbele aanhalingstekens, of haal het weg.'],
		[/^Write "accreditation": \{ "registrations": \[\{ "register": "…", "points": 2 \}\] \}, or remove it\.$/, 'Schrijf "accreditation": { "registrations": [{ "register": "…", "points": 2 }] }, of haal het weg.'],
		[/^Use only "registrations", "provider", "contact" and "example"\.$/, 'Gebruik alleen "registrations", "provider", "contact" en "example".'],
		[/^Write "example": true only for made-up data, or remove it\.$/, 'Schrijf "example": true alleen bij verzonnen gegevens, of haal het weg.'],
		[/^Write the name of the organisation that holds the accreditation\.$/, 'Schrijf de naam van de organisatie die de accreditatie heeft.'],
		[/^Write e\.g\. "mailto:opleidingen@example\.org" or "https:\/\/…"\.$/, 'Schrijf bijvoorbeeld "mailto:opleidingen@example.org" of "https://…".'],
		[/^Write "registrations": \[\{ "register": "…", "points": 2, "number": "…", "validUntil": "2027-12-31" \}\]\.$/, 'Schrijf "registrations": [{ "register": "…", "points": 2, "number": "…", "validUntil": "2027-12-31" }].'],
		[/^Write \{ "register": "…", "points": 2 \}\.$/, 'Schrijf { "register": "…", "points": 2 }.'],
		[/^Use "register", "points", "hours", "number", "validFrom" and "validUntil"\.$/, 'Gebruik "register", "points", "hours", "number", "validFrom" en "validUntil".'],
		[/^Write "register": "Registerplein" \(or the register that accredits the module\)\.$/, 'Schrijf "register": "Registerplein" (of het register dat de module accrediteert).'],
		[/^Write e\.g\. "(points|hours)": 2, or remove it\.$/, 'Schrijf bijvoorbeeld "$1": 2, of haal het weg.'],
		[/^Add "points" or "hours" as the register granted them\.$/, 'Voeg "points" of "hours" toe zoals het register ze toekende.'],
		[/^Write the accreditation number between double quotes, e\.g\. "number": "A-12345"\.$/, 'Schrijf het accreditatienummer tussen dubbele aanhalingstekens, bijvoorbeeld "number": "A-12345".'],
		[/^Write e\.g\. "(validFrom|validUntil)": "2027-12-31"\.$/, 'Schrijf bijvoorbeeld "$1": "2027-12-31".'],
		[/^Check "validFrom" and "validUntil"\.$/, 'Controleer "validFrom" en "validUntil".'],
		[/^Write e\.g\. "certificateMinimumMinutes": 30, or remove it\.$/, 'Schrijf bijvoorbeeld "certificateMinimumMinutes": 30, of haal het weg.'],
		[/^Add "type": "final" to the node\.$/, 'Voeg "type": "final" toe aan het knooppunt.'],
		[/^Remove "on" from the end node\.$/, 'Haal "on" weg uit het eindknooppunt.'],
		[/^Remove "type": "final" or make the node "kind": "end"\.$/, 'Haal "type": "final" weg, of maak het knooppunt "kind": "end".'],
		[/^Add "on": \{ "(.*)": "<next node>" \}, or make it an end node\.$/, 'Voeg "on": { "$1": "<volgend knooppunt>" } toe, of maak er een eindknooppunt van.'],
		[/^Add "(.*)": "<next node>" under "on"\.$/, 'Voeg "$1": "<volgend knooppunt>" toe onder "on".'],
		[/^Use "choose\.<option id>" with an id listed in meta\.options\.$/, 'Gebruik "choose.<optie-id>" met een id uit meta.options.'],
		[/^Rename the event to "(.*)"\.$/, 'Hernoem het event naar "$1".'],
		[/^Write \{ "target": "<next node>" \}\.$/, 'Schrijf { "target": "<volgend knooppunt>" }.'],
		[/^Use one of the node ids, or add a node "(.*)"\.$/, 'Gebruik een van de knooppunt-id\'s, of voeg een knooppunt "$1" toe.'],
		[/^Add a "guard" to this alternative or move it to the end\.$/, 'Geef dit alternatief een "guard", of zet het achteraan.'],
		[/^Write "actions": (.*)\.$/, 'Schrijf "actions": $1.'],
		[/^Write e\.g\. \{ "type": "(.*)", "params": \{ … \} \}\.$/, 'Schrijf bijvoorbeeld { "type": "$1", "params": { … } }.'],
		[/^Use one of: (.*)\.$/, 'Gebruik een van: $1.'],
		[/^Name a choice or quiz node: "(.*)" has no options\.$/, 'Noem een keuze- of quizknooppunt: "$1" heeft geen opties.'],
		[/^Add "params": \{ "(.*)": … \}\.$/, 'Voeg "params": { "$1": … } toe.'],
		[/^Use the id of an existing node\.$/, 'Gebruik de id van een bestaand knooppunt.'],
		[/^Point a transition at "(.*)", or delete the node\.$/, 'Laat een overgang naar "$1" wijzen, of verwijder het knooppunt.'],
		[/^Add a node with "type": "final" and "meta": \{ "kind": "end" \}\.$/, 'Voeg een knooppunt toe met "type": "final" en "meta": { "kind": "end" }.'],
		[/^Add a transition out of the loop towards an end node\.$/, 'Voeg een overgang toe die de lus verlaat, richting een eindknooppunt.'],
		[/^Add "(.*)" to (.*)\.$/, 'Voeg "$1" toe aan $2.'],
		[/^Write the text between double quotes\.$/, 'Schrijf de tekst tussen dubbele aanhalingstekens.'],
		[/^Write the (.*) text for "(.*)", or remove the key if it is optional\.$/, 'Schrijf de tekst ($1) voor "$2", of haal de sleutel weg als hij optioneel is.'],
		[/^Remove it, or check the node id in the key for a typing error\.$/, 'Haal hem weg, of controleer de knooppunt-id in de sleutel op een tikfout.'],
		[/^Create (.*), or remove "(.*)" from "languages"\.$/, 'Maak $1 aan, of haal "$2" weg uit "languages".']
	]
};

/** Translates an engine message or fix to Dutch; null when no pattern knows it. */
export function engineToDutch(text: string, which: 'message' | 'fix'): string | null {
	for (const [pattern, replacement] of ENGINE_NL[which]) {
		const m = pattern.exec(text);
		if (!m) continue;
		return typeof replacement === 'string' ? text.replace(pattern, replacement) : replacement(...m.slice(1));
	}
	return null;
}

export const UI: Record<Lang, Record<string, string>> = {
	en: {
		errors: 'Errors',
		warnings: 'Warnings',
		fix: 'Fix',
		clean: 'no problems found',
		moduleCounts: '{errors} error(s), {warnings} warning(s)',
		summary: 'Checked {modules} module(s) in {ms} ms: {errors} error(s), {warnings} warning(s).',
		summaryOk: 'No errors: the modules can be played.',
		summaryFail: 'Fix the errors above before publishing; warnings are advice.',
		noModules: 'No modules found in {dir}.',
		unknownModule: 'There is no module "{id}" in {dir} (no {dir}/{id}/module.json).',
		usage:
			'Usage: npm run check:modules [ids...] [--json] [--lang nl|en] [--dir <modulesDir>]\n' +
			'Checks every module in modules/ (or the ones named) and explains each problem.\n' +
			'  --json          output for tools (one JSON object)\n' +
			'  --lang nl|en    language of the messages (default en)\n' +
			'  --dir <folder>  where the modules are (default: modules/)\n' +
			'Exit code: 0 when there are no errors (warnings allowed), 1 on errors, 2 on wrong usage.',
		badOption: 'Unknown option "{option}".'
	},
	nl: {
		errors: 'Fouten',
		warnings: 'Waarschuwingen',
		fix: 'Oplossing',
		clean: 'geen problemen gevonden',
		moduleCounts: '{errors} fout(en), {warnings} waarschuwing(en)',
		summary: '{modules} module(s) gecontroleerd in {ms} ms: {errors} fout(en), {warnings} waarschuwing(en).',
		summaryOk: 'Geen fouten: de modules kunnen gespeeld worden.',
		summaryFail: 'Herstel de fouten hierboven vóór publicatie; waarschuwingen zijn adviezen.',
		noModules: 'Geen modules gevonden in {dir}.',
		unknownModule: 'Er is geen module "{id}" in {dir} (geen {dir}/{id}/module.json).',
		usage:
			'Gebruik: npm run check:modules [ids...] [--json] [--lang nl|en] [--dir <modulemap>]\n' +
			'Controleert elke module in modules/ (of de genoemde) en legt elk probleem uit.\n' +
			'  --json          uitvoer voor hulpprogramma\'s (één JSON-object)\n' +
			'  --lang nl|en    taal van de meldingen (standaard en)\n' +
			'  --dir <map>     waar de modules staan (standaard: modules/)\n' +
			'Afsluitcode: 0 zonder fouten (waarschuwingen mogen), 1 bij fouten, 2 bij verkeerd gebruik.',
		badOption: 'Onbekende optie "{option}".'
	}
};

/** The words of `npm run new:module` (src/tools/new-module.ts). */
export const NEW_MODULE_UI: Record<Lang, Record<'usage' | 'invalid' | 'exists' | 'done', string>> = {
	en: {
		usage: 'Usage: npm run new:module <id> [--dir <modulesDir>] [--lang nl|en]\nThe id is the folder name: lowercase letters, digits, - and _, starting with a letter or digit (e.g. "first-aid-basics").',
		invalid: 'Cannot create "{id}": a module id may only hold lowercase letters a-z, digits, - and _, must start with a letter or digit, and be at most 64 characters (e.g. "first-aid-basics").',
		exists: 'Cannot create "{id}": {path} already exists. Choose another id, or edit the existing module.',
		done: 'Created {path} with a small example scenario in Dutch and English.\nNext steps:\n  1. Edit {path}/locales/nl.json and en.json (the texts) and {path}/module.json (the chart).\n  2. Check it:  npm run check:modules {id}\n  3. Play it:   npm run dev  (then open the address it prints and choose the module)\nThe guide is modules/README.md.'
	},
	nl: {
		usage: 'Gebruik: npm run new:module <id> [--dir <modulemap>] [--lang nl|en]\nDe id is de mapnaam: kleine letters, cijfers, - en _, beginnend met een letter of cijfer (bijv. "eerste-hulp-basis").',
		invalid: 'Kan "{id}" niet maken: een module-id mag alleen kleine letters a-z, cijfers, - en _ bevatten, moet met een letter of cijfer beginnen en mag hoogstens 64 tekens lang zijn (bijv. "eerste-hulp-basis").',
		exists: 'Kan "{id}" niet maken: {path} bestaat al. Kies een andere id, of bewerk de bestaande module.',
		done: '{path} is gemaakt, met een klein voorbeeldscenario in het Nederlands en Engels.\nVolgende stappen:\n  1. Bewerk {path}/locales/nl.json en en.json (de teksten) en {path}/module.json (het schema).\n  2. Controleer:  npm run check:modules {id}\n  3. Speel:       npm run dev  (open dan het adres dat verschijnt en kies de module)\nDe handleiding staat in modules/README.md.'
	}
};
