/**
 * The one rule for every address a module holds: links in texts, images in texts, and every URL
 * field of module.json (publisher.url, a source's location when it is an address, a persona's
 * image). The checker, the player's schema validation and the text renderer all ask this file, so
 * what the checker accepts is exactly what the player shows as a live link.
 *
 * An address is accepted only when it is one of:
 * - `web`: http:// or https:// with a host;
 * - `mailto`: mailto:<something>;
 * - `tel`: tel:<something>;
 * - `module-image`: `media/<file>` or `media/<folder>/…/<file>` (optionally with `./` before), an
 *   image of an allowed kind in the module's own media folder, named with letters, digits, `-`,
 *   `_` and `.` only (folders: letters, digits, `-`, `_`).
 * - `app`: a page of this app by its hash route: `#/play/<module id>` (another module, e.g. an
 *   e-learning pointing to its instrument) or `#/session` (the facilitator's page).
 * Everything else is refused: other schemes (javascript:, data:, vbscript:, file:, blob: …, also
 * when they merely mention an allowed one further on, as in `javascript:alert("http:")`), paths out
 * of the folder, absolute paths, `//host` addresses, other files of the module (media/info.html),
 * and any address holding spaces, control or invisible characters, or a backslash, which browsers
 * strip or reinterpret and so can hide a scheme.
 *
 * Plain TypeScript, no DOM: the engine, the checker and the tools share it.
 */

/** Image kinds a module may hold in media/ (file extensions, lower case). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'svg'] as const;

/** The folder in a module that holds its images. */
export const MEDIA_FOLDER = 'media';

/** A folder inside media/ (e.g. `media/en/` for one language's images): letters, digits, `-`, `_`. */
export const MEDIA_SUBFOLDER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** A media file name: letters, digits, `-`, `_`, `.`, not starting with a dot, ending in an image extension. */
export const MEDIA_FILE_NAME = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]*\\.(?:${IMAGE_EXTENSIONS.join('|')})$`, 'i');

export type SafeUrlKind = 'web' | 'mailto' | 'tel' | 'module-image' | 'app';

export type SafeUrl =
	| { kind: 'web' | 'mailto' | 'tel' | 'app'; url: string }
	/** `path` is relative to the module folder, without `./`, e.g. `media/sam.svg`. */
	| { kind: 'module-image'; url: string; path: string };

/** Every kind: what a link in a text may point to. */
export const LINK_KINDS: readonly SafeUrlKind[] = ['web', 'mailto', 'tel', 'module-image', 'app'];
/** What an image in a text may show (the checker warns about web images: they fail offline). */
export const IMAGE_KINDS: readonly SafeUrlKind[] = ['web', 'module-image'];
/** What a module.json field that names a web page or a contact may hold (publisher.url). */
export const CONTACT_KINDS: readonly SafeUrlKind[] = ['web', 'mailto', 'tel'];

/** Spaces, control characters, invisible format characters and backslashes: never in an accepted address. */
const HIDDEN_OR_SPACE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/;
/** A URL scheme as browsers read one: a letter, then letters, digits, `+`, `-`, `.`, then `:`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** http(s):// and then a host (not an empty one: `https:///x` is read relative to the page in places). */
const WEB = /^https?:\/\/[^/?#]/i;
/** The app's own pages a module text may link to (see `app` above). */
const APP_ROUTE = /^#\/(?:play\/[a-z0-9_-]+|session)$/;

/**
 * What an address is, or null when the rule refuses it. `url` is the address as written (it is
 * never rewritten: an accepted address is used exactly as the author wrote it).
 */
export function classifyUrl(raw: unknown): SafeUrl | null {
	// An empty text has no scheme, is no route and no media path: the rules below refuse it.
	if (typeof raw !== 'string' || raw.length > 2048 || HIDDEN_OR_SPACE.test(raw)) return null;
	const scheme = SCHEME.exec(raw)?.[1].toLowerCase();
	if (scheme !== undefined) {
		// WEB itself begins with the scheme (http or https), so it asks no more than that.
		if (WEB.test(raw)) return { kind: 'web', url: raw };
		if ((scheme === 'mailto' || scheme === 'tel') && raw.length > scheme.length + 1) return { kind: scheme, url: raw };
		return null;
	}
	if (APP_ROUTE.test(raw)) return { kind: 'app', url: raw };
	const path = raw.startsWith('./') ? raw.slice(2) : raw;
	return isMediaPath(path) ? { kind: 'module-image', url: raw, path } : null;
}

/** Whether a path relative to the module folder names an image in media/ (see the top of this file). */
export function isMediaPath(path: string): boolean {
	const parts = path.split('/');
	// A single part is never `media` and a file name at once, so no count of the parts is needed.
	return parts[0] === MEDIA_FOLDER && parts.slice(1, -1).every((folder) => MEDIA_SUBFOLDER_NAME.test(folder)) && MEDIA_FILE_NAME.test(parts[parts.length - 1]);
}

/** Whether the rule accepts the address as one of `kinds` (default: any kind a link may have). */
export function isSafeUrl(raw: unknown, kinds: readonly SafeUrlKind[] = LINK_KINDS): boolean {
	const found = classifyUrl(raw);
	return found !== null && kinds.includes(found.kind);
}

/**
 * A source's `location` is either a place in a file (`sources/report.txt:12-40`, shown as text,
 * never as a link) or an address, which must pass the rule as a web address.
 */
export function isSafeLocation(location: unknown): boolean {
	if (typeof location !== 'string') return false;
	if (/^[^:\s]*[./][^:\s]*:\d+(?:-\d+)?$/.test(location)) return true;
	return isSafeUrl(location, ['web']);
}
