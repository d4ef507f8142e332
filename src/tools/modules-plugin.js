// Vite plugin: serves modules/ at ./modules/ in the dev server, as the build lays it out, so the
// player fetches modules with the same relative URLs everywhere (dev, build/, inside a SCORM zip).
// For the author view (#/author, dev server only) it also runs the module checker on request and
// tells the page when a module's files change (see src/lib/authoring/view/).
import { existsSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { buildCatalogue } from './modules-files.js';

/** The HMR event the author view listens to: `{ id, file }` of the module folder that changed. */
export const MODULE_CHANGED = 'koers:module-changed';
/** Editors often write a file in several steps (truncate, write, rename): one event per burst. */
const SETTLE_MS = 40;

/** @param {{ dir?: string }} [options] @returns {import('vite').Plugin} */
export function koersModules(options = {}) {
	const dir = resolve(options.dir ?? 'modules');
	return {
		name: 'koers-modules',
		configureServer(server) {
			server.watcher.add(dir);
			watchModules(server, dir);
			serveChecks(server, dir);
			const printUrls = server.printUrls.bind(server);
			server.printUrls = () => {
				printUrls();
				const local = server.resolvedUrls?.local[0];
				if (local) server.config.logger.info(`  ➜  Author view: ${local}#/author  (checker results, chart and live preview of every module)`);
			};
			server.middlewares.use('/modules', async (req, res, next) => {
				let url;
				try {
					url = decodeURIComponent((req.url ?? '/').split('?')[0]);
				} catch {
					return next(); // a malformed address (`%E0%A4%A`): no file of ours
				}
				if (url === '/index.json') {
					res.setHeader('Content-Type', 'application/json');
					res.setHeader('Cache-Control', 'no-store');
					res.end(JSON.stringify(buildCatalogue(dir)));
					return;
				}
				const file = normalize(join(dir, url));
				// With the separator: modules-private/ starts with "modules" too.
				if (!file.startsWith(dir + sep) || !existsSync(file)) return next();
				// Only what build and package would ship (module-contents.ts): no media/info.html, SVGs sanitised.
				const [id, ...rest] = relative(dir, file).split(sep);
				// Loaded through Vite, as the checker is below: TypeScript, and fresh after every edit.
				let bytes = null;
				let type = '';
				try {
					const { contentType, shippedFile } = await server.ssrLoadModule('/src/lib/authoring/module-contents.ts');
					bytes = rest.length ? shippedFile(join(dir, id), rest.join('/')) : null;
					type = contentType(rest.join('/'));
				} catch (e) {
					return next(e);
				}
				if (!bytes) return next();
				res.setHeader('Content-Type', type);
				res.setHeader('Cache-Control', 'no-store');
				res.end(bytes);
			});
		}
	};
}

/**
 * Sends MODULE_CHANGED to the page for every change under modules/<id>/ (the files are not part
 * of Vite's module graph, so Vite itself does nothing with them: no reload, the page stays).
 * @param {import('vite').ViteDevServer} server @param {string} dir
 */
function watchModules(server, dir) {
	/** @type {Map<string, ReturnType<typeof setTimeout>>} */
	const timers = new Map();
	/** @param {string} file */
	const changed = (file) => {
		const rel = relative(dir, file);
		if (!rel || rel.startsWith('..') || isAbsolute(rel)) return;
		const [id, ...rest] = rel.split(sep);
		if (rest.length === 0 && id.includes('.')) return; // modules/README.md and the like
		clearTimeout(timers.get(id));
		timers.set(
			id,
			setTimeout(() => {
				timers.delete(id);
				server.ws.send({ type: 'custom', event: MODULE_CHANGED, data: { id, file: rest.join('/') } });
			}, SETTLE_MS)
		);
	};
	for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir']) server.watcher.on(event, changed);
}

/**
 * GET /__koers/check[?id=<module>][&lang=nl|en]: the checker's reports as JSON, run in node
 * through Vite (ssrLoadModule), so an edited checker or module is picked up without a restart.
 * @param {import('vite').ViteDevServer} server @param {string} dir
 */
function serveChecks(server, dir) {
	server.middlewares.use('/__koers/check', async (req, res) => {
		const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
		const id = query.get('id');
		const send = (/** @type {number} */ status, /** @type {unknown} */ body) => {
			res.statusCode = status;
			res.setHeader('Content-Type', 'application/json');
			res.setHeader('Cache-Control', 'no-store');
			res.end(JSON.stringify(body));
		};
		try {
			const { checkFolders } = await server.ssrLoadModule('/src/lib/authoring/dev-check.ts');
			const reports = checkFolders(dir, id ? [id] : null, query.get('lang') ?? 'en');
			if (id && reports.length === 0) send(404, { error: `There is no module "${id}" in ${relative(server.config.root, dir) || dir}/ (no ${id}/module.json).` });
			else send(200, { modules: reports });
		} catch (e) {
			server.config.logger.error(`[koers] the module checker failed: ${/** @type {Error} */ (e).stack ?? e}`);
			send(500, { error: `The module checker failed: ${/** @type {Error} */ (e).message}` });
		}
	});
}
