/**
 * Whether this page was launched from a SCORM package, read from the meta tag `npm run package`
 * writes into the package's index.html (see launch.ts). Apart from launch.ts so the catalogue and
 * the layout can ask without loading the SCORM trackers and the engine they use: those come with
 * the player's page (README.md, "Size").
 */
import { ID_PATTERN } from '$lib/engine/ids';
import type { Edition } from './api-discovery';

export const LAUNCH_META = 'koers-package';

export interface PackageLaunch {
	moduleId: string;
	edition: Edition;
}

/** Reads the meta tag's content; anything else than a well-formed launch is "not packaged". */
export function parseLaunch(content: string | null | undefined): PackageLaunch | null {
	if (!content) return null;
	try {
		const value = JSON.parse(content) as Partial<PackageLaunch>;
		if (typeof value.moduleId === 'string' && ID_PATTERN.test(value.moduleId) && (value.edition === 'scorm12' || value.edition === 'scorm2004'))
			return { moduleId: value.moduleId, edition: value.edition };
	} catch {
		/* not JSON: not a launch */
	}
	return null;
}

let launch: PackageLaunch | null | undefined;

/** The package this page was launched from, or null for the normal (catalogue) app. */
export function packagedLaunch(): PackageLaunch | null {
	if (launch === undefined)
		launch = typeof document === 'undefined' ? null : parseLaunch(document.querySelector(`meta[name="${LAUNCH_META}"]`)?.getAttribute('content'));
	return launch;
}
