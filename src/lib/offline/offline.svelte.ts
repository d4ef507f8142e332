/**
 * The standalone player as an installable, offline app: registers the service worker that
 * src/tools/build-sw.js writes next to index.html (src/lib/offline/service-worker.js), links the
 * web app manifest, and offers a new version when one has been installed.
 *
 * Never inside a SCORM package (the LMS owns that page and its origin; the package leaves sw.js out),
 * never in the dev server (there is no sw.js), and only where browsers allow service workers:
 * http(s) from a secure context (https, or localhost).
 */

export interface OfflineEnvironment {
	/** Launched from a SCORM package (src/lib/tracking/launch.ts). */
	packaged: boolean;
	/** A production build (import.meta.env.PROD): only the build has sw.js. */
	production: boolean;
	supported: boolean;
	secureContext: boolean;
	protocol: string;
}

/** Whether to register the service worker; the reason when not (for tests and debugging). */
export function offlineDecision(env: OfflineEnvironment): { register: boolean; reason: string } {
	if (env.packaged) return { register: false, reason: 'packaged' };
	if (!env.production) return { register: false, reason: 'development' };
	if (!env.supported) return { register: false, reason: 'unsupported' };
	if (env.protocol !== 'http:' && env.protocol !== 'https:') return { register: false, reason: 'not-http' };
	if (!env.secureContext) return { register: false, reason: 'insecure' };
	return { register: true, reason: 'standalone' };
}

/** Steps where the learner may have typed or ticked something not yet saved (see holdUpdate). */
export function stepHasInput(kind: string | undefined, feedbackPending: boolean): boolean {
	return !feedbackPending && (kind === 'quiz' || kind === 'reflection' || kind === 'evaluation' || kind === 'scale' || kind === 'checklist' || kind === 'fields' || kind === 'actionplan');
}

/**
 * Pages where taking an update (a reload) loses nothing: the catalogue, and the player, which
 * saves every step (and holds the offer back itself on steps with input, see holdUpdate). The
 * result page may hold a name typed for a certificate, the trainers' overview files dropped in.
 */
export function pageAllowsUpdate(routeId: string | null): boolean {
	return routeId === '/' || routeId === '/play/[moduleId]';
}

/** How often an open page asks the server whether there is a new version, at most. */
const CHECK_EVERY_MS = 30 * 60 * 1000;

export class OfflineSupport {
	/** Why the service worker was or was not registered ('standalone' when it was). */
	status = $state('');
	/** A new version is installed and waits for the learner's go. */
	updateReady = $state(false);
	/**
	 * Set by the player while a step may hold unsaved input (an answer ticked, a reflection half
	 * written): the new version is offered only once that step is done, because taking it reloads.
	 * Every finished step is already saved, so between steps nothing is lost.
	 */
	holdUpdate = $state(false);

	private registration: ServiceWorkerRegistration | null = null;
	private lastCheck = 0;

	/** The banner is shown: an update is ready and the moment is safe. */
	get offerUpdate() {
		return this.updateReady && !this.holdUpdate;
	}

	/** Registers the worker when `offlineDecision` allows; never throws, never logs an error. */
	async start(env: OfflineEnvironment) {
		const decision = offlineDecision(env);
		this.status = decision.reason;
		if (!decision.register) return;
		linkManifest();
		// Precaching downloads the whole app and every module: let the page the learner asked for load
		// and render first. In this app 'load' fires before the first page is drawn (its data comes
		// later), so the worker also waits for a quiet moment afterwards.
		if (document.readyState !== 'complete') await new Promise((done) => window.addEventListener('load', done, { once: true }));
		await whenIdle();
		let registration: ServiceWorkerRegistration | undefined;
		try {
			// Relative: the worker sits next to index.html, and its scope is that folder.
			registration = await navigator.serviceWorker.register('sw.js', { scope: './' });
		} catch {
			// Blocked (private mode, policy) or sw.js missing: the app simply stays online-only.
		}
		// Some blockers (Playwright's serviceWorkers: 'block', for one) resolve with nothing at all.
		if (!registration) {
			this.status = 'failed';
			return;
		}
		this.registration = registration;
		this.lastCheck = Date.now();
		const watch = (worker: ServiceWorker | null) => {
			if (!worker) return;
			const check = () => {
				// 'installed' with a controller: a new version waits. Without one this was the first install.
				if (worker.state === 'installed' && navigator.serviceWorker.controller) this.updateReady = true;
			};
			check();
			worker.addEventListener('statechange', check);
		};
		watch(registration.waiting);
		watch(registration.installing);
		registration.addEventListener('updatefound', () => watch(registration.installing));
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') this.checkForUpdate();
		});
	}

	/** Asks the server for a newer sw.js (the browser also does on every page load). */
	checkForUpdate(force = false) {
		if (!this.registration || (!force && Date.now() - this.lastCheck < CHECK_EVERY_MS)) return;
		this.lastCheck = Date.now();
		this.registration.update().catch(() => {
			// Offline: try again later.
		});
	}

	/** The learner accepted: the waiting worker takes over, and the page reloads on the new version. */
	applyUpdate() {
		const waiting = this.registration?.waiting;
		if (!waiting) return location.reload();
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
		waiting.postMessage('skip-waiting');
	}
}

/** The manifest makes the standalone player installable; a SCORM package never links it. */
function linkManifest() {
	if (document.querySelector('link[rel="manifest"]')) return;
	const link = document.createElement('link');
	link.rel = 'manifest';
	link.href = 'manifest.webmanifest';
	document.head.append(link);
}

/**
 * Resolves once the first page has had time to render and the browser has a quiet moment: a
 * second after the call, then at the next idle period (at most 5 s later; Safari has no
 * requestIdleCallback and just waits the second).
 */
function whenIdle(): Promise<void> {
	return new Promise((done) =>
		setTimeout(() => {
			if (typeof requestIdleCallback === 'function') requestIdleCallback(() => done(), { timeout: 5000 });
			else done();
		}, 1000)
	);
}
