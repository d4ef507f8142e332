/**
 * imsmanifest.xml for a one-SCO package, SCORM 1.2 or SCORM 2004 4th edition. Pure: module facts
 * and the package's file list in, XML text out (src/tools/package-scorm.ts writes it).
 *
 * What an LMS reads from it: the title (organization and item), the description (LOM metadata),
 * the mastery score (1.2 `adlcp:masteryscore`; 2004 the primary objective's minimum normalized
 * measure, satisfied by measure) and the launch file with every file of the SCO. Hrefs are
 * relative, never starting with '/': an LMS serves the package from a path of its own.
 * The primary objective's id, `koers_mastery`, is also a valid short identifier (`^[\w.]{1,250}$`):
 * Moodle copies it into `cmi.objectives.0.id`, and no LMS should find a character to refuse there.
 * Plain imports only (no $lib alias): node tools import this file through tsx.
 */

export type ManifestEdition = 'scorm12' | 'scorm2004';

export interface ManifestInput {
	edition: ManifestEdition;
	/** The module id (module.json `id`). */
	id: string;
	/** The module version (module.json `version`). */
	version: string;
	/** The language the LMS shows first (the module's default language). */
	language: string;
	/** Title and description per language, the default language included. */
	titles: Record<string, string>;
	descriptions: Record<string, string>;
	/** Percentage 0–100 (module.json `masteryScore`). */
	masteryScore: number;
	/** Every file of the SCO, relative to the package root, '/'-separated; the first is launched. */
	files: string[];
}

/** The official schema files each edition's package carries at its root (src/tools/scorm-schemas/). */
export const SCHEMA_FILES: Record<ManifestEdition, string[]> = {
	scorm12: ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'],
	scorm2004: [
		'imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'imsss_v1p0.xsd',
		'imsss_v1p0auxresource.xsd', 'imsss_v1p0control.xsd', 'imsss_v1p0delivery.xsd', 'imsss_v1p0limit.xsd',
		'imsss_v1p0objective.xsd', 'imsss_v1p0random.xsd', 'imsss_v1p0rollup.xsd', 'imsss_v1p0seqrule.xsd',
		'imsss_v1p0util.xsd', 'xml.xsd', 'datatypes.dtd', 'XMLSchema.dtd'
	]
};

