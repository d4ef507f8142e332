import type { I18n } from '$lib/i18n/i18n.svelte';
import type { ModuleSource } from './module-source';
import { renderInline, renderMarkdown } from './markdown';

/** Module texts in one language, as plain text or safe HTML. */
export interface ModuleTexts {
	lang: string;
	text(key: string): string;
	has(key: string): boolean;
	html(key: string): string;
	inline(key: string): string;
	fileUrl(path: string): string;
}

export function moduleTexts(i18n: I18n, source: ModuleSource, moduleId: string, lang: string): ModuleTexts {
	const fileUrl = (path: string) => source.fileUrl(moduleId, path);
	const text = (key: string) => i18n.tm(moduleId, key, { lng: lang });
	return {
		lang,
		text,
		has: (key) => i18n.hasModuleKey(moduleId, key, lang),
		html: (key) => renderMarkdown(text(key), fileUrl),
		inline: (key) => renderInline(text(key), fileUrl),
		fileUrl
	};
}
