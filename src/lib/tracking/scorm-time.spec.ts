import { describe, expect, it } from 'vitest';
import { duration2004, timeOfDay12, timespan12, timestamp2004 } from './scorm-time';

// The formats the LMSs check (Moodle's 1.2 CMITimespan; scorm-again's 2004 timeinterval with at
// most two decimals on the seconds).
const TIMESPAN_12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const DURATION_2004 = /^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/;

describe('SCORM 1.2 session time (CMITimespan)', () => {
	it.each([
		[0, '00:00:00.00'],
		[999, '00:00:01.00'],
		[1250, '00:00:01.25'],
		[61_000, '00:01:01.00'],
		[3_723_450, '01:02:03.45'],
		[100 * 3600_000, '100:00:00.00']
	])('%i ms is %s', (ms, text) => {
		expect(timespan12(ms)).toBe(text);
		expect(text).toMatch(TIMESPAN_12);
	});

	it('clamps what does not fit in four hour digits, and nonsense to zero', () => {
		expect(timespan12(20_000 * 3600_000)).toBe('9999:59:59.99');
		expect(timespan12(-5)).toBe('00:00:00.00');
		expect(timespan12(Number.NaN)).toBe('00:00:00.00');
	});
});

describe('SCORM 2004 session time (ISO 8601 duration)', () => {
	it.each([
		[0, 'PT0S'],
		[4, 'PT0S'],
		[1000, 'PT1S'],
		[50_210, 'PT50.21S'],
		[50_500, 'PT50.5S'],
		[60_000, 'PT1M'],
		[3_723_450, 'PT1H2M3.45S'],
		[36 * 3600_000, 'PT36H']
	])('%i ms is %s', (ms, text) => {
		expect(duration2004(ms)).toBe(text);
		expect(text).toMatch(DURATION_2004);
	});

	it('never writes the invalid forms seen in the wild (P0S, PT, PT10, PT50S.21S)', () => {
		for (const ms of [0, 10, 999, 10_000, 50_210, 59_999, 3_599_999]) {
			const text = duration2004(ms);
			expect(text).toMatch(DURATION_2004);
			expect(text).not.toMatch(/^(P0S|PT)$/);
			expect(text).not.toMatch(/S\./);
		}
	});
});

describe('interaction times', () => {
	it('1.2 is the local time of day, HH:MM:SS', () => {
		const at = new Date(2026, 10, 23, 9, 5, 7, 800).getTime();
		expect(timeOfDay12(at)).toBe('09:05:07');
	});

	it('2004 is a UTC timestamp with two fraction digits and a zone', () => {
		expect(timestamp2004(Date.UTC(2026, 10, 23, 14, 5, 9, 305))).toBe('2026-11-23T14:05:09.30Z');
		expect(timestamp2004(Date.UTC(2026, 0, 2, 3, 4, 5, 0))).toBe('2026-01-02T03:04:05.00Z');
	});
});