/** The namespaces (and their schema files) of each edition's manifest, for validation. */
export const SCHEMA_NAMESPACES: Record<ManifestEdition, [namespace: string, file: string][]> = {
	scorm12: [
		['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
		['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
		['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd']
	],
	scorm2004: [
		['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
		['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
		['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
		['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
		['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd']
	]
};

export class ManifestError extends Error {}

const escapeXml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A file path as an href: relative, each segment percent-encoded where URIs need it. */
export function fileHref(path: string): string {
	return path
		.split('/')
		.map((segment) => encodeURIComponent(segment).replace(/%40/g, '@'))
		.join('/');
}

function check(input: ManifestInput) {
	if (!/^[a-z0-9][a-z0-9_-]*$/.test(input.id)) throw new ManifestError(`The module id "${input.id}" cannot be used in a manifest.`);
	if (!(input.masteryScore >= 0 && input.masteryScore <= 100)) throw new ManifestError(`The mastery score ${input.masteryScore} is not a percentage from 0 to 100.`);
	if (!input.titles[input.language]) throw new ManifestError(`There is no title in the default language "${input.language}".`);
	if (input.files.length === 0) throw new ManifestError('The package has no files.');
	// An empty segment also catches '' and a leading '/' (an absolute path).
	for (const file of input.files)
		if (file.includes('\\') || file.split('/').some((s) => s === '..' || s === '.' || s === ''))
			throw new ManifestError(`"${file}" is not a relative path inside the package.`);
	if (new Set(input.files).size !== input.files.length) throw new ManifestError('The file list names a file twice.');
}

/** Languages in a fixed order: the default first, then the others alphabetically. */
function languages(input: ManifestInput, texts: Record<string, string>): string[] {
	return Object.keys(texts)
		.filter((lang) => texts[lang])
		.sort((a, b) => (a === input.language ? -1 : b === input.language ? 1 : a.localeCompare(b)));
}

function manifest12(input: ManifestInput): string {
	const title = escapeXml(input.titles[input.language]);
	const langstrings = (texts: Record<string, string>, indent: string) =>
		languages(input, texts)
			.map((lang) => `${indent}<imsmd:langstring xml:lang="${escapeXml(lang)}">${escapeXml(texts[lang])}</imsmd:langstring>`)
			.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="koers-${input.id}" version="${escapeXml(input.version)}"
	xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
	xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>1.2</schemaversion>
		<imsmd:lom>
			<imsmd:general>
				<imsmd:title>
${langstrings(input.titles, '\t\t\t\t\t')}
				</imsmd:title>
				<imsmd:description>
${langstrings(input.descriptions, '\t\t\t\t\t')}
				</imsmd:description>
			</imsmd:general>
			<imsmd:lifecycle>
				<imsmd:version>
					<imsmd:langstring xml:lang="x-none">${escapeXml(input.version)}</imsmd:langstring>
				</imsmd:version>
			</imsmd:lifecycle>
		</imsmd:lom>
	</metadata>
	<organizations default="koers-org">
		<organization identifier="koers-org">
			<title>${title}</title>
			<item identifier="koers-item" identifierref="koers-sco" isvisible="true">
				<title>${title}</title>
				<adlcp:masteryscore>${Math.round(input.masteryScore)}</adlcp:masteryscore>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="koers-sco" type="webcontent" adlcp:scormtype="sco" href="${fileHref(input.files[0])}">
${input.files.map((f) => `\t\t\t<file href="${escapeXml(fileHref(f))}"/>`).join('\n')}
		</resource>
	</resources>
</manifest>
`;
}

function manifest2004(input: ManifestInput): string {
	const title = escapeXml(input.titles[input.language]);
	const strings = (texts: Record<string, string>, indent: string) =>
		languages(input, texts)
			.map((lang) => `${indent}<string language="${escapeXml(lang)}">${escapeXml(texts[lang])}</string>`)
			.join('\n');
	const measure = (Math.round(input.masteryScore) / 100).toFixed(2);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="koers-${input.id}" version="${escapeXml(input.version)}"
	xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
	xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
	xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
	xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>2004 4th Edition</schemaversion>
		<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
			<general>
				<title>
${strings(input.titles, '\t\t\t\t\t')}
				</title>
				<description>
${strings(input.descriptions, '\t\t\t\t\t')}
				</description>
			</general>
			<lifeCycle>
				<version>
					<string language="x-none">${escapeXml(input.version)}</string>
				</version>
			</lifeCycle>
		</lom>
	</metadata>
	<organizations default="koers-org">
		<organization identifier="koers-org">
			<title>${title}</title>
			<item identifier="koers-item" identifierref="koers-sco">
				<title>${title}</title>
				<imsss:sequencing>
					<imsss:objectives>
						<imsss:primaryObjective objectiveID="koers_mastery" satisfiedByMeasure="true">
							<imsss:minNormalizedMeasure>${measure}</imsss:minNormalizedMeasure>
						</imsss:primaryObjective>
					</imsss:objectives>
					<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
				</imsss:sequencing>
				<adlnav:presentation>
					<adlnav:navigationInterface>
						<adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
						<adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
					</adlnav:navigationInterface>
				</adlnav:presentation>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="koers-sco" type="webcontent" adlcp:scormType="sco" href="${fileHref(input.files[0])}">
${input.files.map((f) => `\t\t\t<file href="${escapeXml(fileHref(f))}"/>`).join('\n')}
		</resource>
	</resources>
</manifest>
`;
}

/** The manifest's text. Throws ManifestError with what is wrong when the input cannot make one. */
export function buildManifest(input: ManifestInput): string {
	check(input);
	return input.edition === 'scorm12' ? manifest12(input) : manifest2004(input);
}
