// Modules are loaded and manifests built in beforeEach, not at collection (README.md, "Mutation testing").
import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestInput } from './manifest';

let buildManifest: typeof import('./manifest').buildManifest;
let fileHref: typeof import('./manifest').fileHref;
let ManifestError: typeof import('./manifest').ManifestError;
beforeEach(async () => {
	({ buildManifest, fileHref, ManifestError } = await import('./manifest'));
});

const input = (over: Partial<ManifestInput> = {}): ManifestInput => ({
	edition: 'scorm12',
	id: 'polarisatie',
	version: '2.1.0',
	language: 'nl',
	titles: { en: 'From polarisation to connection', nl: 'Van polarisatie naar verbinding' },
	descriptions: { nl: 'Over <spanning> & "wij/zij"', en: 'About tension' },
	masteryScore: 70,
	files: ['index.html', 'modules/index.json', 'modules/polarisatie/module.json', 'modules/polarisatie/media/foto 1.png'],
	...over
});

describe('SCORM 1.2 manifest', () => {
	let xml: string;
	beforeEach(() => {
		xml = buildManifest(input());
	});

	it('names the package, launches index.html and carries the mastery score', () => {
		expect(xml).toContain('<manifest identifier="koers-polarisatie" version="2.1.0"');
		expect(xml).toContain('<schemaversion>1.2</schemaversion>');
		expect(xml).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
		expect(xml).toMatch(/<resource identifier="koers-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">/);
	});

	it('has the title in the default language and both languages in the metadata, escaped', () => {
		expect(xml).toContain('<title>Van polarisatie naar verbinding</title>');
		expect(xml).toContain('<imsmd:langstring xml:lang="nl">Over &lt;spanning&gt; &amp; &quot;wij/zij&quot;</imsmd:langstring>');
		expect(xml.indexOf('xml:lang="nl">Van')).toBeLessThan(xml.indexOf('xml:lang="en">From'));
	});

	it('lists every file with a relative, encoded href', () => {
		const hrefs = [...xml.matchAll(/<file href="([^"]*)"/g)].map((m) => m[1]);
		expect(hrefs).toEqual(['index.html', 'modules/index.json', 'modules/polarisatie/module.json', 'modules/polarisatie/media/foto%201.png']);
		expect(hrefs.some((h) => h.startsWith('/'))).toBe(false);
	});
});

describe('SCORM 2004 4th edition manifest', () => {
	let xml: string;
	beforeEach(() => {
		xml = buildManifest(input({ edition: 'scorm2004', masteryScore: 65 }));
	});

	it('sets the primary objective to be satisfied by the mastery score as a measure', () => {
		expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
		expect(xml).toMatch(/<imsss:primaryObjective objectiveID="koers_mastery" satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0.65<\/imsss:minNormalizedMeasure>/);
		expect(xml).toContain('adlcp:scormType="sco"');
	});

	it('carries title and description as LOM strings and hides the LMS\'s own navigation', () => {
		expect(xml).toContain('<string language="en">About tension</string>');
		expect(xml).toContain('<adlnav:hideLMSUI>continue</adlnav:hideLMSUI>');
	});
});

