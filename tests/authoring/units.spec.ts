// The checker's parts: the JSON locator, the graph analyses and the text scans.
import { describe, expect, it } from 'vitest';
import { checkModule } from '../../src/lib/authoring/checker';
import { classifySource, countWords, estimateStudyTime, imagesIn, scanSvg, scanText } from '../../src/lib/authoring/content';
import { analyseScores, scoringLoops } from '../../src/lib/authoring/graph';
import { hasDuplicateKeys, locate, parsePositioned } from '../../src/lib/authoring/json-locate';
import type { ModuleDefinition, StateConfig } from '../../src/lib/engine';

describe('JSON locator', () => {
	const errorOf = (text: string) => {
		expect(() => JSON.parse(text)).toThrow();
		const result = parsePositioned(text);
		if (result.ok) throw new Error('expected a syntax error');
		return result.error;
	};

	it('names the kind of syntax error and its line and column', () => {
		expect(errorOf('{\n  "a": [1, 2,]\n}')).toMatchObject({ reason: 'trailing-comma', line: 2, column: 13 });
		expect(errorOf('{\n  "a": 1,\n}')).toMatchObject({ reason: 'trailing-comma', line: 2, column: 9 });
		expect(errorOf('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ reason: 'missing-comma', line: 2, column: 9 });
		expect(errorOf('{ a: 1 }')).toMatchObject({ reason: 'unquoted-key', line: 1, column: 3 });
		expect(errorOf("{ 'a': 1 }")).toMatchObject({ reason: 'single-quotes' });
		expect(errorOf('{ "a": 1 // note\n}')).toMatchObject({ reason: 'comment', column: 10 });
		expect(errorOf('{ "a": "two\nlines" }')).toMatchObject({ reason: 'bad-string', line: 1, column: 12 });
		expect(errorOf('{ "a": { "b": 1 }')).toMatchObject({ reason: 'unexpected-end' });
		expect(errorOf('\uFEFF{}')).toMatchObject({ reason: 'bom' });
		expect(errorOf('  \n')).toMatchObject({ reason: 'empty' });
		expect(errorOf('{} x')).toMatchObject({ reason: 'extra-content', found: 'x' });
		expect(errorOf('{ "a" 1 }')).toMatchObject({ reason: 'missing-colon' });
	});

	it('accepts what JSON.parse accepts', () => {
		for (const text of ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]}', ' { "a" : { "b" : [ { } ] } } '])
			expect(parsePositioned(text).ok).toBe(true);
	});

	it('finds keys that hold dots and array items, and the parent of a missing key', () => {
		const text = '{\n "on": {\n  "choose.talk": "x",\n  "choose": "y"\n },\n "list": [\n  1,\n  { "k": 2 }\n ]\n}';
		const result = parsePositioned(text);
		if (!result.ok) throw new Error();
		expect(locate(result.json, 'on.choose.talk')).toMatchObject({ line: 3, column: 3, exact: true });
		expect(locate(result.json, 'on.choose')).toMatchObject({ line: 4, exact: true });
		expect(locate(result.json, 'list[1].k')).toMatchObject({ line: 8, exact: true });
		expect(locate(result.json, 'on.missing.deeper')).toMatchObject({ line: 2, exact: false });
	});

	it('finds keys written twice, also when nested, and not in strings or arrays', () => {
		expect(hasDuplicateKeys('{"a":1,"b":{"a":2}}')).toBe(false);
		expect(hasDuplicateKeys('{"a":"{\\"a\\":1, \\"a\\": 2}","b":[{"a":1},{"a":2}]}')).toBe(false);
		expect(hasDuplicateKeys('{"a":1,"b":{"c":2,"c":3}}')).toBe(true);
		const result = parsePositioned('{\n"a": 1,\n"b": [{ "c": 2,\n "c": 3 }]\n}');
		expect(result.ok && result.json.duplicates).toEqual([{ path: 'b[0].c', key: 'c', line: 4, column: 2 }]);
	});
});

const node = (kind: StateConfig['meta']['kind'], on?: StateConfig['on'], extra: Partial<StateConfig['meta']> = {}): StateConfig =>
	kind === 'end' ? { type: 'final', meta: { kind } } : { meta: { kind, ...extra }, ...(on ? { on } : {}) };
const chart = (states: Record<string, StateConfig>, initial = 'start'): ModuleDefinition => ({
	formatVersion: 1,
	id: 't',
	version: '1.0.0',
	languages: ['en'],
	title: 'meta.title',
	description: 'meta.description',
	studyMinutes: 5,
	masteryScore: 50,
	sources: [],
	machine: { id: 't', initial, states }
});
const points = (p: number) => [{ type: 'addPoints', params: { points: p } }];

describe('graph analyses', () => {
	it('does not call a "try again until correct" quiz loop a scoring loop', () => {
		const m = chart({
			start: node('quiz', { answer: [{ target: 'end', guard: { type: 'answeredCorrectly', params: { node: 'start' } } }, { target: 'retry' }] }, { answers: ['a', 'b'], correct: ['a'] }),
			retry: node('content', { continue: 'start' }),
			end: node('end')
		});
		expect(scoringLoops(m)).toEqual([]);
		expect(analyseScores(m)).toEqual({ bestScore: 1, neverTaken: [], stuck: [] });
	});

	it('finds a loop that gives points', () => {
		const m = chart({
			start: node('choice', { 'choose.a': { target: 'back', actions: points(1) }, 'choose.b': 'end' }, { options: ['a', 'b'] }),
			back: node('content', { continue: 'start' }),
			end: node('end')
		});
		expect(scoringLoops(m)).toEqual([{ nodes: ['start', 'back'], path: 'machine.states.start.on.choose.a', points: 1 }]);
	});

	it('follows score guards: complementary thresholds never leave the learner stuck', () => {
		const m = chart({
			start: node('choice', { 'choose.a': { target: 'mid', actions: points(2) }, 'choose.b': 'mid' }, { options: ['a', 'b'] }),
			mid: node('content', {
				continue: [
					{ target: 'bonus', guard: { type: 'scoreAtLeast', params: { points: 2 } } },
					{ target: 'end', guard: { type: 'scoreBelow', params: { points: 2 } } }
				]
			}),
			bonus: node('choice', { 'choose.a': { target: 'end', actions: points(3) }, 'choose.b': 'end' }, { options: ['a', 'b'] }),
			end: node('end')
		});
		expect(analyseScores(m)).toEqual({ bestScore: 5, neverTaken: [], stuck: [] });
	});

	it('knows a choice guard on its own node, and nodes that cannot come first', () => {
		const m = chart({
			start: node('choice', {
				'choose.a': [{ target: 'end', guard: { type: 'chose', params: { node: 'start', option: 'b' } } }, { target: 'end', actions: points(1) }],
				'choose.b': [{ target: 'end', guard: { type: 'visited', params: { node: 'late' } } }, { target: 'late' }]
			}, { options: ['a', 'b'] }),
			late: node('content', { continue: 'end' }),
			end: node('end')
		});
		const analysis = analyseScores(m);
		expect(analysis.neverTaken.map((n) => n.path)).toEqual(['machine.states.start.on.choose.a[0]', 'machine.states.start.on.choose.b[0]']);
		expect(analysis.bestScore).toBe(1);
	});

	it('gives quiz points before the quiz\'s own guards, as the engine does', () => {
		const m = chart({
			start: node('quiz', { answer: [{ target: 'good', guard: { type: 'scoreAtLeast', params: { points: 1 } } }, { target: 'end' }] }, { answers: ['a', 'b'], correct: ['a'] }),
			good: node('choice', { 'choose.a': { target: 'end', actions: points(2) }, 'choose.b': 'end' }, { options: ['a', 'b'] }),
			end: node('end')
		});
		expect(analyseScores(m)).toEqual({ bestScore: 3, neverTaken: [], stuck: [] });
	});
});

describe('text scans', () => {
	it('finds code in texts', () => {
		expect(scanText('<SCRIPT src=x>')).toEqual([{ code: 'hostile-content', what: '<script' }]);
		expect(scanText('[a](JavaScript:void(0))')).toEqual([{ code: 'hostile-content', what: 'javascript:' }]);
		expect(scanText('<a href="#" onclick = "x()">')).toEqual([{ code: 'hostile-content', what: 'onclick=' }]);
		expect(scanText('<iframe src="https://x">')).toEqual([{ code: 'hostile-content', what: '<iframe' }]);
		expect(scanText('<a href="data:text/html;base64,xx">')).toEqual([{ code: 'hostile-content', what: 'data:text/html' }]);
		expect(scanText('<svg viewBox="0 0 1 1"></svg>')).toEqual([{ code: 'html-removed', what: '<svg>' }]);
		expect(scanText('Some <b>bold</b> text')).toEqual([{ code: 'html-removed', what: '<b>' }]);
		expect(scanText('<img src="media/x.png" alt="x">')).toEqual([{ code: 'html-removed', what: '<img>' }]);
	});

	it('leaves ordinary text alone', () => {
		for (const text of ['If a < b: then c > d.', 'Note: online = on the internet.', 'See [the guide](https://example.org/a?on=1).', 'Time: 10:30, **bold**', 'Write `<b>` in HTML.', '```\n<p>code</p>\n```', '<https://example.org>'])
			expect(scanText(text), text).toEqual([]);
	});

	it('finds scripts and handlers in SVG files', () => {
		expect(scanSvg('<svg><circle r="1"/></svg>')).toBeNull();
		expect(scanSvg('<svg>\n<circle onload="x()" r="1"/></svg>')).toMatchObject({ what: 'onload=' });
		expect(scanSvg('<svg><a href="javascript:x()"><text>x</text></a></svg>')).toMatchObject({ what: 'javascript:' });
	});

	it('finds images in markdown, and where they point', () => {
		expect(imagesIn('![A map](media/map.png "title") and ![](<media/b c.png>)')).toEqual([
			{ src: 'media/map.png', alt: 'A map' },
			{ src: 'media/b c.png', alt: '' }
		]);
		expect(classifySource('./media/a%20b.png')).toEqual({ kind: 'module', path: 'media/a b.png' });
		expect(classifySource('https://x.org/a.png')).toEqual({ kind: 'external' });
		// The player shows no image from these (src/lib/content/markdown.ts).
		for (const src of ['/media/a.png', 'media/../../a.png', '//x.org/a.png', 'file:///C:/a.png', 'data:image/png;base64,xx'])
			expect(classifySource(src), src).toEqual({ kind: 'outside' });
	});

	it('counts words and estimates study time', () => {
		expect(countWords('Een **vet** woord, en - een ![plaatje](media/x.png) [link](https://x.org).')).toBe(6);
		const estimate = estimateStudyTime(['word '.repeat(300)], ['choice', 'quiz', 'reflection', 'evaluation', 'content']);
		expect(estimate).toEqual({ minutes: 2 + 3 + 2, words: 300, decisions: 3, reflections: 1 });
	});
});

describe('checkModule on files held in memory', () => {
	it('needs nothing but texts and a way to ask whether a file exists', () => {
		const report = checkModule({ moduleJson: null, locales: {}, fileExists: () => false });
		expect(report.issues.map((i) => i.code)).toEqual(['no-module-json']);
		expect(report.errors).toBe(1);
	});
});
