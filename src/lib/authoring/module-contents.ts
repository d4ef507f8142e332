/**
 * Node-only: the one rule for what a module folder may hold, shared by the checker
 * (read-module.ts), `npm run build` (src/tools/copy-modules.ts), the dev server
 * (src/tools/modules-plugin.js) and `npm run package` (src/tools/package-scorm.ts).
 *
 * A module is data and nothing else:
 * - `module.json`;
 * - `locales/<language>.json` (language as in module.json: `nl`, `en`, `pt-BR`);
 * - `media/<file>`, also in folders (`media/en/<file>`): images of an allow-listed kind (PNG,
 *   JPEG, WebP, SVG; IMAGE_EXTENSIONS in engine/safe-url.ts), named with letters, digits, `-`, `_`
 *   and `.`, whose first bytes match their extension. SVGs are shipped only as the sanitiser's output (svg-sanitiser.ts).
 * Anything else (HTML, scripts, styles, documents, other folders, links to other files) is an
 * error in the checker and is never shipped: build and dev server serve, and package zips, only
 * `shippedFile()`'s bytes. Hidden files (.DS_Store) and a README.md of the author's are not
 * shipped either; the checker only warns about them.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGE_EXTENSIONS, isMediaPath, MEDIA_FOLDER, MEDIA_SUBFOLDER_NAME } from '../engine/safe-url';
import { sanitiseSvg } from './svg-sanitiser';
import type { FileIssue } from './checker';

const LOCALE_FILE = /^locales\/([a-z]{2}(?:-[A-Z]{2})?)\.json$/;
/** Files an author may keep in the folder that are never shipped (a warning, not an error). */
const AUTHOR_NOTES = /^(?:README\.md|\..*)$/;