describe('what both editions have in common', () => {
	it.each(['scorm12', 'scorm2004'] as const)('%s: a whole-number mastery score, languages default first then by code, empty texts left out', (edition) => {
		const xml = buildManifest(input({ edition, masteryScore: 69.6, language: 'nl', titles: { fr: 'Titre', nl: 'Titel', de: 'Titel DE', en: 'Title' }, descriptions: { nl: 'Over', en: '' } }));
		expect(xml).toContain(edition === 'scorm12' ? '<adlcp:masteryscore>70</adlcp:masteryscore>' : '<imsss:minNormalizedMeasure>0.70</imsss:minNormalizedMeasure>');
		const titleLangs = [...xml.matchAll(/(?:xml:lang|language)="([a-z-]+)">Tit/g)].map((m) => m[1]);
		expect(titleLangs).toEqual(['nl', 'de', 'en', 'fr']);
		expect(xml).not.toMatch(/(?:xml:lang|language)="en"><\//);
		// The version in the LOM metadata has no language.
		expect(xml).toMatch(/(?:xml:lang|language)="x-none">2\.1\.0</);
		// The organisation and its one item carry the default title, escaped.
		expect(buildManifest(input({ edition, titles: { nl: 'Wij & zij' } })).match(/<title>Wij &amp; zij<\/title>/g)).toHaveLength(2);
	});

	it.each(['scorm12', 'scorm2004'] as const)('%s: the first file is launched, every file is listed, attribute values escaped', (edition) => {
		const xml = buildManifest(input({ edition, version: '1.0.0"x', files: ['start page.html', "a'b&c.png"] }));
		expect(xml).toMatch(/scorm[tT]ype="sco" href="start%20page.html">/);
		expect([...xml.matchAll(/<file href="([^"]*)"/g)].map((m) => m[1])).toEqual(['start%20page.html', 'a&apos;b%26c.png']);
		expect(xml).toContain('version="1.0.0&quot;x"');
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<manifest identifier="koers-polarisatie"')).toBe(true);
	});

	// An LMS administrator checking why a package does not import opens imsmanifest.xml: every element
	// on a line of its own (a start tag may run over several lines of attributes), indented one tab
	// per level. White space between elements means nothing to an LMS, so only this test holds it.
	it.each(['scorm12', 'scorm2004'] as const)('%s: one element a line, indented by its depth', (edition) => {
		const lines = buildManifest(input({ edition })).split('\n');
		expect(lines.shift()).toBe('<?xml version="1.0" encoding="UTF-8"?>');
		expect(lines.pop()).toBe('');
		let depth = 0;
		let inStartTag = false;
		for (const line of lines) {
			const [, tabs, text] = /^(\t*)(.*)$/.exec(line)!;
			if (inStartTag) {
				// An attribute of a start tag that runs over several lines.
				expect(text, line).toMatch(/^[\w:]+="[^"]*"(\s+[\w:]+="[^"]*")*>?$/);
				if (text.endsWith('>')) [inStartTag, depth] = [false, depth + 1];
				continue;
			}
			if (text.startsWith('</')) depth--;
			expect(tabs.length, line).toBe(depth);
			if (/^<[\w:]+(\s[^<>]*)?(?<!\/)>$/.test(text)) depth++;
			else if (/^<[\w:]+(\s[^<>]*)?$/.test(text)) inStartTag = true;
			// Otherwise one whole element: an end tag, an empty element, or one with text only.
			else expect(text, line).toMatch(/^<\/[\w:]+>$|^<[\w:]+(\s[^<>]*)?\/>$|^<([\w:]+)(\s[^<>]*)?>[^<>]*<\/\2>$/);
		}
		expect(depth).toBe(0);
		expect(inStartTag).toBe(false);
	});

	it('keeps @ in a file name as it is (it needs no encoding in a path)', () => {
		expect(fileHref('media/@2x/a@b.png')).toBe('media/@2x/a@b.png');
	});
});

describe('the schema files a package carries', () => {
	// The official files, as kept in the repository (src/tools/scorm-schemas/README.md).
	const kept = (dir: string) => readdirSync(join(import.meta.dirname, '..', '..', 'tools', 'scorm-schemas', dir)).filter((f) => /\.(xsd|dtd)$/.test(f)).sort();

	it.each([
		['scorm12', 'scorm12edition'],
		['scorm2004', 'scorm20044thedition']
	] as const)('%s: every official schema file, and a schema for each namespace the manifest declares', async (edition, dir) => {
		const { SCHEMA_FILES, SCHEMA_NAMESPACES } = await import('./manifest');
		expect([...SCHEMA_FILES[edition]].sort()).toEqual(kept(dir));
		const xml = buildManifest(input({ edition }));
		const declared = /xsi:schemaLocation="([^"]*)"/.exec(xml)![1].split(' ');
		const pairs = declared.flatMap((v, i) => (i % 2 === 0 ? [[v, declared[i + 1]]] : []));
		expect([...SCHEMA_NAMESPACES[edition]].sort()).toEqual(pairs.sort());
		for (const [, file] of SCHEMA_NAMESPACES[edition]) expect(SCHEMA_FILES[edition]).toContain(file);
	});
});

describe('bad input is refused with what is wrong', () => {
	it.each([
		[{ files: ['/index.html'] }, /not a relative path/],
		[{ files: ['index.html', '../secret'] }, /not a relative path/],
		[{ files: ['index.html', 'index.html'] }, /twice/],
		[{ files: [] }, /no files/],
		[{ masteryScore: 120 }, /0 to 100/],
		[{ id: 'Bad Id' }, /cannot be used/],
		[{ language: 'de' }, /no title in the default language "de"/],
		[{ masteryScore: -1 }, /The mastery score -1 is not a percentage from 0 to 100/],
		[{ masteryScore: NaN }, /0 to 100/],
		[{ files: ['index.html', 'media//a.png'] }, /"media\/\/a.png" is not a relative path inside the package/],
		[{ files: ['index.html', './a.png'] }, /not a relative path/],
		[{ files: ['index.html', 'media\\a.png'] }, /not a relative path/],
		[{ files: ['index.html', ''] }, /not a relative path/],
		[{ id: '-demo' }, /The module id "-demo" cannot be used in a manifest/],
		[{ id: 'demo/x' }, /cannot be used/]
	] as [Partial<ManifestInput>, RegExp][])('%o', (over, message) => {
		expect(() => buildManifest(input(over))).toThrow(ManifestError);
		expect(() => buildManifest(input(over))).toThrow(message);
	});

	it('accepts the mastery scores 0 and 100, and ids with digits, - and _', () => {
		expect(buildManifest(input({ masteryScore: 0, id: '0-a_b' }))).toContain('<adlcp:masteryscore>0</adlcp:masteryscore>');
		expect(buildManifest(input({ masteryScore: 100, edition: 'scorm2004' }))).toContain('<imsss:minNormalizedMeasure>1.00</imsss:minNormalizedMeasure>');
	});

	it('encodes characters that are not allowed in a URI', () => {
		expect(fileHref('modules/a b/ü#?.svg')).toBe('modules/a%20b/%C3%BC%23%3F.svg');
	});
});
