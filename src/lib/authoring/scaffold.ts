/**
 * The starting point for a new module (`npm run new:module <id>`): a small, valid module in Dutch
 * and English that uses the main node kinds (content, persona, a choice with a branch, a quiz, a
 * reflection, the evaluation and an end) and passes the checker without errors or warnings.
 * Every text says what to replace it with. Pure: returns the files; src/tools/new-module.ts writes them.
 */
import { ID_PATTERN, type ModuleDefinition } from '../engine/module-schema';
import { estimateStudyTime } from './content';
import { forEachString } from './json-locate';

export function checkNewId(id: string): 'ok' | 'invalid' {
	return typeof id === 'string' && ID_PATTERN.test(id) && id.length <= 64 ? 'ok' : 'invalid';
}

const PORTRAIT =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">' +
	'<rect width="120" height="120" rx="60" fill="#e8eef6"/>' +
	'<circle cx="60" cy="48" r="22" fill="#8a6a52"/>' +
	'<path d="M22 108c6-24 22-34 38-34s32 10 38 34" fill="#3b5b8c"/>' +
	'<path d="M38 44c0-18 44-20 44 0c-6-10-36-10-44 0z" fill="#2b2420"/>' +
	'</svg>\n';

function texts(lang: 'nl' | 'en') {
	const nl = lang === 'nl';
	return {
		meta: {
			title: nl ? 'Nieuwe module' : 'New module',
			description: nl
				? 'Vervang deze beschrijving: waar gaat de module over, in twee zinnen?'
				: 'Replace this description: what is the module about, in two sentences?',
			audience: nl ? 'Voor wie is de module? Bijvoorbeeld: nieuwe medewerkers van het wijkteam.' : 'Who is the module for? For example: new members of the neighbourhood team.',
			goals: nl
				? '- Na de module herken je …\n- Je kunt …'
				: '- After the module you recognise …\n- You can …'
		},
		nodes: {
			welcome: {
				title: nl ? 'Welkom' : 'Welcome',
				body: nl
					? 'Dit is de eerste pagina van je module. Vertel de cursist waar het scenario over gaat en wat hij gaat doen.\n\n- Je kunt **vet** en *cursief* schrijven.\n- Lijstjes en [links](https://example.org) werken ook.'
					: 'This is the first page of your module. Tell the learner what the scenario is about and what they will do.\n\n- You can write **bold** and *italic*.\n- Lists and [links](https://example.org) work too.'
			},
			colleague: {
				title: nl ? 'Maak kennis met Noor' : 'Meet Noor',
				name: 'Noor',
				role: nl ? 'Collega in het team' : 'Colleague in the team',
				body: nl
					? 'Stel hier de hoofdpersoon van je scenario voor: wie is het, wat speelt er, wat wil deze persoon?'
					: 'Introduce the main character of your scenario here: who is it, what is going on, what does this person want?',
				imageAlt: nl ? 'Getekend portret van Noor.' : 'Drawn portrait of Noor.'
			},
			dilemma: {
				title: nl ? 'Wat doe je?' : 'What do you do?',
				body: nl
					? 'Beschrijf een situatie waarin de cursist moet kiezen. Maak elke optie geloofwaardig.'
					: 'Describe a situation in which the learner has to choose. Make every option believable.',
				lesson: nl ? 'Het inzicht dat bij deze keuze hoort.' : 'The insight that goes with this choice.',
				options: {
					ask: {
						label: nl ? 'Je vraagt Noor wat er speelt.' : 'You ask Noor what is going on.',
						consequence: nl ? 'Noor vertelt meer dan je had verwacht.' : 'Noor tells you more than you expected.',
						feedback: nl ? 'Leg uit waarom deze keuze goed uitpakt.' : 'Explain why this choice works out well.'
					},
					wait: {
						label: nl ? 'Je wacht af.' : 'You wait and see.',
						consequence: nl ? 'Er gebeurt niets, en Noor trekt zich terug.' : 'Nothing happens, and Noor withdraws.',
						feedback: nl ? 'Leg uit wat de cursist hier had kunnen doen.' : 'Explain what the learner could have done here.'
					}
				}
			},
			'outcome-ask': {
				title: nl ? 'Een goed gesprek' : 'A good conversation',
				body: nl ? 'Beschrijf wat er gebeurt na deze keuze.' : 'Describe what happens after this choice.'
			},
			'outcome-wait': {
				title: nl ? 'Een gemiste kans' : 'A missed chance',
				body: nl ? 'Beschrijf wat er gebeurt na deze keuze.' : 'Describe what happens after this choice.'
			},
			check: {
				title: nl ? 'Kennischeck' : 'Knowledge check',
				body: nl ? 'Stel een vraag over de stof. Welk antwoord klopt?' : 'Ask a question about the subject. Which answer is right?',
				explanation: nl ? 'Leg uit waarom antwoord B klopt en de andere niet.' : 'Explain why answer B is right and the others are not.',
				answers: {
					a: { label: nl ? 'Antwoord A' : 'Answer A' },
					b: { label: nl ? 'Antwoord B (het juiste)' : 'Answer B (the right one)' },
					c: { label: nl ? 'Antwoord C' : 'Answer C' }
				}
			},
			reflect: {
				title: nl ? 'Even stilstaan' : 'Take a moment',
				body: nl ? 'Stel een open vraag die de cursist aan het denken zet over de eigen praktijk.' : 'Ask an open question that makes the learner think about their own practice.',
				placeholder: nl ? 'Schrijf een paar zinnen. Alleen jij ziet dit.' : 'Write a few sentences. Only you see this.'
			},
			evaluation: {
				title: nl ? 'Wat vond je van deze module?' : 'What did you think of this module?',
				body: nl ? 'Je antwoorden helpen de module te verbeteren.' : 'Your answers help improve the module.'
			},
			end: {
				title: nl ? 'Klaar' : 'Done',
				body: nl ? 'Vat samen wat de cursist heeft geleerd, en wat een volgende stap kan zijn.' : 'Sum up what the learner has learned, and what a next step could be.'
			}
		}
	};
}

