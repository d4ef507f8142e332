import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, SAVE_WAIT_CAP_MS } from './step-timing';

/** A page in the browser, as far as afterNextPaint sees it: its visibility, its frames. */
function fakePage(visibility: 'visible' | 'hidden') {
	const listeners = new Set<() => void>();
	const frames: (() => void)[] = [];
	const page = {
		visibilityState: visibility,
		addEventListener: (_: string, fn: () => void) => listeners.add(fn),
		removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
		hide() {
			page.visibilityState = 'hidden';
			for (const fn of [...listeners]) fn();
		},
		paint: () => frames.splice(0).forEach((fn) => fn()),
		listeners
	};
	vi.stubGlobal('document', page);
	vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
	return page;
}

/** Whether the promise has settled once the tasks due now (and those they queue) have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
	let done = false;
	promise.then(() => (done = true));
	// A zero-delay timer queued while timers run is due a millisecond later under fake timers.
	for (let task = 0; task < 3; task++) await vi.advanceTimersByTimeAsync(1);
	return done;
}

describe('afterNextPaint: when a step is saved', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('waits for the next frame, then one task more, so the save never delays the paint', async () => {
		const page = fakePage('visible');
		const waiting = afterNextPaint();
		expect(await settled(waiting)).toBe(false);
		page.paint();
		expect(await settled(waiting)).toBe(true);
		expect(page.listeners.size).toBe(0);
	});

	it('saves at once on a hidden page, which paints no frames', async () => {
		fakePage('hidden');
		expect(await settled(afterNextPaint())).toBe(true);
	});

	it('saves as soon as the page is hidden while waiting (a tab switched, a phone locked)', async () => {
		const page = fakePage('visible');
		const waiting = afterNextPaint();
		page.hide();
		expect(await settled(waiting)).toBe(true);
	});

	it('never waits longer than the cap when frames stall, well inside the 200 ms a crash may come after', async () => {
		fakePage('visible');
		let done = false;
		afterNextPaint().then(() => (done = true));
		await vi.advanceTimersByTimeAsync(SAVE_WAIT_CAP_MS - 1);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
		expect(SAVE_WAIT_CAP_MS).toBeLessThanOrEqual(100);
	});
});
