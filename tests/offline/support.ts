// Helpers for the offline tests: a copy of the player build in a folder of its own, served by a
// small server the test controls, so a test can deploy a new version mid-way or cut the network.
import { cpSync, createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BUILD = resolve(ROOT, process.env.KOERS_OUT || 'build');

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
	'.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json'
};

/** A private copy of the build (or of `from`), e.g. to change and redeploy during a test. */
export function copyOfBuild(name: string, from = BUILD): string {
	if (!existsSync(join(from, 'index.html'))) throw new Error(`No player build in ${from}: run npm run build first (with the same KOERS_OUT).`);
	const dir = join(ROOT, 'tests', '.tmp', `offline-${name}-${process.pid}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	cpSync(from, dir, { recursive: true });
	return dir;
}

/**
 * Serves `dir` under `base` (a sub-path, as a real deployment might use) on a free port. Every
 * request is logged, so a test can tell what reached the server.
 */
export async function serve(dir: string, base = '/koers/') {
	const requests: string[] = [];
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		requests.push(path);
		let file = path.startsWith(base) ? normalize(join(dir, path.slice(base.length))) : '';
		if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file || !file.startsWith(dir) || !existsSync(file)) {
			res.writeHead(404, { 'Content-Type': 'text/plain' });
			res.end('not found');
			return;
		}
		res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		requests,
		close: () => new Promise<void>((done) => server.close(() => done()))
	};
}
