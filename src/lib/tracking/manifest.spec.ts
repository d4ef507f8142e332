import { describe, expect, it } from 'vitest';
import { buildManifest, fileHref, ManifestError, type ManifestInput } from './manifest';

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
	const xml = buildManifest(input());

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
	const xml = buildManifest(input({ edition: 'scorm2004', masteryScore: 65 }));

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

describe('bad input is refused with what is wrong', () => {
	it.each([
		[{ files: ['/index.html'] }, /not a relative path/],
		[{ files: ['index.html', '../secret'] }, /not a relative path/],
		[{ files: ['index.html', 'index.html'] }, /twice/],
		[{ files: [] }, /no files/],
		[{ masteryScore: 120 }, /0 to 100/],
		[{ id: 'Bad Id' }, /cannot be used/],
		[{ language: 'de' }, /no title in the default language "de"/]
	] as [Partial<ManifestInput>, RegExp][])('%o', (over, message) => {
		expect(() => buildManifest(input(over))).toThrow(ManifestError);
		expect(() => buildManifest(input(over))).toThrow(message);
	});

	it('encodes characters that are not allowed in a URI', () => {
		expect(fileHref('modules/a b/ü#?.svg')).toBe('modules/a%20b/%C3%BC%23%3F.svg');
	});
});