export const MEDIA_TYPES: Record<(typeof IMAGE_EXTENSIONS)[number], { mime: string; kind: string; magic?: (b: Uint8Array) => boolean }> = {
	png: { mime: 'image/png', kind: 'PNG', magic: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x) },
	jpg: { mime: 'image/jpeg', kind: 'JPEG', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
	jpeg: { mime: 'image/jpeg', kind: 'JPEG', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
	webp: { mime: 'image/webp', kind: 'WebP', magic: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
	svg: { mime: 'image/svg+xml', kind: 'SVG' }
};
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** What a path (relative to the module folder, with `/`) is, by name alone. */
export type PathKind = 'module-json' | 'locale' | 'media' | 'author-note' | 'not-allowed';

export function kindOfPath(rel: string): PathKind {
	if (rel === 'module.json') return 'module-json';
	if (LOCALE_FILE.test(rel)) return 'locale';
	if (isMediaPath(rel)) return 'media';
	if (AUTHOR_NOTES.test(rel.split('/').pop()!)) return 'author-note';
	return 'not-allowed';
}

/** media/ itself, or a folder inside it with a name the URL rule accepts. */
const inMedia = (folder: string) => {
	const parts = folder.split('/');
	return parts[0] === MEDIA_FOLDER && parts.slice(1).every((part) => MEDIA_SUBFOLDER_NAME.test(part));
};

const extensionOf = (rel: string) => rel.slice(rel.lastIndexOf('.') + 1).toLowerCase() as keyof typeof MEDIA_TYPES;

/** The content type a shipped file is served with. */
export function contentType(rel: string): string {
	if (rel.endsWith('.json')) return 'application/json';
	return MEDIA_TYPES[extensionOf(rel)]?.mime ?? 'application/octet-stream';
}

function lineOf(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

type Verdict = { ok: true; bytes: Uint8Array } | { ok: false; issue: FileIssue };

/** Reads one allowed file and judges its content (magic bytes, SVG sanitising). */
function judge(dir: string, rel: string): Verdict {
	const path = join(dir, rel);
	const stat = lstatSync(path);
	if (stat.isSymbolicLink() || !stat.isFile()) return { ok: false, issue: { severity: 'error', code: 'file-not-allowed', file: rel, params: { file: rel } } };
	const bytes = new Uint8Array(readFileSync(path));
	if (kindOfPath(rel) !== 'media') return { ok: true, bytes };
	const type = MEDIA_TYPES[extensionOf(rel)];
	if (type.magic) {
		if (type.magic(bytes)) return { ok: true, bytes };
		const found = [...bytes.subarray(0, 8)].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
		return { ok: false, issue: { severity: 'error', code: 'media-kind-mismatch', file: rel, params: { file: rel, kind: type.kind, found } } };
	}
	const text = new TextDecoder().decode(bytes);
	const verdict = sanitiseSvg(text);
	if (!verdict.ok) return { ok: false, issue: { severity: 'error', code: verdict.reason === 'doctype' ? 'svg-script' : 'svg-invalid', file: rel, ...lineOf(text, verdict.offset), params: { file: rel, what: verdict.what } } };
	if (verdict.changes.length)
		return {
			ok: false,
			issue: { severity: 'error', code: 'svg-script', file: rel, ...lineOf(text, verdict.changes[0].offset), params: { file: rel, what: [...new Set(verdict.changes.map((c) => c.what))].slice(0, 6).join(', ') } }
		};
	return { ok: true, bytes: new TextEncoder().encode(verdict.svg) };
}

/**
 * The bytes build, dev server and package ship for one file of a module, or null when the file
 * may not be shipped: not an allowed path, a link, an image that is not what its name says, an
 * SVG the sanitiser refuses. An SVG is shipped as the sanitiser wrote it.
 */
export function shippedFile(dir: string, rel: string): Uint8Array | null {
	if (kindOfPath(rel) === 'author-note' || kindOfPath(rel) === 'not-allowed') return null;
	try {
		const verdict = judge(dir, rel);
		if (verdict.ok) return verdict.bytes;
		if (verdict.issue.code !== 'svg-script') return null;
		// An SVG with something removed still ships sanitised (the checker has already said no).
		const sanitised = sanitiseSvg(readFileSync(join(dir, rel), 'utf8'));
		return sanitised.ok ? new TextEncoder().encode(sanitised.svg) : null;
	} catch {
		return null;
	}
}

export interface ModuleContents {
	/** Every file to ship, relative to the module folder, sorted. */
	shipped: string[];
	/** What is wrong with the folder's other files, for the checker. */
	issues: FileIssue[];
}

/**
 * Walks a module folder (without following links) and sorts its files into those that ship and
 * those the checker reports: a folder that may not be there is reported once, not file by file.
 */
export function inspectModuleFolder(dir: string): ModuleContents {
	const shipped: string[] = [];
	const issues: FileIssue[] = [];
	const walk = (prefix: string) => {
		for (const name of readdirSync(join(dir, prefix)).sort()) {
			const rel = prefix ? `${prefix}/${name}` : name;
			const stat = lstatSync(join(dir, rel));
			if (stat.isDirectory()) {
				if (name.startsWith('.')) issues.push({ severity: 'warning', code: 'file-not-shipped', file: `${rel}/`, params: { file: `${rel}/` } });
				else if ((!prefix && (name === 'locales' || name === MEDIA_FOLDER)) || inMedia(rel)) walk(rel);
				else issues.push({ severity: 'error', code: 'folder-not-allowed', file: `${rel}/`, params: { file: `${rel}/` } });
				continue;
			}
			const kind = kindOfPath(rel);
			if (kind === 'author-note') issues.push({ severity: 'warning', code: 'file-not-shipped', file: rel, params: { file: rel } });
			else if (stat.isSymbolicLink()) issues.push({ severity: 'error', code: 'file-not-allowed', file: rel, params: { file: rel } });
			else if (kind === 'not-allowed') issues.push({ severity: 'error', code: inMedia(prefix) && IMAGE_EXTENSIONS.includes(extensionOf(rel) as never) ? 'media-name' : 'file-not-allowed', file: rel, params: { file: rel } });
			else {
				const verdict = judge(dir, rel);
				if (verdict.ok) shipped.push(rel);
				else issues.push(verdict.issue);
			}
		}
	};
	walk('');
	return { shipped: shipped.sort(), issues };
}

/**
 * Every file build, dev server and package ship for a module folder, with the bytes to ship. A
 * module with checker errors is left out whole by build and package; this is the second line: even
 * then only allowed files leave the folder, and SVGs only sanitised.
 */
export function shippedFiles(dir: string): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	const walk = (prefix: string) => {
		for (const name of readdirSync(join(dir, prefix)).sort()) {
			const rel = prefix ? `${prefix}/${name}` : name;
			const stat = lstatSync(join(dir, rel));
			if (stat.isDirectory()) {
				if ((!prefix && (name === 'locales' || name === MEDIA_FOLDER)) || inMedia(rel)) walk(rel);
				continue;
			}
			const bytes = shippedFile(dir, rel);
			if (bytes) files.set(rel, bytes);
		}
	};
	walk('');
	return files;
}
