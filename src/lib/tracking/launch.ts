/**
 * How the player knows it runs from a SCORM package, and which tracker it then uses.
 *
 * `npm run package` writes `<meta name="koers-package" content='{"moduleId":"…","edition":"scorm12"}'>`
 * into each package's index.html. A meta tag rather than a separate file: it is read synchronously
 * before the first render (the catalogue never flashes), and a normal build, which has none, makes
 * no request that could fail.
 */
import { findApi, type WindowLike } from './api-discovery';
import { packagedLaunch, type PackageLaunch } from './package-launch';
import { Scorm12Tracker } from './scorm12';
import { Scorm2004Tracker } from './scorm2004';
import { LMS_PROBLEMS } from './scorm-tracker';
import { NoLmsTracker, type Tracker } from './tracker';

export { LAUNCH_META, packagedLaunch, parseLaunch, type PackageLaunch } from './package-launch';

/** Picks the tracker for a launch: the edition's SCORM adapter when its API is found, else none. */
export function createTracker(launch: PackageLaunch, win: WindowLike): Tracker {
	if (launch.edition === 'scorm12') {
		const api = findApi(win, 'scorm12');
		if (api) return new Scorm12Tracker(api);
	} else {
		const api = findApi(win, 'scorm2004');
		if (api) return new Scorm2004Tracker(api);
	}
	// Opened outside an LMS (or the LMS's API is out of reach): play on, and say that nothing is reported.
	console.warn(`[Koers SCORM] No ${launch.edition === 'scorm12' ? 'SCORM 1.2 API' : 'SCORM 2004 API_1484_11'} found; progress is kept on this device only.`);
	return new NoLmsTracker(LMS_PROBLEMS.notFound);
}

let sessionTracker: Tracker | undefined;

/**
 * The tracker for a module page. One SCORM session per page load: the LMS API is initialised once
 * and terminated once, however often the learner re-opens the module in the app.
 */
export function trackerFor(moduleId: string): Tracker {
	const current = packagedLaunch();
	if (!current || current.moduleId !== moduleId) return new NoLmsTracker();
	sessionTracker ??= createTracker(current, window as unknown as WindowLike);
	return sessionTracker;
}
