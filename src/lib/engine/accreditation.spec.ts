// The accreditation block a trainer writes in module.json: every mistake reported at its own path
// (the checker shows that path to the author), limits inclusive, and the line a learner reads on
// the start page and the certificate.
import { describe, expect, it } from 'vitest';
import { accreditationLines, checkAccreditation, isIsoDate, type Accreditation } from './accreditation';

/** The paths and messages checkAccreditation reports for a value. */
function problems(value: unknown): [string, string][] {
	const found: [string, string][] = [];
	checkAccreditation(value, (path, message, fix) => {
		// Every problem is explained and comes with a fix (the checker shows both to the author).
		expect(message.length, path).toBeGreaterThan(20);
		expect(fix.length, path).toBeGreaterThan(10);
		found.push([path, message]);
	});
	return found;
}
const paths = (value: unknown) => problems(value).map(([path]) => path);
const entry = (over: Record<string, unknown>) => ({ registrations: [{ register: 'Registerplein', points: 2, ...over }] });

describe('isIsoDate', () => {
	it('takes real calendar dates written YYYY-MM-DD only', () => {
		for (const good of ['2027-12-31', '2024-02-29', '2000-01-01']) expect(isIsoDate(good), good).toBe(true);
		for (const bad of ['2027-02-29', '2027-13-01', '2027-12-32', '2027-1-01', '27-12-31', ' 2027-12-31', '2027-12-31T00:00', '2027-12-31 ', 20271231, null, ['2027-12-31'], { toString: () => '2027-12-31' }])
			expect(isIsoDate(bad), String(bad)).toBe(false);
	});
});

describe('checkAccreditation', () => {
	it('accepts a full block and a minimal one', () => {
		expect(problems({ example: true, provider: 'Opleider', contact: 'mailto:a@example.org', registrations: [{ register: 'R', points: 1000, hours: 0.5, number: 'A-1', validFrom: '2026-01-01', validUntil: '2026-01-01' }] })).toEqual([]);
		expect(problems(entry({}))).toEqual([]);
		expect(problems({ contact: 'https://example.org/accreditatie', registrations: [{ register: 'R', hours: 8 }] })).toEqual([]);
		expect(problems({ contact: 'tel:+31201234567', provider: 'p'.repeat(200), registrations: [{ register: 'r'.repeat(200), points: 1, number: 'n'.repeat(100) }] })).toEqual([]);
	});

	it('refuses what is not an object, and stops there', () => {
		for (const value of [null, [], 'Registerplein', 3]) expect(paths(value)).toEqual(['accreditation']);
	});

	it('names each unknown field', () => {
		expect(problems({ ...entry({}), register: 'R', url: 'x' })).toEqual([
			['accreditation.register', '"register" is not a field of accreditation.'],
			['accreditation.url', '"url" is not a field of accreditation.']
		]);
		expect(problems(entry({ expires: '2027-01-01' }))).toEqual([['accreditation.registrations[0].expires', '"expires" is not a field of a registration.']]);
	});

	it('checks example, provider and contact', () => {
		expect(paths({ ...entry({}), example: 'yes' })).toEqual(['accreditation.example']);
		expect(paths({ ...entry({}), provider: '  ' })).toEqual(['accreditation.provider']);
		expect(paths({ ...entry({}), provider: 'p'.repeat(201) })).toEqual(['accreditation.provider']);
		expect(paths({ ...entry({}), provider: 7 })).toEqual(['accreditation.provider']);
		expect(problems({ ...entry({}), contact: 'javascript:alert(1)' })).toEqual([['accreditation.contact', 'The contact "javascript:alert(1)" is not an http(s), mailto: or tel: address.']]);
	});

	it('needs at least one registration, each an object', () => {
		expect(paths({})).toEqual(['accreditation.registrations']);
		expect(paths({ registrations: [] })).toEqual(['accreditation.registrations']);
		expect(paths({ registrations: { register: 'R' } })).toEqual(['accreditation.registrations']);
		expect(paths({ registrations: [entry({}).registrations[0], 'R', null] })).toEqual(['accreditation.registrations[1]', 'accreditation.registrations[2]']);
	});

	it('checks each registration: register, points or hours above 0 and at most 1000, number, dates in order', () => {
		const at = (key: string) => `accreditation.registrations[0]${key}`;
		expect(paths(entry({ register: '' }))).toEqual([at('.register')]);
		expect(paths(entry({ register: 'r'.repeat(201) }))).toEqual([at('.register')]);
		for (const bad of [0, -1, 1000.5, '2', NaN]) {
			expect(paths(entry({ points: bad })), String(bad)).toEqual([at('.points')]);
			expect(paths(entry({ hours: bad })), String(bad)).toEqual([at('.hours')]);
		}
		expect(problems({ registrations: [{ register: 'R' }] })).toEqual([[at(''), 'A registration says neither points nor hours.']]);
		expect(paths(entry({ number: '' }))).toEqual([at('.number')]);
		expect(paths(entry({ number: 'n'.repeat(101) }))).toEqual([at('.number')]);
		expect(paths(entry({ number: 12345 }))).toEqual([at('.number')]);
		expect(paths(entry({ validFrom: '2027-02-30' }))).toEqual([at('.validFrom')]);
		expect(paths(entry({ validUntil: '31-12-2027' }))).toEqual([at('.validUntil')]);
		expect(problems(entry({ validFrom: '2027-01-02', validUntil: '2027-01-01' }))).toEqual([[at('.validUntil'), 'The accreditation ends before it starts.']]);
		expect(problems(entry({ validFrom: '2027-01-01', validUntil: '2027-01-01' }))).toEqual([]);
		expect(paths({ registrations: [{ register: 'A', points: 1 }, { register: 'B', hours: 0 }] })).toEqual(['accreditation.registrations[1].hours']);
	});
});

describe('accreditationLines', () => {
	// A plain translator: the key and its values, so the test sees what is passed.
	const words = (locale: string) => ({
		locale,
		t: (key: string, vars: Record<string, string | number> = {}) => `${key.replace('accreditation.', '')}(${Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(';')})`
	});
	const lines = (registrations: Accreditation['registrations'], locale = 'nl-NL') => accreditationLines({ registrations }, words(locale));

	it('writes one line per register with its points, hours, number and validity', () => {
		expect(lines([{ register: 'R', points: 2.5, hours: 1, number: 'A-1', validFrom: '2026-01-01', validUntil: '2027-12-31' }])).toEqual([
			'R: points(count=2.5;value=2,5), hours(count=1;value=1), number(number=A-1), validFromUntil(from=1 januari 2026;until=31 december 2027)'
		]);
		expect(lines([{ register: 'R', points: 1 / 3 }], 'en-GB')).toEqual(['R: points(count=0.3333333333333333;value=0.33)']);
		expect(lines([{ register: 'R', validUntil: '2027-12-31' }], 'en-GB')).toEqual(['R: validUntil(until=31 December 2027)']);
		expect(lines([{ register: 'R', validFrom: '2026-03-01' }], 'en-GB')).toEqual(['R: validFrom(from=1 March 2026)']);
		expect(lines([{ register: 'A', points: 1 }, { register: 'B' }])).toEqual(['A: points(count=1;value=1)', 'B']);
		expect(lines([{ register: 'B', number: '' }])).toEqual(['B']);
	});
});
