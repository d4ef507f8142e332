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

describe('the edges of the rule', () => {
	it('takes an address of up to 2,048 characters', () => {
		const web = (length: number) => `https://example.org/${'a'.repeat(length - 'https://example.org/'.length)}`;
		expect(isSafeUrl(web(2048))).toBe(true);
		expect(isSafeUrl(web(2049))).toBe(false);
	});

	it('refuses every kind of space and invisible character, wherever it stands', () => {
		const hidden = ['\u0000', '\u001f', ' ', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u1680', '\u180e', '\u2000', '\u200a', '\u200b', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202f', '\u205f', '\u2060', '\u2066', '\u206f', '\u3000', '\ufeff', '\\'];
		for (const c of hidden) {
			expect(isSafeUrl(`https://example.org/a${c}b`), JSON.stringify(c)).toBe(false);
			expect(isSafeUrl(`media/a${c}b.png`), JSON.stringify(c)).toBe(false);
		}
		// Letters just outside those ranges are ordinary: a web address may hold them.
		for (const c of ['!', '~', '\u00e9', '\u1681', '\u2030', '\u2070', '\u3001', '\ufefe']) expect(isSafeUrl(`https://example.org/a${c}b`), JSON.stringify(c)).toBe(true);
	});

	it('reads a scheme with digits, +, - and . in it as a scheme, and refuses it', () => {
		for (const url of ['svn+ssh://example.org', 'web-app://x', 'x.y://z', 'h2://example.org', 'a:media/x.png', 'https2://example.org']) expect(classifyUrl(url), url).toBeNull();
	});

	it('needs a host after http:// or https://, not a path, query or fragment', () => {
		// Also when a real web address follows further on.
		for (const url of ['https://?x=1', 'https://#top', 'http:///x', 'https:/example.org', 'https//example.org', 'https:/x/https://example.org', 'http:x?https://example.org']) expect(isSafeUrl(url), url).toBe(false);
		for (const url of ['http://a', 'https://a.b/c?d#e', 'HTTPS://EXAMPLE.ORG']) expect(classifyUrl(url), url).toEqual({ kind: 'web', url });
	});

	it('takes mail and phone addresses with something after the colon, as written', () => {
		expect(classifyUrl('mailto:a')).toEqual({ kind: 'mailto', url: 'mailto:a' });
		expect(classifyUrl('tel:1')).toEqual({ kind: 'tel', url: 'tel:1' });
		expect(classifyUrl('MAILTO:a@b.nl')).toEqual({ kind: 'mailto', url: 'MAILTO:a@b.nl' });
		expect(classifyUrl('sms:0612345678')).toBeNull();
	});

	it('links to the app\'s own pages: another module to play, or the session page, and nothing else', () => {
		for (const url of ['#/play/demo', '#/play/polarisatie-analyse', '#/play/a_1', '#/session']) expect(classifyUrl(url), url).toEqual({ kind: 'app', url });
		for (const url of ['#/play/', '#/play/Demo', '#/play/demo/extra', '#/play/demo?x', '#/sessions', '#/session/x', 'x#/session', '#/results/demo', '#play/demo', '/#/session'])
			expect(classifyUrl(url), url).toBeNull();
		expect(isSafeUrl('#/session', CONTACT_KINDS)).toBe(false);
	});

	it('takes images in media/ and its folders, of the allowed kinds only', () => {
		expect(classifyUrl('media/a/b/c.webp')).toEqual({ kind: 'module-image', url: 'media/a/b/c.webp', path: 'media/a/b/c.webp' });
		expect(classifyUrl('media/A_b-1/x.png')?.kind).toBe('module-image');
		for (const url of ['media/_a/x.png', 'media/-a/x.png', 'media/a.b/x.png', 'media/x.gif', 'media/x.svgz', 'media/x.png.svg.html', 'media/xpng', 'media/.png', 'media', 'media/', 'media/x/', 'x/media/a.png', './/media/a.png', '././media/a.png'])
			expect(classifyUrl(url), url).toBeNull();
		expect(classifyUrl('./media/x.svg')?.kind).toBe('module-image');
	});

	it('reads a place in a file as a file name, a colon and a line or range', () => {
		for (const location of ['report.txt:1', 'sources/a/b.pdf:12-40', 'a/b:3', 'notes.md:007']) expect(isSafeLocation(location), location).toBe(true);
		for (const location of ['report:12', 'report.txt:', 'report.txt:12-', 'report.txt:a', 'report.txt:1-2-3', 'my report.txt:1', 'report.txt:1 ', 'x:y.txt:1', 42, undefined]) expect(isSafeLocation(location), String(location)).toBe(false);
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
