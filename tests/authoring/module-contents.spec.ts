// The one rule for what a module folder may hold (src/lib/authoring/module-contents.ts), the SVG
// sanitiser behind it (svg-sanitiser.ts), and the dev server, which serves only what the rule ships.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { createServer, type ViteDevServer } from 'vite';
import { inspectModuleFolder, kindOfPath, shippedFile, shippedFiles } from '../../src/lib/authoring/module-contents';
import { sanitiseSvg } from '../../src/lib/authoring/svg-sanitiser';
import { koersModules } from '../../src/tools/modules-plugin.js';
import { MODULES_DIR } from '../helpers/load-from-disk';

const BROKEN = join(import.meta.dirname, '..', 'fixtures', 'broken');
const TRICKS = join(BROKEN, 'svg-tricks', 'media');
const SVG_NS = 'http://www.w3.org/2000/svg';

/** What in an SVG text could run, read as a browser reads image/svg+xml (XML, namespaces and all). */
function runnable(svg: string): string[] {
	if (/<!(DOCTYPE|ENTITY)/i.test(svg)) return ['<!DOCTYPE'];
	const doc = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
	const found: string[] = [];
	for (const el of doc.getElementsByTagNameNS('*', '*')) {
		if (el.localName === 'script' || el.localName === 'foreignObject' || el.localName === 'iframe') found.push(`<${el.nodeName}> (${el.namespaceURI})`);
		for (const attr of el.attributes) {
			if (/^on/i.test(attr.localName)) found.push(`${attr.name}=`);
			if (/^\s*(javascript|data):/i.test(attr.value)) found.push(`${attr.name}=${attr.value}`);
		}
	}
	if (/<\?xml-stylesheet/.test(svg)) found.push('<?xml-stylesheet');
	return found;
}

describe('the SVG sanitiser', () => {
	it('leaves a plain drawing as it is, and keeps what drawings need', () => {
		for (const name of readdirSync(join(MODULES_DIR, 'demo', 'media'))) {
			const text = readFileSync(join(MODULES_DIR, 'demo', 'media', name), 'utf8');
			const verdict = sanitiseSvg(text);
			expect(verdict.ok && verdict.changes).toEqual([]);
		}
		const drawing = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: a drawing program -->\n<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" role="img" aria-label="Sam"><title>Sam</title><defs><linearGradient id="g" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><a href="https://example.org"><text>a &amp; b</text></a></svg>`;
		const verdict = sanitiseSvg(drawing);
		expect(verdict.ok && verdict.changes).toEqual([]);
		if (verdict.ok) for (const kept of ['viewBox="0 0 10 10"', 'linearGradient', 'gradientUnits', 'role="img"', 'aria-label="Sam"', 'href="https://example.org"', 'a &amp; b']) expect(verdict.svg).toContain(kept);
	});

	it.each(readdirSync(TRICKS).filter((name) => name !== 'portrait.svg'))('finds the trick in %s, and what it would ship runs nothing', (name) => {
		const text = readFileSync(join(TRICKS, name), 'utf8');
		expect(runnable(text), 'the fixture really holds something that runs').not.toEqual([]);
		const verdict = sanitiseSvg(text);
		if (verdict.ok) {
			expect(verdict.changes.length).toBeGreaterThan(0);
			expect(runnable(verdict.svg)).toEqual([]);
		} else expect(verdict.reason).toBe('doctype');
		const shipped = shippedFile(join(TRICKS, '..'), `media/${name}`);
		if (shipped) expect(runnable(new TextDecoder().decode(shipped))).toEqual([]);
	});

	it('catches a script in the SVG namespace under any prefix, and in the XHTML namespace', () => {
		const prefixed = sanitiseSvg(`<svg xmlns="${SVG_NS}"><x:script xmlns:x="${SVG_NS}">alert(1)</x:script><g xmlns="${SVG_NS}"><script>alert(2)</script></g></svg>`);
		expect(prefixed.ok && prefixed.changes.map((c) => c.what)).toEqual(['<x:script>', '<script>']);
		const xhtml = sanitiseSvg(`<svg xmlns="${SVG_NS}"><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></svg>`);
		expect(xhtml.ok && xhtml.changes.map((c) => c.what)).toEqual(['<script>']);
	});

	it('refuses what is not an SVG: not XML, no SVG namespace, an SVG root under a prefix', () => {
		expect(sanitiseSvg('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>')).toMatchObject({ ok: false, reason: 'not-xml' });
		expect(sanitiseSvg('<svg><script>alert(1)</script></svg>')).toMatchObject({ ok: false, reason: 'not-svg' });
		expect(sanitiseSvg(`<s:svg xmlns:s="${SVG_NS}"><s:script>alert(1)</s:script></s:svg>`)).toMatchObject({ ok: false });
		expect(sanitiseSvg('<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>')).toMatchObject({ ok: false, reason: 'not-svg' });
	});
});

