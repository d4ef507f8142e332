import en from './locales/en.json';
import nl from './locales/nl.json';
import { Translations, type TOptions } from './translations';

export type { TOptions };

export const UI_LANGUAGES = ['nl', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'nl';
const STORAGE_KEY = 'koers.language';

/** The namespace of a module's texts. UI strings live in the `ui` namespace. */
export const moduleNamespace = (moduleId: string) => `module.${moduleId}`;

/** Where the chosen language is remembered; a port so tests and the SCORM build can swap it. */
export interface LanguageMemory {
	load(): string | null;
	save(language: string): void;
	clear(): void;
}

export const browserLanguageMemory: LanguageMemory = {
	load: () => {
		try {
			return localStorage.getItem(STORAGE_KEY);
		} catch {
			return null;
		}
	},
	save: (language) => {
		try {
			localStorage.setItem(STORAGE_KEY, language);
		} catch {
			// Storage blocked: the choice lasts for this visit only.
		}
	},
	clear: () => {
		try {
			localStorage.removeItem(STORAGE_KEY);
		} catch {
			/* nothing stored */
		}
	}
};

/**
 * The app's translations (i18next's JSON format, see translations.ts), wrapped so Svelte
 * re-renders when the language changes or texts are added. `t` reads `version`, which bumps on
 * every such event.
 */
export class I18n {
	readonly instance: Translations;
	language = $state<UiLanguage>(DEFAULT_LANGUAGE);
	private version = $state(0);

	constructor(private memory: LanguageMemory = browserLanguageMemory) {
		const remembered = memory.load();
		const initial = UI_LANGUAGES.includes(remembered as UiLanguage) ? (remembered as UiLanguage) : DEFAULT_LANGUAGE;
		this.instance = new Translations(initial, 'ui');
		this.instance.addResourceBundle('nl', 'ui', nl);
		this.instance.addResourceBundle('en', 'ui', en);
		this.language = initial;
		this.instance.onChange = () => {
			this.language = this.instance.language as UiLanguage;
			this.version++;
		};
	}

	/** Translates a UI key (or `ns:key`). */
	t = (key: string, options?: TOptions): string => {
		void this.version;
		return this.instance.t(key, options);
	};

	/** Translates a module key in the given (or current) language. */
	tm = (moduleId: string, key: string, options?: TOptions & { lng?: string }): string => {
		void this.version;
		return this.instance.t(key, { ns: moduleNamespace(moduleId), ...(options ?? {}) });
	};

	hasModuleKey(moduleId: string, key: string, lng?: string): boolean {
		void this.version;
		return this.instance.exists(key, { ns: moduleNamespace(moduleId), lng: lng ?? this.language });
	}

	addModuleTexts(moduleId: string, language: string, texts: object) {
		this.instance.addResourceBundle(language, moduleNamespace(moduleId), texts, true, true);
	}

	async setLanguage(language: UiLanguage) {
		this.memory.save(language);
		this.instance.changeLanguage(language);
	}

	forget() {
		this.memory.clear();
	}
}
