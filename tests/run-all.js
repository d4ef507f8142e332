// `npm test`: every test in one command. Unit and content tests (Vitest, node), then a fresh build
// and the end-to-end tests (Playwright in Debian's Chromium), then the author view's test against
// the dev server.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './helpers/chromium.js';

/** @param {string} title @param {string} command */
function step(title, command) {
	console.log(`\n▶ ${title}: ${command}`);
	const result = spawnSync(command, { stdio: 'inherit', shell: true, env: process.env });
	if (result.status !== 0) {
		console.error(`\n✖ ${title} failed (exit ${result.status}).`);
		process.exit(result.status ?? 1);
	}
}

try {
	console.log(`Chromium: ${chromiumPath()}`);
} catch (e) {
	console.error(`✖ ${/** @type {Error} */ (e).message}`);
	process.exit(1);
}
step('unit and content tests', 'npx vitest run');
step('build', 'npm run build');
step('end-to-end tests', 'npx playwright test');
// The author view exists in the dev server only, so its test runs against `vite dev`.
step('dev-server tests', 'npx playwright test -c tests/authoring/playwright.dev.config.ts');
console.log('\n✔ All tests passed.');