describe('what a module folder may hold', () => {
	it('allows module.json, locales/<lang>.json and images in media/, and nothing else', () => {
		for (const ok of ['module.json', 'locales/nl.json', 'locales/pt-BR.json', 'media/sam.svg', 'media/Foto_1.JPG', 'media/en/figure-1.svg', 'media/a.webp', 'media/b.jpeg', 'media/c.png']) expect(kindOfPath(ok), ok).not.toBe('not-allowed');
		for (const bad of ['media/info.html', 'media/x.js', 'media/x.svg.html', 'media/x.css', 'media/doc.pdf', 'media/en/info.html', 'media/a b/x.png', 'media/.git/x.png', 'media/a b.png', 'index.html', 'player.js', 'locales/nl.js', 'locales/x/nl.json', 'locales/NL.json', 'module.json.bak', 'sam.svg', 'scripts/a.js'])
			expect(kindOfPath(bad), bad).toBe('not-allowed');
		expect(kindOfPath('README.md')).toBe('author-note');
		expect(kindOfPath('media/.DS_Store')).toBe('author-note');
	});

	it('ships only the allowed files of a folder that holds others', () => {
		expect([...shippedFiles(join(BROKEN, 'file-not-allowed')).keys()]).toEqual(['locales/en.json', 'locales/nl.json', 'media/portrait.svg', 'module.json']);
		expect([...shippedFiles(join(BROKEN, 'folder-not-allowed')).keys()]).toEqual(['locales/en.json', 'locales/nl.json', 'media/portrait.svg', 'module.json']);
		expect(shippedFile(join(BROKEN, 'file-not-allowed'), 'media/info.html')).toBeNull();
		expect(shippedFile(join(BROKEN, 'file-not-allowed'), '../file-not-allowed/media/info.html')).toBeNull();
	});

	it('checks that an image is what its name says', () => {
		expect(inspectModuleFolder(join(BROKEN, 'media-kind-mismatch')).issues).toMatchObject([{ code: 'media-kind-mismatch', file: 'media/photo.png', params: { kind: 'PNG' } }]);
		expect(shippedFile(join(BROKEN, 'media-kind-mismatch'), 'media/photo.png')).toBeNull();
	});

	describe('on disk', () => {
		let dir: string;
		beforeAll(() => {
			dir = mkdtempSync(join(tmpdir(), 'koers-contents-'));
			cpSync(join(MODULES_DIR, 'demo'), join(dir, 'demo'), { recursive: true });
			writeFileSync(join(dir, 'demo', 'media', 'real.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
			writeFileSync(join(dir, 'demo', 'media', 'real.jpg'), Buffer.from('ffd8ffe000104a464946', 'hex'));
			writeFileSync(join(dir, 'demo', 'media', 'real.webp'), Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBPVP8 ')]));
			writeFileSync(join(dir, 'demo', 'media', 'fake.webp'), '<script>alert(1)</script>');
			writeFileSync(join(dir, 'demo', 'README.md'), 'notes');
			symlinkSync('/etc/hostname', join(dir, 'demo', 'media', 'link.png'));
		});
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		it('ships real images, not a disguised file, a link to another file or the author\'s notes', () => {
			const files = [...shippedFiles(join(dir, 'demo')).keys()];
			expect(files).toEqual(expect.arrayContaining(['media/real.png', 'media/real.jpg', 'media/real.webp', 'media/sam.svg']));
			for (const never of ['media/fake.webp', 'media/link.png', 'README.md']) expect(files).not.toContain(never);
			const codes = inspectModuleFolder(join(dir, 'demo')).issues.map((i) => `${i.severity} ${i.code} ${i.file}`).sort();
			expect(codes).toEqual(['error file-not-allowed media/link.png', 'error media-kind-mismatch media/fake.webp', 'warning file-not-shipped README.md']);
		});
	});
});

describe('the dev server', { timeout: 30_000 }, () => {
	let server: ViteDevServer;
	let base: string;
	beforeAll(async () => {
		server = await createServer({ configFile: false, root: join(import.meta.dirname, '..', '..'), appType: 'custom', logLevel: 'silent', server: { port: 0, host: '127.0.0.1', watch: null, hmr: false }, plugins: [koersModules({ dir: BROKEN })] });
		await server.listen();
		const address = server.httpServer!.address() as { port: number };
		base = `http://127.0.0.1:${address.port}/modules`;
	});
	afterAll(() => server?.close());

	it('serves only what build and package would ship', async () => {
		const status = async (path: string) => (await fetch(`${base}/${path}`)).status;
		expect(await status('file-not-allowed/module.json')).toBe(200);
		expect(await status('file-not-allowed/media/portrait.svg')).toBe(200);
		expect(await status('file-not-allowed/media/info.html')).toBe(404);
		expect(await status('file-not-allowed/media/x.js')).toBe(404);
		expect(await status('file-not-allowed/style.css')).toBe(404);
		expect(await status('folder-not-allowed/scripts/evil.js')).toBe(404);
		expect(await status('media-kind-mismatch/media/photo.png')).toBe(404);
	});

	it('serves an SVG only sanitised', async () => {
		const response = await fetch(`${base}/svg-tricks/media/s-prefix.svg`);
		expect(response.headers.get('content-type')).toBe('image/svg+xml');
		const svg = await response.text();
		expect(svg).toContain('<circle');
		expect(runnable(svg)).toEqual([]);
		expect((await fetch(`${base}/svg-tricks/media/entity.svg`)).status).toBe(404);
	});
});
