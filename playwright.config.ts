import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './tests/helpers/chromium.js';

// End-to-end tests run against the built app (npm run build) served by a small static server, in
// Debian's Chromium: Playwright cannot download its own browser on these machines.
const PORT = Number(process.env.KOERS_PORT || 4173);

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
		reuseExistingServer: !process.env.CI,
		timeout: 30_000
	}
});
