/**
 * SCORM data-model formats used in the result record (pure; no DOM). They follow SCORM 2004's
 * types, which are the stricter ones and read well in any system that takes ISO 8601:
 * - timespan: ISO 8601 duration, at most two decimals on the seconds, `PT0S` for nothing
 *   (not `P0S` or `PT`, see Adapt framework#1222);
 * - time: an ISO 8601 date-time with at most two decimals on the seconds and a time zone.
 */

/** Milliseconds as an ISO 8601 duration, e.g. 3_723_450 → `PT1H2M3.45S`. Negative counts as 0. */
export function isoDuration(ms: number): string {
	const centis = Math.round(Math.max(0, Number.isFinite(ms) ? ms : 0) / 10);
	const hours = Math.floor(centis / 360_000);
	const minutes = Math.floor((centis % 360_000) / 6_000);
	const seconds = (centis % 6_000) / 100;
	let out = 'PT';
	if (hours) out += `${hours}H`;
	if (minutes) out += `${minutes}M`;
	if (seconds || (!hours && !minutes)) out += `${Number(seconds.toFixed(2))}S`;
	return out;
}

/** Reads an ISO 8601 duration made of hours, minutes and seconds back into milliseconds (null if not one). */
export function parseIsoDuration(text: string): number | null {
	const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?$/.exec(text);
	if (!m || text === 'PT') return null;
	return Math.round(((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000);
}

/** A moment as a SCORM time: UTC, two decimals on the seconds, e.g. `2026-11-05T14:03:07.12Z`. */
export function scormTime(ms: number): string {
	const iso = new Date(ms).toISOString(); // 2026-11-05T14:03:07.123Z
	return `${iso.slice(0, 22)}Z`;
}
