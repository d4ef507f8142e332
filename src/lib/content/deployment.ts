/**
 * Settings of one deployment of the player (a site, or one SCORM package), written next to
 * index.html as `deployment.json` by the build (src/tools/deployment.ts, from KOERS_PUBLISHER_*).
 * Today it names the publisher: whoever runs the course and so issues its certificates. Nothing is
 * shown that was not set: without the file, certificates and results name no publisher (unless a
 * module names its own).
 */
import { CONTACT_KINDS, isSafeUrl } from '$lib/engine/safe-url';

export interface DeploymentPublisher {
	name: string;
	url?: string;
	contact?: string;
}

export interface Deployment {
	publisher: DeploymentPublisher | null;
}

const NONE: Deployment = { publisher: null };
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

/** The settings in a parsed deployment.json; what is malformed or unsafe is left out. */
export function parseDeployment(json: unknown): Deployment {
	// Anything but an object has no `name` to read (a text, number or list gives undefined), so one
	// check of the name covers every other shape of the file.
	const p = (json as { publisher?: unknown } | null | undefined)?.publisher;
	const { name, url, contact } = (p ?? {}) as Record<string, unknown>;
	if (!text(name, 200)) return NONE;
	return {
		publisher: {
			name: name.trim(),
			...(text(url, 500) && isSafeUrl(url, CONTACT_KINDS) ? { url } : {}),
			...(text(contact, 200) ? { contact: contact.trim() } : {})
		}
	};
}

let loading: Promise<Deployment> | undefined;

/** The deployment's settings, fetched once, relative to the page (works inside a SCORM zip). */
export function loadDeployment(): Promise<Deployment> {
	loading ??= fetch('deployment.json', { cache: 'no-cache' })
		.then(async (r) => (r.ok ? parseDeployment(await r.json()) : NONE))
		.catch(() => NONE);
	return loading;
}
