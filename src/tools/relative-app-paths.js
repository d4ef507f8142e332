// After `vite build`: makes index.html load the app's scripts and styles with relative URLs.
// SvelteKit writes a single-page fallback with root-absolute /_app/ URLs (sveltejs/kit#13813),
// which break when an LMS serves the build from a sub-path. With hash routing the document is
// always this index.html at the root of the build, so ./_app/ resolves to the right folder
// wherever the build is served; inside _app/, chunks already import each other relatively.
// It also preloads the code of the root page and of the error page, which SvelteKit's start-up
// always loads next: they then arrive with the rest instead of one round trip later. And it
// preloads the catalogue (modules/index.json), which the start page otherwise asks for only once
// its code has run: one round trip less before the learner sees the modules (README.md, "Speed").
// Usage: node src/tools/relative-app-paths.js [outDir] [--no-catalogue]   (reads $KOERS_KIT_DIR, default .svelte-kit)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** @param {string} html */
export function relativeAppPaths(html) {
	const out = html.replace(/(href=|src=|import\()(["'])\/_app\//g, '$1$2./_app/');
	const left = out.match(/["'(]\/_app\/[^"')]*/);
	if (left) throw new Error(`index.html still has a root-absolute URL (${left[0].slice(1)}): update src/tools/relative-app-paths.js for this SvelteKit version.`);
	return out;
}

/**
 * The files of SvelteKit's nodes for the root page (src/routes/+page.svelte) and the root error
 * page, with the chunks they import, from Vite's client manifest.
 * @param {string} kitDir SvelteKit's output folder (.svelte-kit)
 * @returns {{ js: string[], css: string[] }} paths under the build, e.g. _app/immutable/nodes/2.x.js
 */
export function startPageFiles(kitDir) {
	const manifestFile = join(kitDir, 'output', 'client', '.vite', 'manifest.json');
	const nodesDir = join(kitDir, 'generated', 'client-optimized', 'nodes');
	if (!existsSync(manifestFile) || !existsSync(nodesDir)) return { js: [], css: [] };
	/** @type {Record<string, { file: string, imports?: string[], css?: string[] }>} */
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
	const wanted = readdirSync(nodesDir).filter((f) => /routes\/\+(page|error)\.svelte"/.test(readFileSync(join(nodesDir, f), 'utf8')) || f === '1.js');
	const js = new Set(), css = new Set();
	/** @param {string} key */
	const add = (key) => {
		const entry = manifest[key];
		if (!entry || js.has(entry.file)) return;
		js.add(entry.file);
		for (const c of entry.css ?? []) css.add(c);
		for (const i of entry.imports ?? []) add(i);
	};
	for (const f of wanted) add(Object.keys(manifest).find((k) => k.endsWith(`client-optimized/nodes/${f}`)) ?? '');
	return { js: [...js], css: [...css] };
}

/**
 * The start page's catalogue, fetched with the app's code. Its mode matches the page's own fetch
 * (same-origin, credentials same-origin), so the browser hands that fetch this response. A SCORM
 * package opens its one module and removes this link (src/tools/package-scorm.ts).
 */
export const CATALOGUE_PRELOAD = '<link href="./modules/index.json" rel="preload" as="fetch" crossorigin="anonymous">';

/**
 * @param {string} html @param {{ js: string[], css: string[] }} files
 * @param {{ catalogue?: boolean }} [options] catalogue: false for an app without modules/ (the bench's reference app)
 */
export function preload(html, files, { catalogue = true } = {}) {
	const links = [
		...files.js.filter((f) => !html.includes(`./${f}"`)).map((f) => `<link href="./${f}" rel="modulepreload">`),
		...files.css.filter((f) => !html.includes(`./${f}"`)).map((f) => `<link href="./${f}" rel="stylesheet">`),
		...(catalogue && !html.includes(CATALOGUE_PRELOAD) ? [CATALOGUE_PRELOAD] : [])
	];
	return links.length ? html.replace('</head>', `\t${links.join('\n\t\t')}\n\t</head>`) : html;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const catalogue = !args.includes('--no-catalogue');
	const file = join(resolve(args.find((a) => !a.startsWith('--')) ?? 'build'), 'index.html');
	const files = startPageFiles(resolve(process.env.KOERS_KIT_DIR || '.svelte-kit'));
	writeFileSync(file, preload(relativeAppPaths(readFileSync(file, 'utf8')), files, { catalogue }));
	console.log(`Made the /_app/ URLs in ${file} relative; preloaded ${files.js.length + files.css.length} file(s) of the start page${catalogue ? ' and the catalogue' : ''}.`);
}
