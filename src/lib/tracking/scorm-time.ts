/**
 * Time values in the exact formats each SCORM edition accepts. LMSs reject near-misses (Adapt
 * framework#986 sent "PT10" without "S", #1222 sent "PT50S.21S"; Moodle's 1.2 regex needs two to
 * four hour digits), and a rejected session time is lost time on task, which can be accreditation
 * evidence. So every value is built from whole centiseconds and clamped to what the type holds.
 */

/** CMITimespan (SCORM 1.2) holds at most 9999:59:59.99. */
const MAX_TIMESPAN_CS = (9999 * 3600 + 59 * 60 + 59) * 100 + 99;

function centiseconds(ms: number): number {
	if (!Number.isFinite(ms) || ms <= 0) return 0;
	return Math.round(ms / 10);
}

const two = (n: number) => String(n).padStart(2, '0');

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (hours 2–4 digits), e.g. `00:03:07.25`. */
export function timespan12(ms: number): string {
	const cs = Math.min(centiseconds(ms), MAX_TIMESPAN_CS);
	const hours = Math.floor(cs / 360000);
	const minutes = Math.floor((cs % 360000) / 6000);
	const seconds = Math.floor((cs % 6000) / 100);
	const fraction = cs % 100;
	return `${two(hours)}:${two(minutes)}:${two(seconds)}.${two(fraction)}`;
}

/**
 * SCORM 2004 timeinterval (ISO 8601 duration), e.g. `PT1H2M3.5S`; at most two decimals on the
 * seconds, and `PT0S` for nothing ("P0S" and "PT" are invalid, Adapt spoor PR#134).
 */
export function duration2004(ms: number): string {
	const cs = centiseconds(ms);
	const hours = Math.floor(cs / 360000);
	const minutes = Math.floor((cs % 360000) / 6000);
	const secondsCs = cs % 6000;
	let text = 'PT';
	if (hours) text += `${hours}H`;
	if (minutes) text += `${minutes}M`;
	if (secondsCs || (!hours && !minutes)) {
		const whole = Math.floor(secondsCs / 100);
		const fraction = secondsCs % 100;
		text += fraction ? `${whole}.${two(fraction).replace(/0$/, '')}S` : `${whole}S`;
	}
	return text;
}

/** SCORM 1.2 CMITime: the learner's local time of day `HH:MM:SS` (1.2 has no date here). */
export function timeOfDay12(at: number): string {
	const d = new Date(at);
	return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/**
 * SCORM 2004 time(second,10,0) in UTC, e.g. `2026-11-23T14:05:09.30Z`. The zone designator is only
 * allowed after a fraction of a second, and Moodle's regex allows at most two fraction digits.
 */
export function timestamp2004(at: number): string {
	const d = new Date(at);
	const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
	const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
	return `${date}T${time}.${two(Math.floor(d.getUTCMilliseconds() / 10))}Z`;
}
