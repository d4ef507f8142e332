import type { Decision, NodeMeta, Verdict } from '$lib/engine';

type Translate = (key: string) => string;

/** Module texts are markdown; a live region is read aloud, so it gets the words without the marks. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`~#>]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Ends a text with a full stop unless it already ends a sentence. */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/**
 * What a screen reader hears in the live region when feedback on a decision appears. Focus moves to
 * the feedback's heading at the same moment; this says the outcome itself, so a learner who does
 * not read on still knows what their choice led to (choice) or whether their answer was right (quiz).
 *
 * @param moduleText a module text by key (`nodes.<id>.…`), in the module's language
 * @param uiText a UI string by key
 */
export function feedbackAnnouncement(decision: Decision, meta: NodeMeta, verdict: Verdict, moduleText: Translate, uiText: Translate): string {
	const key = `nodes.${decision.node}`;
	if (meta.kind === 'choice') {
		const option = decision.answers[0];
		const judged = verdict === 'neutral' ? '' : ` ${sentence(uiText(CHOICE_VERDICT[verdict]))}`;
		return `${uiText('player.yourChoice')}: ${sentence(plainText(moduleText(`${key}.options.${option}.label`)))}${judged} ${uiText('player.whatHappens')}: ${plainText(moduleText(`${key}.options.${option}.consequence`))}`;
	}
	if (verdict === 'correct') return `${uiText('player.correct')}.`;
	const right = meta.correct ?? [];
	const labels = right.map((a) => plainText(moduleText(`${key}.answers.${a}.label`))).join('; ');
	return `${uiText(QUIZ_VERDICT[verdict])}. ${uiText(right.length > 1 ? 'player.correctAnswers' : 'player.correctAnswer')}: ${sentence(labels)}`;
}

/** The heading of a quiz's feedback, by how right the answer was. */
export const QUIZ_VERDICT: Record<Verdict, string> = { correct: 'player.correct', partly: 'player.partlyRight', wrong: 'player.incorrect', neutral: 'player.incorrect' };
/** What the feedback on a scored dilemma says about the option chosen. */
export const CHOICE_VERDICT: Record<Exclude<Verdict, 'neutral'>, string> = { correct: 'player.choiceStrong', partly: 'player.choicePartly', wrong: 'player.choiceWeak' };
