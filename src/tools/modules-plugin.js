// Vite plugin: serves modules/ at ./modules/ in the dev server, as the build lays it out, so the
// player fetches modules with the same relative URLs everywhere (dev, build/, inside a SCORM zip).
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { buildCatalogue } from './modules-files.js';

const TYPES = { '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.mp3': 'audio/mpeg', '.mp4': 'video/mp4' };

/** @param {{ dir?: string }} [options] @returns {import('vite').Plugin} */
export function koersModules(options = {}) {
	const dir = resolve(options.dir ?? 'modules');
	return {
		name: 'koers-modules',
		configureServer(server) {
			server.watcher.add(dir);
			server.middlewares.use('/modules', (req, res, next) => {
				const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
				if (url === '/index.json') {
					res.setHeader('Content-Type', 'application/json');
					res.setHeader('Cache-Control', 'no-store');
					res.end(JSON.stringify(buildCatalogue(dir)));
					return;
				}
				const file = normalize(join(dir, url));
				if (!file.startsWith(dir) || !existsSync(file)) return next();
				res.setHeader('Content-Type', TYPES[/** @type {keyof TYPES} */ (extname(file))] ?? 'application/octet-stream');
				res.setHeader('Cache-Control', 'no-store');
				res.end(readFileSync(file));
			});
		}
	};
}
