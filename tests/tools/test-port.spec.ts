// `npm test` while `npm start` runs on 4173: the end-to-end server and the dev-server tests take a
// free port of their own and never attach to a server that is already there.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Config = { webServer: { url: string; command: string; reuseExistingServer: boolean }; use: { baseURL: string } };

/** Loads a Playwright config as the runner would, with `variable` unset. */
async function loadConfig(path: string, variable: string): Promise<{ config: Config; port: number }> {
	const saved = process.env[variable];
	delete process.env[variable];
	try {
		vi.resetModules();
		const config = (await import(path)).default as Config;
		return { config, port: Number(new URL(config.webServer.url).port) };
	} finally {
		if (saved === undefined) delete process.env[variable];
		else process.env[variable] = saved;
	}
}

describe('test servers on a port of their own', { timeout: 60_000 }, () => {
	let npmStart: Server | null = null;

	beforeAll(async () => {
		// Stands in for `npm start` (if something already listens on 4173, that does as well).
		npmStart = await new Promise((done) => {
			const server = createServer();
			server.once('error', () => done(null));
			server.listen(4173, '127.0.0.1', () => done(server));
		});
	});
	afterAll(() => void npmStart?.close());

	it('the end-to-end server takes a free port, not 4173, and its own server only', async () => {
		const { config, port } = await loadConfig('../../playwright.config', 'KOERS_PORT');
		expect(port).not.toBe(4173);
		expect(config.webServer.command).toContain(String(port));
		expect(config.use.baseURL).toContain(`:${port}/`);
		expect(config.webServer.reuseExistingServer).toBe(false);
	});

	it('the dev-server tests too', async () => {
		const { config, port } = await loadConfig('../authoring/playwright.dev.config', 'KOERS_DEV_PORT');
		expect([4173, 5173, 5199]).not.toContain(port);
		expect(config.webServer.command).toContain(`--port ${port}`);
		expect(config.webServer.reuseExistingServer).toBe(false);
	});

	it('uses $KOERS_PORT when it is set', async () => {
		const saved = process.env.KOERS_PORT;
		process.env.KOERS_PORT = '4999';
		try {
			vi.resetModules();
			const config = (await import('../../playwright.config')).default as Config;
			expect(config.webServer.url).toContain(':4999/');
		} finally {
			if (saved === undefined) delete process.env.KOERS_PORT;
			else process.env.KOERS_PORT = saved;
		}
	});
});
