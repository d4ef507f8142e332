import { describe, expect, it } from 'vitest';
import type { Decision, NodeMeta } from '$lib/engine';
import { feedbackAnnouncement, plainText } from './announce';

const texts: Record<string, string> = {
	'nodes.n.options.talk.label': 'You **talk** to [Sam](https://example.org)',
	'nodes.n.options.talk.consequence': 'He tells you about *his band*.',
	'nodes.q.answers.a.label': 'Phone',
	'nodes.q.answers.b.label': 'The `door`',
	'nodes.q.answers.c.label': 'Music.'
};
const ui: Record<string, string> = {
	'player.yourChoice': 'Your choice',
	'player.whatHappens': 'What happens',
	'player.correct': 'Right',
	'player.incorrect': 'Not right',
	'player.partlyRight': 'Partly right',
	'player.choiceStrong': 'A strong choice',
	'player.choicePartly': 'Defensible, but not the strongest choice',
	'player.choiceWeak': 'Not a strong choice',
	'player.correctAnswer': 'The right answer',
	'player.correctAnswers': 'The right answers'
};
const moduleText = (k: string) => texts[k] ?? `MISSING ${k}`;
const uiText = (k: string) => ui[k] ?? `MISSING ${k}`;
const decision = (node: string, answers: string[]): Decision => ({ node, answers, points: 0, at: 0, latencyMs: 0 });

describe('feedbackAnnouncement', () => {
	it('says the choice made and what happened, in words without markdown', () => {
		const meta = { kind: 'choice', options: ['talk'] } as NodeMeta;
		expect(feedbackAnnouncement(decision('n', ['talk']), meta, 'neutral', moduleText, uiText)).toBe(
			'Your choice: You talk to Sam. What happens: He tells you about his band.'
		);
		// A scored dilemma also says how strong the choice was.
		expect(feedbackAnnouncement(decision('n', ['talk']), meta, 'partly', moduleText, uiText)).toBe(
			'Your choice: You talk to Sam. Defensible, but not the strongest choice. What happens: He tells you about his band.'
		);
	});

	it('says a right quiz answer is right', () => {
		const meta = { kind: 'quiz', answers: ['a', 'b'], correct: ['b'] } as NodeMeta;
		expect(feedbackAnnouncement(decision('q', ['b']), meta, 'correct', moduleText, uiText)).toBe('Right.');
	});

	it('names the right answer, or answers, after a wrong one, and says "partly" only for a partly right one', () => {
		const one = { kind: 'quiz', answers: ['a', 'b'], correct: ['b'] } as NodeMeta;
		expect(feedbackAnnouncement(decision('q', ['a']), one, 'wrong', moduleText, uiText)).toBe('Not right. The right answer: The door.');
		const many = { kind: 'quiz', answers: ['a', 'b', 'c'], correct: ['b', 'c'], multiple: true } as NodeMeta;
		expect(feedbackAnnouncement(decision('q', ['a']), many, 'wrong', moduleText, uiText)).toBe('Not right. The right answers: The door; Music.');
		expect(feedbackAnnouncement(decision('q', ['b']), many, 'partly', moduleText, uiText)).toBe('Partly right. The right answers: The door; Music.');
	});
});

describe('plainText', () => {
	it('keeps image alt text and link text, drops the marks', () => {
		expect(plainText('See ![a map](media/m.svg) and _[the guide](g.pdf)_\n\nnow')).toBe('See a map and the guide now');
	});
});
