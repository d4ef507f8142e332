// A module's texts in the language the learner reads: plain, as safe HTML, or inline (no <p>),
// with images addressed inside the module's folder. With the real I18n and the real renderer.
// Modules are loaded in beforeEach, not at collection (README.md, "Mutation testing").
import { beforeEach, describe, expect, it } from 'vitest';
import type { ModuleTexts } from './texts';

let texts: ModuleTexts;
let english: ModuleTexts;

beforeEach(async () => {
	const [{ I18n }, { moduleTexts }, { FetchModuleSource }] = await Promise.all([import('$lib/i18n/i18n.svelte'), import('./texts'), import('./module-source')]);
	const i18n = new I18n({ load: () => null, save: () => {}, clear: () => {} });
	i18n.addModuleTexts('demo', 'nl', { intro: 'Welkom, **Sam**.\n\n![Sam](media/sam-1.svg)', short: 'Kies *een*.' });
	i18n.addModuleTexts('demo', 'en', { intro: 'Welcome.' });
	const source = new FetchModuleSource('modules/');
	texts = moduleTexts(i18n, source, 'demo', 'nl');
	english = moduleTexts(i18n, source, 'demo', 'en');
});

describe('module texts', () => {
	it('gives each text in the learner\u2019s language, and says which texts there are', () => {
		expect(texts.lang).toBe('nl');
		expect(texts.text('short')).toBe('Kies *een*.');
		expect(english.text('intro')).toBe('Welcome.');
		expect(texts.has('short')).toBe(true);
		expect(english.has('short')).toBe(false);
	});

	it('renders markdown as HTML, with images from the module\u2019s own folder', () => {
		const html = texts.html('intro');
		expect(html).toContain('<strong>Sam</strong>');
		expect(html).toContain('src="modules/demo/media/sam-1.svg"');
		expect(texts.fileUrl('media/a b.png')).toBe('modules/demo/media/a%20b.png');
	});

	it('renders a one-paragraph text inline, without the paragraph around it', () => {
		expect(texts.inline('short')).toBe('Kies <em>een</em>.');
		expect(texts.html('short').trim()).toBe('<p>Kies <em>een</em>.</p>');
	});
});
