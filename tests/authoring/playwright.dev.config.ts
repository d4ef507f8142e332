import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from '../helpers/chromium.js';
import { testPort } from '../helpers/test-port.js';

// Browser tests against the DEV server (npm run dev), for what exists only there: the author view
// with its checker endpoint and live updates. Run: npx playwright test -c tests/authoring/playwright.dev.config.ts
// Its own port ($KOERS_DEV_PORT, else a free one), so it never meets a dev server someone has open.
const PORT = testPort('KOERS_DEV_PORT');

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.dev-server.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 180_000,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}/`,
		trace: 'off',
		launchOptions: {
			executablePath: chromiumPath(),
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	projects: [{ name: 'dev-server', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } }],
	webServer: {
		command: `npx vite dev --port ${PORT} --strictPort`,
		cwd: '../..',
		url: `http://localhost:${PORT}/`,
		// Always our own server: one already on the port may be someone else's, on other code.
		reuseExistingServer: false,
		timeout: 120_000
	}
});
