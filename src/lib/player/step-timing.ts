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
 * Resolves once the browser has painted the next frame (at most 50 ms later), or at once when the
 * page is hidden (no frames are painted then) or there are no frames (tests). The player saves a
 * step just after it is painted: the save then neither delays the new step on screen nor waits
 * behind its rendering.
 */
export function afterNextPaint(): Promise<void> {
	if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState !== 'visible') return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, 50);
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(timer);
				resolve();
			}, 0)
		);
	});
}
