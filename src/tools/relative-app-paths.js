// After `vite build`: makes index.html load the app's scripts and styles with relative URLs.
// SvelteKit writes a single-page fallback with root-absolute /_app/ URLs (sveltejs/kit#13813),
// which break when an LMS serves the build from a sub-path. With hash routing the document is
// always this index.html at the root of the build, so ./_app/ resolves to the right folder
// wherever the build is served; inside _app/, chunks already import each other relatively.
// Usage: node src/tools/relative-app-paths.js [outDir]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** @param {string} html */
export function relativeAppPaths(html) {
	const out = html.replace(/(href=|src=|import\()(["'])\/_app\//g, '$1$2./_app/');
	const left = out.match(/["'(]\/_app\/[^"')]*/);
	if (left) throw new Error(`index.html still has a root-absolute URL (${left[0].slice(1)}): update src/tools/relative-app-paths.js for this SvelteKit version.`);
	return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = join(resolve(process.argv[2] ?? 'build'), 'index.html');
	writeFileSync(file, relativeAppPaths(readFileSync(file, 'utf8')));
	console.log(`Made the /_app/ URLs in ${file} relative.`);
}
