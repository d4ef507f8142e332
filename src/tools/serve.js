// A small static file server for the built app (npm start) and the end-to-end tests. It serves
// build/ at the root and again under a
// nested path (as an LMS would), so tests can prove the build has no root-absolute URL.
// Usage: node src/tools/serve.js [port]   Mounts: / and /lms/course/42/content/ → build/
//        extra mounts from KOERS_MOUNTS="prefix=dir,prefix2=dir2".
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { strictPolicy } from './csp.js';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
	'.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
	'.xml': 'application/xml', '.xsd': 'application/xml', '.webmanifest': 'application/manifest+json', '.zip': 'application/zip'
};

const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
const build = resolve(process.env.KOERS_OUT || 'build');
const mounts = [['/lms/course/42/content/', build]];
for (const pair of (process.env.KOERS_MOUNTS ?? '').split(',').filter(Boolean)) {
	const [prefix, dir] = pair.split('=');
	mounts.push([prefix, resolve(dir)]);
}
mounts.push(['/', build]);
// KOERS_CSP: a Content-Security-Policy header to send; "strict" sends the build's strict policy (csp.js).
const csp = process.env.KOERS_CSP === 'strict' ? strictPolicy(build) : process.env.KOERS_CSP;

createServer((req, res) => {
	const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
	for (const [prefix, dir] of mounts) {
		if (!url.startsWith(prefix)) continue;
		let file = normalize(join(dir, url.slice(prefix.length)));
		if (!file.startsWith(dir)) break;
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) break;
		res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...(csp ? { 'Content-Security-Policy': csp } : {}) });
		createReadStream(file).pipe(res);
		return;
	}
	res.writeHead(404, { 'Content-Type': 'text/plain' });
	res.end('not found');
}).listen(port, '127.0.0.1', () => console.log(`Koers is running: open http://127.0.0.1:${port}/ in your browser (Ctrl+C stops it).`));
