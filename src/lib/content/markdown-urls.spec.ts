// Node (no DOM, so the first safety layer alone): a link or image whose scheme is not allowed but
// that mentions an allowed one further on stays text (issue 17, bug: the URL rule without its `^`).
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

const render = (text: string) => renderMarkdown(text, (path) => `modules/m/${path}`);

describe('links and images that mention an allowed scheme after a forbidden one', () => {
	it.each([
		['[x](javascript:alert("http:"))'],
		['[x](javascript:alert("https://a.nl"))'],
		['[x](javascript://https://a.nl/%0Aalert(1))'],
		['[x](data:text/html,https:)'],
		['[x](data:text/html;base64,PHNjcmlwdD4=#https://a.nl)'],
		['[x](vbscript:msgbox("mailto:"))'],
		// http: without a host, pointing somewhere only after a later https://
		['[x](http:evil//https://a.nl)'],
		['![x](data:image/svg+xml,https:)'],
		['![x](javascript:alert("https:"))']
	])('%s has no address in the page', (text) => {
		const html = render(text);
		expect(html).not.toMatch(/href=|src=/);
	});

	it('still links the allowed schemes themselves', () => {
		expect(render('[x](https://a.nl/javascript:1)')).toContain('href="https://a.nl/javascript:1"');
		expect(render('[x](mailto:a@b.nl)')).toContain('href="mailto:a@b.nl"');
		expect(render('[x](tel:+31201234567)')).toContain('href="tel:+31201234567"');
	});
});
