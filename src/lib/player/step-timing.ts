/**
 * User Timing marks for `npm run bench`: "click → next step painted". One mark per learner action
 * and one measure per step (name STEP_MEASURE, read with performance.getEntriesByName); the cost
 * is a frame callback per step. The measure ends in a task queued from requestAnimationFrame,
 * which runs just after the browser has painted the new step.
 */
export const STEP_MEASURE = 'koers:step';
const ACTION_MARK = 'koers:action';

const available = () => typeof performance !== 'undefined' && typeof performance.mark === 'function' && typeof requestAnimationFrame === 'function';

/** The learner just clicked (or submitted). */
export function markAction() {
	if (!available()) return;
	performance.clearMarks(ACTION_MARK);
	performance.mark(ACTION_MARK);
}

/** A new step is in the DOM; measure once it is painted (only when an action started it). */
export function measureStepPainted() {
	if (!available() || !performance.getEntriesByName(ACTION_MARK, 'mark').length) return;
	requestAnimationFrame(() =>
		setTimeout(() => {
			if (!performance.getEntriesByName(ACTION_MARK, 'mark').length) return;
			performance.measure(STEP_MEASURE, ACTION_MARK);
			performance.clearMarks(ACTION_MARK);
		}, 0)
	);
}

/**
 * Resolves just after the browser has painted the step now being rendered, so that saving it
 * neither delays it on screen nor runs inside the bench's "painted" measure (measureStepPainted
 * ends in a task queued from the same frame; this resolves one task later). At once when the page
 * is hidden (no frames are painted then) or there are no frames (tests); early when the page is
 * hidden meanwhile; and after SAVE_WAIT_CAP_MS at the latest, whatever the frames do, so a step is
 * on disk well within the 200 ms after an answer that a crash may come (tests/reliability/crash).
 */
export const SAVE_WAIT_CAP_MS = 100;

export function afterNextPaint(): Promise<void> {
	if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState !== 'visible') return Promise.resolve();
	return new Promise((resolve) => {
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			clearTimeout(latest);
			document.removeEventListener('visibilitychange', finish);
			resolve();
		};
		const latest = setTimeout(finish, SAVE_WAIT_CAP_MS);
		document.addEventListener('visibilitychange', finish);
		requestAnimationFrame(() => setTimeout(() => setTimeout(finish, 0), 0));
	});
}
