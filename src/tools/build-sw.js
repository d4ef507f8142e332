// After the build (vite build, relative paths, modules copied): writes <build>/sw.js, the service
// worker of the standalone player, with the list of every file of the build to precache and a
// version that is a hash of their contents. Any change to the app or a module gives a new sw.js,
// which the browser notices and installs; the learner is then offered the update
// (src/lib/offline/offline.svelte.ts). Usage: node src/tools/build-sw.js [outDir]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { moduleFiles } from './modules-files.js';

export const SW_FILE = 'sw.js';
/** Files only the standalone (installable, offline) player needs; a SCORM package leaves them out. */
export const STANDALONE_ONLY = [SW_FILE, 'manifest.webmanifest', 'icons/'];

const SOURCE = resolve(import.meta.dirname, '../lib/offline/service-worker.js');

/**
 * The files to precache (every file of the build but the worker itself, sorted) and a version
 * hash over their paths and contents.
 * @param {string} outDir
 */
export function precacheList(outDir) {
	const files = moduleFiles(outDir)
		.filter((f) => f !== SW_FILE && !f.endsWith('.map'))
		.sort();
	const hash = createHash('sha256');
	for (const file of files) hash.update(`${file}\0`).update(createHash('sha256').update(readFileSync(join(outDir, file))).digest('hex'));
	return { files, version: hash.digest('hex').slice(0, 16) };
}

/**
 * The worker's source with the version and file list filled in.
 * @param {string} source @param {string} version @param {string[]} files
 */
export function fillIn(source, version, files) {
	const marks = [/\/\* koers:version \*\/ 'dev'/, /\/\* koers:files \*\/ \/\*\* @type \{string\[\]\} \*\/ \(\[\]\)/];
	for (const mark of marks) if (!mark.test(source)) throw new Error(`src/lib/offline/service-worker.js has lost its marker ${mark.source}; build-sw.js cannot fill it in.`);
	return source.replace(marks[0], JSON.stringify(version)).replace(marks[1], JSON.stringify(files));
}

/** @param {string} outDir */
export function buildServiceWorker(outDir) {
	const { files, version } = precacheList(outDir);
	if (!files.includes('index.html')) throw new Error(`${outDir} has no index.html: run vite build first.`);
	writeFileSync(join(outDir, SW_FILE), fillIn(readFileSync(SOURCE, 'utf8'), version, files));
	return { files, version };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const outDir = resolve(process.argv[2] ?? 'build');
	const { files, version } = buildServiceWorker(outDir);
	console.log(`Wrote ${SW_FILE}: version ${version}, ${files.length} files to keep for offline use.`);
}
