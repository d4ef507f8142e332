// A strict Content Security Policy for a build: scripts and styles only from the build itself,
// nothing from another origin, no 'unsafe-eval' and no 'unsafe-inline'. The inline pieces the
// build has are allowed by hash: the scripts in index.html (SvelteKit's start-up and ours from
// src/app.html), the start page's style sheets written into it (src/tools/relative-app-paths.js),
// and the style attributes in the build's own code (SvelteKit's screen-reader route announcer).
// Usage: node src/tools/csp.js [buildDir]   prints the policy for a web server or LMS to send.
//        KOERS_CSP=strict node src/tools/serve.js   serves the build with it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** @param {string} text */
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** @param {string} dir @returns {string[]} */
function jsFiles(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

/**
 * @param {string} buildDir a build folder holding index.html and _app/
 * @returns {string} the policy, directives separated by "; "
 */
export function strictPolicy(buildDir) {
	const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
	const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
	const styleAttributes = new Set();
	for (const source of [html, ...jsFiles(join(buildDir, '_app')).map((f) => readFileSync(f, 'utf8'))])
		for (const m of source.matchAll(/\bstyle=\\?"([^"\\]+)\\?"/g)) styleAttributes.add(sha256(m[1]));
	return [
		"default-src 'none'",
		`script-src 'self' ${scripts.join(' ')}`.trim(),
		`style-src 'self' ${styles.join(' ')}`.trim(),
		`style-src-attr ${styleAttributes.size ? `'unsafe-hashes' ${[...styleAttributes].join(' ')}` : "'none'"}`,
		"img-src 'self' data:",
		"connect-src 'self'",
		"font-src 'self'",
		"manifest-src 'self'",
		"worker-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'none'"
	].join('; ');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(strictPolicy(resolve(process.argv[2] ?? process.env.KOERS_OUT ?? 'build')));
