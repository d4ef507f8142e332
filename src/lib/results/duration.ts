/**
 * Time spent, in words: the one formatter behind the end page, the results page, the certificate,
 * the result record, the trainer view and its CSV, so one attempt shows one time everywhere.
 * Plain TypeScript; the words come from the caller's translator (`time.*` keys).
 *
 * Whole minutes, rounded to the nearest; a time under half a minute reads "less than a minute" (not
 * "0 minutes", and not a rounded-up "1 minute" that was never spent); from an hour on, hours and
 * minutes ("1 hour and 15 minutes").
 */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Whole minutes of a duration in seconds, as every view counts them. */
export function wholeMinutes(seconds: number): number {
	return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds / 60) : 0;
}

export function formatDuration(t: Translate, seconds: number): string {
	const minutes = wholeMinutes(seconds);
	if (minutes === 0) return t('time.lessThanMinute');
	return formatMinutes(t, minutes);
}

/** A number of minutes (a study load, or a rounded time spent) in words. */
export function formatMinutes(t: Translate, minutes: number): string {
	const m = Math.max(0, Math.round(minutes));
	if (m < 60) return t('time.minutes', { count: m });
	const hours = Math.floor(m / 60);
	const rest = m % 60;
	const h = t('time.hours', { count: hours });
	return rest ? t('time.hoursAndMinutes', { hours: h, minutes: t('time.minutes', { count: rest }) }) : h;
}
