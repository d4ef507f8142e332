import { it } from 'vitest';
import { Scenario } from '../../../src/lib/engine';
import { forEachEnding } from '../../helpers/paths';
function build(D: number, opts: number, Q: number[], tail: number) {
	const states: any = {};
	states['start'] = { meta: { kind: 'content' }, on: { continue: 'd0' } };
	for (let d = 0; d < D; d++) {
		const next = d + 1 < D ? `d${d + 1}` : 't0';
		const o = ['a', 'b', 'c', 'd'].slice(0, opts);
		states[`d${d}`] = { meta: { kind: 'choice', options: o }, on: Object.fromEntries(o.map((x) => [`choose.${x}`, { target: `d${d}-${x}`, actions: [{ type: 'addPoints', params: { points: 1 } }] }])) };
		for (const x of o) states[`d${d}-${x}`] = { meta: { kind: 'content' }, on: { continue: `d${d}-x` } };
		states[`d${d}-x`] = { meta: { kind: 'content' }, on: { continue: `d${d}-y` } };
		states[`d${d}-y`] = { meta: { kind: 'content' }, on: { continue: next } };
	}
	for (let t = 0; t < tail; t++) states[`t${t}`] = { meta: { kind: 'content' }, on: { continue: t + 1 < tail ? `t${t + 1}` : 'q0' } };
	Q.forEach((n, i) => {
		const answers = ['a', 'b', 'c', 'd'].slice(0, n);
		states[`q${i}`] = { meta: { kind: 'quiz', answers, correct: ['a'] }, on: { answer: i + 1 < Q.length ? `q${i + 1}` : 'ev' } };
	});
	states['ev'] = { meta: { kind: 'evaluation' }, on: { submit: 'end' } };
	states['end'] = { type: 'final', meta: { kind: 'end' } };
	return new Scenario({ formatVersion: 1, id: 't', version: '1.0.0', languages: ['nl'], title: 'x', description: 'x', studyMinutes: 1, masteryScore: 1, sources: [], machine: { id: 't', initial: 'start', states } } as any);
}
it('speed', () => {
	for (const [D, o, Q, tail] of [[6, 3, [2, 2, 2, 2], 3], [5, 3, [2,2,2,2], 3], [4, 3, [3,3,4,4], 3],[4, 3, [3,3,3,3], 3]] as const) {
		const s = build(D, o, Q as any, tail);
		const t = Date.now();
		const n = forEachEnding(s, () => {});
		console.log(D, o, Q, 'endings', n, 'ms', Date.now() - t);
	}
}, 600000);