/** The files of a new module, by path relative to its folder. */
export function scaffoldModule(id: string): Record<string, string> {
	if (checkNewId(id) !== 'ok') throw new Error(`Invalid module id "${id}".`);
	const states: ModuleDefinition['machine']['states'] = {
		welcome: { meta: { kind: 'content' }, on: { continue: 'colleague' } },
		colleague: { meta: { kind: 'persona', image: 'media/colleague.svg' }, on: { continue: 'dilemma' } },
		dilemma: {
			meta: { kind: 'choice', options: ['ask', 'wait'] },
			on: {
				'choose.ask': { target: 'outcome-ask', actions: [{ type: 'addPoints', params: { points: 2 } }] },
				'choose.wait': 'outcome-wait'
			}
		},
		'outcome-ask': { meta: { kind: 'content' }, on: { continue: 'check' } },
		'outcome-wait': { meta: { kind: 'content' }, on: { continue: 'check' } },
		check: { meta: { kind: 'quiz', answers: ['a', 'b', 'c'], correct: ['b'], points: 1 }, on: { answer: 'reflect' } },
		reflect: { meta: { kind: 'reflection' }, on: { submit: 'evaluation' } },
		evaluation: { meta: { kind: 'evaluation' }, on: { submit: 'end' } },
		end: { type: 'final', meta: { kind: 'end' } }
	};
	const nl = texts('nl');
	const words: string[] = [];
	forEachString(nl, (t) => words.push(t));
	const estimate = estimateStudyTime(
		words,
		Object.values(states).map((s) => s.meta.kind)
	);
	const module: ModuleDefinition = {
		formatVersion: 1,
		id,
		version: '0.1.0',
		languages: ['nl', 'en'],
		defaultLanguage: 'nl',
		title: 'meta.title',
		description: 'meta.description',
		studyMinutes: Math.max(1, Math.round(estimate.minutes)),
		masteryScore: 60,
		allowBack: true,
		sources: [{ id: 's1', citation: 'Author, A. (2024). Title of the source. Publisher. (Replace with your own source.)', url: 'https://example.org' }],
		machine: { id, initial: 'welcome', states }
	};
	return {
		'module.json': formatModuleJson(module),
		'locales/nl.json': JSON.stringify(nl, null, '\t') + '\n',
		'locales/en.json': JSON.stringify(texts('en'), null, '\t') + '\n',
		'media/colleague.svg': PORTRAIT
	};
}

/** module.json in the layout of modules/demo: one line per field and per node, easy to read and edit. */
function formatModuleJson(module: ModuleDefinition): string {
	const { machine, ...rest } = module;
	const inline = (value: unknown): string => {
		if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
		if (value && typeof value === 'object') {
			const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
			return entries.length ? `{ ${entries.join(', ')} }` : '{}';
		}
		return JSON.stringify(value);
	};
	const fields = Object.entries(rest).map(([key, value]) =>
		Array.isArray(value) && value.some((v) => typeof v === 'object')
			? `\t${JSON.stringify(key)}: [\n${value.map((v) => `\t\t${inline(v)}`).join(',\n')}\n\t]`
			: `\t${JSON.stringify(key)}: ${inline(value)}`
	);
	const states = Object.entries(machine.states).map(([id, state]) => `\t\t\t${JSON.stringify(id)}: ${inline(state)}`);
	return `{\n${fields.join(',\n')},\n\t"machine": {\n\t\t"id": ${JSON.stringify(machine.id)},\n\t\t"initial": ${JSON.stringify(machine.initial)},\n\t\t"states": {\n${states.join(',\n')}\n\t\t}\n\t}\n}\n`;
}
