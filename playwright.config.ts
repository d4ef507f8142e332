import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './tests/helpers/chromium.js';
import { testPort } from './tests/helpers/test-port.js';

// End-to-end tests run against the built app (npm run build) served by a small static server, in
// Debian's Chromium: Playwright cannot download its own browser on these machines.
// The server's port: $KOERS_PORT, else a free one, so a running `npm start` (4173) is never in the way.
const PORT = testPort('KOERS_PORT');

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: process.env.CI ? 2 : 2,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}/`,
		trace: 'off',
		// The standalone build registers a service worker (offline use). It would answer requests
		// instead of page.route() and cache across a test; the offline tests allow it themselves.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: chromiumPath(),
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }
	],
	webServer: {
		command: `node src/tools/serve.js ${PORT}`,
		url: `http://127.0.0.1:${PORT}/index.html`,
		// Always our own server: one already on the port may be someone's `npm start` or another build.
		reuseExistingServer: false,
		timeout: 30_000
	}
});
