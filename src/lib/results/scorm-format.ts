/**
 * Reading SCORM 2004 timeintervals back (writing them is src/lib/tracking/scorm-time.ts, shared
 * with the LMS trackers). Pure; no DOM.
 */

/** Reads an ISO 8601 duration of hours, minutes and seconds (as SCORM 2004 writes them) into milliseconds; null if it is not one. */
export function parseIsoDuration(text: string): number | null {
	const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?$/.exec(text);
	if (!m || text === 'PT') return null;
	return Math.round(((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000);
}
