// After `vite build`: makes index.html load the app's scripts and styles with relative URLs.
// SvelteKit writes a single-page fallback with root-absolute /_app/ URLs (sveltejs/kit#13813),
// which break when an LMS serves the build from a sub-path. With hash routing the document is
// always this index.html at the root of the build, so ./_app/ resolves to the right folder
// wherever the build is served; inside _app/, chunks already import each other relatively.
// It also preloads the code of the root page and of the error page, which SvelteKit's start-up
// always loads next: they then arrive with the rest instead of one round trip later, and writes
// that page's style sheets into index.html (inlineStartStyles). (The catalogue itself is written
// into index.html by src/tools/copy-modules.ts: embedCatalogue below.)
// Usage: node src/tools/relative-app-paths.js [outDir]   (reads $KOERS_KIT_DIR, default .svelte-kit)
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

/** @param {string} html @param {{ js: string[], css: string[] }} files */
export function preload(html, files) {
	const links = [
		...files.js.filter((f) => !html.includes(`./${f}"`)).map((f) => `<link href="./${f}" rel="modulepreload">`),
		...files.css.filter((f) => !html.includes(`./${f}"`)).map((f) => `<link href="./${f}" rel="stylesheet">`)
	];
	return links.length ? html.replace('</head>', `\t${links.join('\n\t\t')}\n\t</head>`) : html;
}

const STYLESHEET_LINK = /<link href="\.\/(_app\/immutable\/assets\/[^"]+\.css)" rel="stylesheet">/g;

/**
 * Writes the start page's style sheets (the root layout's and the catalogue's, a few KB) into
 * index.html as <style> elements. A linked style sheet holds up SvelteKit's inline start-up
 * script until it has arrived (a script waits for the style sheets before it), so on a first
 * visit the app started one response later than it had to (README.md, "Speed"). Each link stays,
 * `disabled`: the browser neither fetches nor applies it, but Vite's loader finds it by its
 * address and so does not add the same style sheet a second time when the page's code loads.
 * Run again on its own output, it changes nothing. The strict Content Security Policy allows each
 * <style> by its hash (src/tools/csp.js).
 * @param {string} html @param {(path: string) => string} readStyleSheet a path under the build, e.g. _app/immutable/assets/0.x.css
 */
export function inlineStartStyles(html, readStyleSheet) {
	return html.replace(STYLESHEET_LINK, (_, path) => {
		const css = readStyleSheet(path);
		// Svelte writes no such text into CSS; if a future version did, it would end the element early.
		if (/<\/style/i.test(css)) throw new Error(`${path} contains "</style", which cannot be written into a <style> element.`);
		return `<style>${css}</style><link href="./${path}" rel="stylesheet" disabled>`;
	});
}

/** The id of the catalogue's data block in index.html; src/lib/content/module-source.ts reads it. */
export const CATALOGUE_ELEMENT_ID = 'koers-catalogue';
const CATALOGUE_BLOCK = new RegExp(`[ \\t]*<script type="application/json" id="${CATALOGUE_ELEMENT_ID}">[\\s\\S]*?</script>\\n?`);

/**
 * Writes the catalogue (modules/index.json's content) into index.html as a data block, replacing
 * the one there. The start page then has the list of modules as soon as its code runs, instead of
 * waiting for a response: with the file preloaded, reading its body still took 50–170 ms of the
 * cold load, as the browser hands it over only after the first frame (README.md, "Speed"). The
 * data is JSON with every `<` escaped, so no text of a module can end the block. It is not a
 * script: the Content Security Policy does not apply to it, and nothing runs it.
 * @param {string} html @param {unknown} catalogue
 */
export function embedCatalogue(html, catalogue) {
	const json = JSON.stringify(catalogue).replace(/</g, '\\u003c');
	const block = `<script type="application/json" id="${CATALOGUE_ELEMENT_ID}">${json}</script>`;
	const without = withoutCatalogue(html);
	if (!without.includes('</head>')) throw new Error('index.html has no </head> to write the catalogue into.');
	// A function, not a string: `$&` or `$'` in a module's title must not be read as replacement patterns.
	return without.replace('</head>', () => `\t${block}\n\t</head>`);
}

/** index.html without an embedded catalogue (a SCORM package opens its one module directly). @param {string} html */
export function withoutCatalogue(html) {
	return html.replace(CATALOGUE_BLOCK, '');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const out = resolve(process.argv[2] ?? 'build');
	const file = join(out, 'index.html');
	const files = startPageFiles(resolve(process.env.KOERS_KIT_DIR || '.svelte-kit'));
	let inlined = 0;
	writeFileSync(file, inlineStartStyles(preload(relativeAppPaths(readFileSync(file, 'utf8')), files), (path) => (inlined++, readFileSync(join(out, path), 'utf8'))));
	console.log(`Made the /_app/ URLs in ${file} relative; preloaded ${files.js.length} script(s) of the start page and wrote ${inlined} style sheet(s) into it.`);
}
