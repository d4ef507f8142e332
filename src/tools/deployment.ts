// Writes the deployment's settings next to index.html (deployment.json), from the environment:
//   KOERS_PUBLISHER_NAME     who runs the course and issues its certificates, e.g. "Gemeente Utrecht, Leerhuis"
//   KOERS_PUBLISHER_URL      their web address (https://…), mailto: or tel:
//   KOERS_PUBLISHER_CONTACT  a contact line, e.g. "opleidingen@example.nl"
// `npm run build` runs it, and so does `npm run package` (which builds the player it packages).
// Nothing set: `"publisher": null`, and certificates name no publisher. The file is always written, so
// the player's request for it never fails. Usage: tsx src/tools/deployment.ts <outDir>
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONTACT_KINDS, isSafeUrl } from '../lib/engine/safe-url';

export class DeploymentError extends Error {}

export function deploymentFromEnv(env: NodeJS.ProcessEnv): { publisher: { name: string; url?: string; contact?: string } } | null {
	const name = env.KOERS_PUBLISHER_NAME?.trim();
	const url = env.KOERS_PUBLISHER_URL?.trim();
	const contact = env.KOERS_PUBLISHER_CONTACT?.trim();
	if (!name && !url && !contact) return null;
	if (!name) throw new DeploymentError('KOERS_PUBLISHER_URL or _CONTACT is set, but KOERS_PUBLISHER_NAME is not: set the name of the organisation that runs the course, or unset the others.');
	if (name.length > 200) throw new DeploymentError('KOERS_PUBLISHER_NAME is longer than 200 characters: shorten it.');
	if (url && !isSafeUrl(url, CONTACT_KINDS)) throw new DeploymentError(`KOERS_PUBLISHER_URL ${JSON.stringify(url)} is not an http(s), mailto: or tel: address: write e.g. https://www.example.nl, or unset it.`);
	return { publisher: { name, ...(url ? { url } : {}), ...(contact ? { contact } : {}) } };
}

export function writeDeployment(outDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
	const file = join(outDir, 'deployment.json');
	const settings = deploymentFromEnv(env);
	writeFileSync(file, JSON.stringify(settings ?? { publisher: null }, null, '\t') + '\n');
	return settings?.publisher.name ?? null;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const outDir = resolve(process.argv[2] ?? 'build');
	try {
		const name = writeDeployment(outDir);
		console.log(name ? `Publisher on certificates and results: ${name} (deployment.json).` : 'No publisher set (KOERS_PUBLISHER_NAME): certificates name none.');
	} catch (e) {
		console.error(`✖ ${(e as Error).message}`);
		process.exit(1);
	}
}
