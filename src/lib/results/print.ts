/**
 * Prints the certificate that the results page has just rendered (see `Certificate.svelte`): the
 * browser's print dialog, where "Save as PDF" gives the file. The document's title becomes the PDF's
 * title and the file name the browser suggests. First checks that the device can draw every
 * letter of the name and the module title: if not, the learner is told which, never given boxes.
 */
import type { CertificateContent } from './certificate';
import { undrawableCharacters } from './glyphs';

interface Words {
	t(key: string, vars?: Record<string, string | number>): string;
}

/** The certificate's font stacks (`Certificate.svelte`): the name is set in the serif. */
const FONTS = "'Noto Serif', 'DejaVu Serif', 'Times New Roman', serif";

export function printCertificate(content: CertificateContent, i18n: Words): string {
	const missing = undrawableCharacters(`${content.name}${content.module.title}`, FONTS);
	if (missing.length) throw new Error(i18n.t('results.cannotDraw', { characters: missing.join(' ') }));
	const title = document.title;
	document.title = content.documentTitle;
	// Put back once printing is over (some browsers return from print() before the dialog closes).
	window.addEventListener('afterprint', () => (document.title = title), { once: true });
	window.print();
	return i18n.t('results.printed');
}
