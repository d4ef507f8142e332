import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModuleFiles, MODULES_DIR } from '../../../tests/helpers/load-from-disk';
import { loadModule } from './load-module';
import { classifyUrl, CONTACT_KINDS, IMAGE_KINDS, isSafeLocation, isSafeUrl } from './safe-url';

describe('the one URL rule', () => {
	it('accepts web, mail and phone addresses and images in the module\'s media folder', () => {
		expect(classifyUrl('https://www.movisie.nl/artikel?x=1#a')).toEqual({ kind: 'web', url: 'https://www.movisie.nl/artikel?x=1#a' });
		expect(classifyUrl('HTTP://example.org')?.kind).toBe('web');
		expect(classifyUrl('mailto:info@example.org')?.kind).toBe('mailto');
		expect(classifyUrl('tel:+31201234567')?.kind).toBe('tel');
		expect(classifyUrl('media/sam.svg')).toEqual({ kind: 'module-image', url: 'media/sam.svg', path: 'media/sam.svg' });
		expect(classifyUrl('./media/Foto_1.JPEG')).toEqual({ kind: 'module-image', url: './media/Foto_1.JPEG', path: 'media/Foto_1.JPEG' });
		for (const ext of ['png', 'jpg', 'webp']) expect(isSafeUrl(`media/a.${ext}`)).toBe(true);
		expect(classifyUrl('media/en/figure-1.svg')).toEqual({ kind: 'module-image', url: 'media/en/figure-1.svg', path: 'media/en/figure-1.svg' });
	});

	it('refuses every other scheme, also when it mentions an allowed one', () => {
		for (const url of [
			'javascript:alert(1)',
			'javascript:alert("http:")',
			'JaVaScRiPt:alert(1)//https://x',
			'data:text/html;base64,PHNjcmlwdD4=',
			'data:image/svg+xml,<svg onload=alert(1)>https:',
			'vbscript:msgbox',
			'file:///etc/passwd',
			'blob:https://example.org/1',
			'ftp://example.org',
			'https:',
			'https://',
			'https:///evil',
			'http:example.org',
			'mailto:',
			'tel:'
		])
			expect(isSafeUrl(url), url).toBe(false);
	});

	it('refuses spaces, control and invisible characters and backslashes, which browsers strip to reveal a scheme', () => {
		for (const url of [' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0000javascript:x', 'jav\u200bascript:x', 'https://a.org/\u202e', 'https://a.org/ x', 'https:\\\\evil.org', '\ufeffhttps://a.org'])
			expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
	});

	it('refuses other files of the module and paths out of it', () => {
		for (const url of ['media/info.html', 'media/x.js', 'media/x.svg.html', 'media/style.css', 'module.json', 'locales/nl.json', 'sam.svg', 'media/../../x.svg', 'media/en/../../x.svg', 'media/./x.svg', 'media//x.svg', 'media/.git/x.svg', 'media/a b/x.svg', 'media/en/info.html', 'media/%2e%2e/x.svg', 'media/.hidden.svg', '../other/media/x.svg', '/media/x.svg', '//evil.org/x.svg', '#top', '?x', 'Media/x.svg', 'media/x.svg?v=1', 'media/my photo.png', ''])
			expect(isSafeUrl(url), url).toBe(false);
		expect(isSafeUrl(42)).toBe(false);
		expect(isSafeUrl(undefined)).toBe(false);
	});

	it('lets each field choose the kinds it takes', () => {
		expect(isSafeUrl('media/sam.svg', CONTACT_KINDS)).toBe(false);
		expect(isSafeUrl('mailto:a@b.nl', IMAGE_KINDS)).toBe(false);
		expect(isSafeUrl('https://a.nl/x.png', IMAGE_KINDS)).toBe(true);
	});

	it('reads a source location as a place in a file, or else as an address', () => {
		expect(isSafeLocation('sources/004_cc8de29131d788f4.txt:393-401')).toBe(true);
		expect(isSafeLocation('rapport.pdf:12')).toBe(true);
		expect(isSafeLocation('https://doi.org/10.1002/ejsp.504')).toBe(true);
		expect(isSafeLocation('javascript:alert(1)')).toBe(false);
		expect(isSafeLocation('javascript:1')).toBe(false);
		expect(isSafeLocation('data:text/html,x')).toBe(false);
	});
});

describe('the player refuses a module whose addresses break the rule', () => {
	const demo = readModuleFiles(join(MODULES_DIR, 'demo'));
	const withModule = (change: (m: Record<string, unknown>) => void) => {
		const json = JSON.parse(demo.moduleJson);
		change(json);
		return loadModule({ moduleJson: JSON.stringify(json), locales: demo.locales });
	};
	const codesAt = (result: ReturnType<typeof loadModule>) => (result.ok ? [] : result.issues.map((i) => `${i.code}@${i.path}`));

	it('loads the demo as it is', () => expect(withModule(() => {}).ok).toBe(true));

	it('refuses publisher.url "javascript:…", so it never becomes a link on the results page', () => {
		expect(codesAt(withModule((m) => (m.publisher = { name: 'Uitgever', url: 'javascript:alert(document.domain)' })))).toContain('unsafe-url@publisher.url');
		expect(codesAt(withModule((m) => (m.publisher = { name: 'Uitgever', url: 'javascript:alert("https://")' })))).toContain('unsafe-url@publisher.url');
		expect(codesAt(withModule((m) => (m.publisher = { name: 'Uitgever', url: 'media/sam.svg' })))).toContain('unsafe-url@publisher.url');
		expect(codesAt(withModule((m) => (m.publisher = { url: 'https://a.nl' })))).toContain('schema@publisher');
	});

	it('refuses a source location that is a dangerous address, and a persona image that is not an image in media/', () => {
		expect(codesAt(withModule((m) => (m.sources = [{ id: 's1', citation: 'X', location: 'javascript:alert(1)' }])))).toContain('unsafe-url@sources[0].location');
		expect(withModule((m) => (m.sources = [{ id: 's1', citation: 'X', location: 'https://doi.org/10.1/x' }, { id: 's2', citation: 'Y', location: 'notes.txt:3-9' }])).ok).toBe(true);
		const states = (m: Record<string, unknown>) => (m.machine as { states: Record<string, { meta: { image?: string } }> }).states;
		expect(codesAt(withModule((m) => (states(m)['meet-sam'].meta.image = 'media/info.html')))).toContain('unsafe-url@machine.states.meet-sam.meta.image');
	});
});
