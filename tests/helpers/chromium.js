// Finds the Chromium the tests drive. Playwright cannot download its own browser here, so the
// project uses Debian's package (apt-get install chromium) or $CHROMIUM_PATH.
import { existsSync } from 'node:fs';

export function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
	const found = candidates.find((p) => existsSync(/** @type {string} */ (p)));
	if (!found)
		throw new Error('No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary.');
	return found;
}

/**
 * Flags for headless Chromium on these machines (as in playwright.config.ts): no sandbox as root,
 * and no background connections, which the closed network refuses.
 */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
