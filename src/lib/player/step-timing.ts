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
