/**
 * The answers at instrument nodes (scale, checklist, fields, actionplan): checked against the node
 * and cut to size before they are kept, and a gentle check for personal data in free text.
 * Plain TypeScript: the engine, the player and the analysis record share it.
 */
import { scaleSteps, type NodeMeta } from './module-schema';
import type { InstrumentAnswer, PlannedAction } from './saved-state';

/** Longest short answer (a field, who, by when, an own action) kept. */
export const MAX_SHORT_ANSWER = 600;
/** Most own actions in one action plan. */
export const MAX_OWN_ACTIONS = 5;

const clip = (text: unknown) => (typeof text === 'string' ? text.trim().slice(0, MAX_SHORT_ANSWER) : '');

/**
 * The answer as it is kept: only what the node asks for, ids in the node's order, texts trimmed and
 * cut. Null when the answer does not fit the node (a point off the scale, an unknown item).
 */
export function cleanInstrumentAnswer(meta: NodeMeta, answer: InstrumentAnswer): InstrumentAnswer | null {
	switch (meta.kind) {
		case 'scale': {
			const value = answer.scale ?? null;
			if (value !== null && (!Number.isInteger(value) || value < 1 || value > scaleSteps(meta))) return null;
			return { scale: value };
		}
		case 'checklist': {
			const items = meta.items ?? [];
			const chosen = answer.selected ?? [];
			if (!chosen.every((id) => items.includes(id))) return null;
			return { selected: items.filter((id) => chosen.includes(id)), other: meta.other ? clip(answer.other) : '' };
		}
		case 'fields': {
			const fields: Record<string, string> = {};
			for (const id of meta.fields ?? []) fields[id] = clip(answer.fields?.[id]);
			return { fields };
		}
		case 'actionplan': {
			const items = meta.items ?? [];
			const plan: PlannedAction[] = [];
			for (const action of answer.plan ?? []) {
				if (action.item !== null && !items.includes(action.item)) return null;
				const text = action.item === null ? clip(action.text) : '';
				if (action.item === null && !text) continue;
				plan.push({ item: action.item, text, who: clip(action.who), when: clip(action.when) });
			}
			const picked = plan.filter((a) => a.item !== null);
			if (new Set(picked.map((a) => a.item)).size !== picked.length) return null;
			if (plan.length - picked.length > MAX_OWN_ACTIONS) return null;
			// Picked actions in the list's order, then the learner's own in theirs.
			picked.sort((a, b) => items.indexOf(a.item!) - items.indexOf(b.item!));
			return { plan: [...picked, ...plan.filter((a) => a.item === null)] };
		}
		default:
			return null;
	}
}

/** What in a text looks like personal data. */
export type PersonalDataHint = 'email' | 'phone' | 'name';

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
// Ten or more digits with spaces, dashes or dots between them, or a +country code: a phone number.
const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?(?:[\s.-]?\d){6,}/;
const TITLE = /\b(?:meneer|mevrouw|mevr|dhr|mw|mr|mrs|ms|miss|juf|meester)\.?\s+\p{Lu}/u;
const PARTICLE = '(?:van|de|der|den|het|ter|ten|te|van der|van den|van de|el|al|bin|ben)';
// Two capitalised words in a row (with Dutch particles between them): "Jan de Vries", "Fatima Ouali".
const FULL_NAME = new RegExp(`(\\p{Lu}\\p{Ll}+)(?:\\s+${PARTICLE})*\\s+\\p{Lu}\\p{Ll}+`, 'gu');
// Words that begin a sentence or name a place or group far more often than they begin a name.
const NOT_A_FIRST_NAME = new Set(
	'de het een in op bij met van voor na en maar als dat die dit deze wij zij ze ik we je jij hij mijn onze ons hun de ook toen nu daar hier wat wie waar hoe waarom er the a an on at with for and but if that this we they i my our their he she it there here what who when where why how also then now'.split(' ')
);

/**
 * Whether a text seems to hold an e-mail address, a phone number or a person's name, so the
 * player can ask kindly to leave it out. A rough pattern check, not a judgment: it may miss a name
 * or see one in a street name; the learner decides.
 */
export function personalDataHints(text: string): PersonalDataHint[] {
	const hints: PersonalDataHint[] = [];
	if (EMAIL.test(text)) hints.push('email');
	if (PHONE.test(text.replace(EMAIL, ''))) hints.push('phone');
	if (TITLE.test(text) || [...text.matchAll(FULL_NAME)].some((m) => !NOT_A_FIRST_NAME.has(m[1].toLowerCase()))) hints.push('name');
	return hints;
}
