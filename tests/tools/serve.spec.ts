// The static server (npm start, the end-to-end tests) and the dev server's /modules handler, tried
// as an attacker would: malformed addresses must not stop them, and no address may reach a file
// outside the folder they serve, not even a neighbouring folder whose name starts the same.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koersModules } from '../../src/tools/modules-plugin.js';

const SERVE = resolve(import.meta.dirname, '..', '..', 'src', 'tools', 'serve.js');
const SECRET = 'the neighbouring folder';

/** Sends the path exactly as written (no normalising by the client), returns status and body. */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
	return new Promise((done, fail) => {
		const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => done({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', fail);
		req.end();
	});
}

function freePort(): Promise<number> {
	return new Promise((done) => {
		const probe = createServer();
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => done(port));
		});
	});
}

async function waitUntilUp(port: number) {
	for (let i = 0; i < 100; i++) {
		try {
			return await get(port, '/');
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error(`the server did not start on port ${port}`);
}

const TRAVERSALS = [
	'/..%2Fbuild-secret%2Fx.txt',
	'/../build-secret/x.txt',
	'/%2e%2e/build-secret/x.txt',
	'/%2E%2E%2Fbuild-secret%2Fx.txt',
	'/..%5Cbuild-secret%5Cx.txt',
	'/..\\build-secret\\x.txt',
	'/lms/course/42/content/../../../../../build-secret/x.txt',
	'/lms/course/42/content/..%2F..%2F..%2F..%2F..%2Fbuild-secret%2Fx.txt',
	'/%252e%252e/build-secret/x.txt',
	'//build-secret/x.txt'
];

describe('the static server (src/tools/serve.js)', () => {
	let root: string;
	let port: number;
	let server: ChildProcess;

	beforeAll(async () => {
		root = mkdtempSync(join(tmpdir(), 'koers-serve-'));
		mkdirSync(join(root, 'build'));
		mkdirSync(join(root, 'build-secret'));
		writeFileSync(join(root, 'build', 'index.html'), '<!doctype html><title>Koers</title>');
		writeFileSync(join(root, 'build-secret', 'x.txt'), SECRET);
		port = await freePort();
		// PORT is honoured when no port is given.
		server = spawn(process.execPath, [SERVE], { env: { ...process.env, KOERS_OUT: join(root, 'build'), PORT: String(port) }, stdio: 'ignore' });
		await waitUntilUp(port);
	});

	afterAll(() => {
		server?.kill();
		rmSync(root, { recursive: true, force: true });
	});

	it('serves the build on $PORT, at the root and under the nested LMS path', async () => {
		expect(await get(port, '/')).toMatchObject({ status: 200, body: expect.stringContaining('Koers') });
		expect(await get(port, '/lms/course/42/content/index.html')).toMatchObject({ status: 200 });
	});

	it('answers a malformed address (GET /%E0%A4%A) with an error and keeps running', async () => {
		const { status } = await get(port, '/%E0%A4%A');
		expect([400, 404]).toContain(status);
		expect((await get(port, '/')).status).toBe(200);
	});

	it.each(TRAVERSALS)('never serves a file outside build/: %s', async (path) => {
		const { status, body } = await get(port, path);
		expect(body).not.toContain(SECRET);
		expect(status).not.toBe(200);
	});
});

describe('npm start checks its port before the build', () => {
	let taken: Server;
	let port: number;

	beforeAll(async () => {
		port = await freePort();
		taken = createServer().listen(port, '127.0.0.1');
		await new Promise((r) => taken.once('listening', r));
	});
	afterAll(() => void taken.close());

	it('says clearly that the port is taken, and how to choose another', () => {
		const result = spawnSync(process.execPath, [SERVE, '--check-port'], { env: { ...process.env, PORT: String(port) }, encoding: 'utf8' });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`Port ${port} is already in use`);
		expect(result.stderr).toContain('PORT=');
	});

	it('passes on a free port', async () => {
		const free = await freePort();
		const result = spawnSync(process.execPath, [SERVE, '--check-port', String(free)], { encoding: 'utf8' });
		expect(result.status).toBe(0);
	});

	it('runs the check before the build in npm start', async () => {
		const { readFileSync } = await import('node:fs');
		const start: string = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).scripts.start;
		expect(start.indexOf('--check-port')).toBeGreaterThan(-1);
		expect(start.indexOf('--check-port')).toBeLessThan(start.indexOf('npm run build'));
	});
});

describe("the dev server's /modules handler (src/tools/modules-plugin.js)", () => {
	let root: string;
	type Handler = (req: { url: string }, res: Record<string, unknown>, next: () => void) => void | Promise<void>;
	let handler: Handler;

	beforeAll(() => {
		root = mkdtempSync(join(tmpdir(), 'koers-modules-'));
		mkdirSync(join(root, 'modules', 'demo'), { recursive: true });
		mkdirSync(join(root, 'modules-secret'));
		writeFileSync(join(root, 'modules', 'demo', 'module.json'), '{"id":"demo"}');
		writeFileSync(join(root, 'modules-secret', 'x.txt'), SECRET);
		const uses: Record<string, Handler> = {};
		const fakeServer = {
			watcher: { add() {}, on() {} },
			middlewares: { use: (path: string, fn: Handler) => void (uses[path] = fn) },
			printUrls() {},
			config: { logger: { info() {}, error() {} }, root },
			ws: { send() {} },
			// The handler loads the module-contents rule through Vite; here, through Vitest.
			ssrLoadModule: () => import('../../src/lib/authoring/module-contents')
		};
		const plugin = koersModules({ dir: join(root, 'modules') }) as unknown as { configureServer: (s: unknown) => void };
		plugin.configureServer(fakeServer);
		handler = uses['/modules'];
	});
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	/** What the handler does with a path below /modules: the body it sends, or 'next' when it passes. */
	async function ask(url: string): Promise<string> {
		let sent = 'next';
		const res = { setHeader() {}, end: (body: Uint8Array | string) => (sent = typeof body === 'string' ? body : Buffer.from(body).toString('utf8')) };
		await handler({ url }, res, () => {});
		return sent;
	}

	it('serves a module file', async () => {
		expect(await ask('/demo/module.json')).toBe('{"id":"demo"}');
	});

	it.each(['/../modules-secret/x.txt', '/..%2Fmodules-secret%2Fx.txt', '/%2e%2e/modules-secret/x.txt', '/%E0%A4%A'])('never serves %s', async (url) => {
		expect(await ask(url)).toBe('next');
	});
});
