import { describe, expect, it } from 'vitest';
import { placeInWords } from './progress-words';
import nl from '$lib/i18n/locales/nl.json';
import en from '$lib/i18n/locales/en.json';

/** The UI strings as i18next fills them ({{name}}), without starting i18next. */
const ui = (locale: { player: Record<string, string> }) => ({
	t: (key: string, params: Record<string, unknown> = {}) => locale.player[key.replace('player.', '')].replace(/\{\{(\w+)\}\}/g, (_, n) => String(params[n]))
});
const chapters = (titles: Record<string, string>) => ({ has: (k: string) => k.replace('chapters.', '') in titles, text: (k: string) => titles[k.replace('chapters.', '')] });

describe('progress in words', () => {
	it('says the chapter and how many there are: "Week 3 van 6", and numbers a title without its own number', () => {
		const texts = chapters({ 'week-3': 'Week 3', thuis: 'Thuis' });
		expect(placeInWords({ step: 14, total: 40, chapter: { id: 'week-3', number: 3, count: 6 } }, texts, ui(nl))).toBe('Week 3 van 6');
		expect(placeInWords({ step: 14, total: 40, chapter: { id: 'week-3', number: 3, count: 6 } }, texts, ui(en))).toBe('Week 3 of 6');
		expect(placeInWords({ step: 4, total: 40, chapter: { id: 'thuis', number: 2, count: 5 } }, texts, ui(nl))).toBe('Thuis (2 van 5)');
		// "Week 13" is not chapter 3.
		expect(placeInWords({ step: 4, total: 40, chapter: { id: 'week-3', number: 3, count: 6 } }, chapters({ 'week-3': 'Week 13' }), ui(nl))).toBe('Week 13 (3 van 6)');
	});

	it('says the step of about how many when the module names no chapters, and drops "about" at the end', () => {
		const none = chapters({});
		expect(placeInWords({ step: 12, total: 40 }, none, ui(nl))).toBe('Stap 12 van ongeveer 40');
		expect(placeInWords({ step: 12, total: 40 }, none, ui(en))).toBe('Step 12 of about 40');
		expect(placeInWords({ step: 40, total: 40 }, none, ui(nl))).toBe('Stap 40 van 40');
	});
});
