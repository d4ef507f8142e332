// Koers's service worker, for the standalone player only (never registered inside a SCORM
// package, see offline.svelte.ts). src/tools/build-sw.js writes it to <build>/sw.js and fills in
// two constants: VERSION, a hash of every file of the build, and FILES, those files' paths
// relative to this script. Relative paths only, so the build works at any sub-path: the
// worker's scope is the folder of index.html, and nothing is fetched from another origin.
//
// What it does:
// - install: puts every file of the build (the app and all modules) in a cache named after this
//   scope and VERSION, straight from the server (not the HTTP cache). The first install takes over
//   at once, so the first visit already works offline; an update waits until the learner says so.
// - fetch: answers GET requests for those files from that cache (index.html for the folder
//   itself); anything else goes to the network as if there were no worker.
// - message 'skip-waiting': the learner accepted the new version; the page reloads on takeover.
// - activate: removes this scope's caches of older versions (other scopes' caches are left alone:
//   several Koers builds may share one origin).

// Replaced by src/tools/build-sw.js (these values only serve type checks and tests).
const VERSION = /* koers:version */ 'dev';
const FILES = /* koers:files */ /** @type {string[]} */ ([]);

/** @type {any} The worker's global scope (the DOM typings used for this project do not know it). */
const worker = self;
const SCOPE = worker.registration.scope;
const PREFIX = `koers ${SCOPE} `;
const CACHE = `${PREFIX}${VERSION}`;

/** @param {string} url the URL without query and fragment, as the cache key */
const key = (url) => {
	const u = new URL(url);
	return `${u.origin}${u.pathname}`;
};
const INDEX = key(new URL('index.html', SCOPE).href);
const PRECACHED = new Set(FILES.map((file) => key(new URL(file, SCOPE).href)));

worker.addEventListener('install', (/** @type {any} */ event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(FILES.map((file) => new Request(new URL(file, SCOPE).href, { cache: 'no-cache' })));
			// Nothing to replace on the first visit: take over now, so it works offline from the start.
			if (!worker.registration.active) await worker.skipWaiting();
		})()
	);
});

worker.addEventListener('activate', (/** @type {any} */ event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
			await worker.clients.claim();
		})()
	);
});

worker.addEventListener('message', (/** @type {any} */ event) => {
	if (event.data === 'skip-waiting') worker.skipWaiting();
});

worker.addEventListener('fetch', (/** @type {any} */ event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	let url = key(request.url);
	if (request.mode === 'navigate' && url === key(SCOPE)) url = INDEX;
	if (!PRECACHED.has(url)) return;
	event.respondWith(
		(async () => {
			const cached = await (await caches.open(CACHE)).match(url);
			// Evicted or damaged cache: the network still has it while online.
			return cached ?? fetch(request);
		})()
	);
});
