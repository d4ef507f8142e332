import nl from './locales/nl.json';
import i18next, { type i18n as I18nInstance, type TOptions } from 'i18next';

export type { TOptions };

export const UI_LANGUAGES = ['nl', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'nl';
const STORAGE_KEY = 'koers.language';

/**
 * The UI strings of the other languages, fetched when a learner chooses one (or chose it on an
 * earlier visit): the first page carries only Dutch, the default (README.md, "Size").
 */
type FetchedLanguage = Exclude<UiLanguage, 'nl'>;
const LOAD_UI_TEXTS: Record<FetchedLanguage, () => Promise<{ default: object }>> = {
	en: () => import('./locales/en.json')
};

/** The i18next namespace of a module's texts. UI strings live in the `ui` namespace. */
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
 * One i18next instance for the app, wrapped so Svelte re-renders when the language changes or a
 * module's texts are added. `t` reads `version`, which bumps on every such event.
 */
export class I18n {
	readonly instance: I18nInstance;
	language = $state<UiLanguage>(DEFAULT_LANGUAGE);
	private version = $state(0);
	/** The UI strings of the starting language are there (at once for Dutch; English is fetched first). */
	readonly ready: Promise<void>;
	isReady = $state(false);

	constructor(private memory: LanguageMemory = browserLanguageMemory) {
		const remembered = memory.load();
		const initial = UI_LANGUAGES.includes(remembered as UiLanguage) ? (remembered as UiLanguage) : DEFAULT_LANGUAGE;
		this.instance = i18next.createInstance();
		this.instance.init({
			lng: DEFAULT_LANGUAGE,
			fallbackLng: false,
			ns: ['ui'],
			defaultNS: 'ui',
			resources: { [DEFAULT_LANGUAGE]: { ui: nl } },
			interpolation: { escapeValue: false },
			returnNull: false,
			initAsync: false,
			showSupportNotice: false
		});
		this.instance.on('languageChanged', (lng) => {
			this.language = lng as UiLanguage;
			this.version++;
		});
		this.instance.store.on('added', () => this.version++);
		if (initial === DEFAULT_LANGUAGE) {
			this.isReady = true;
			this.ready = Promise.resolve();
		} else {
			// Not fetched (offline before the worker kept it, say): the learner gets Dutch, and can switch.
			this.ready = this.switchTo(initial)
				.catch(() => {})
				.then(() => {
					this.isReady = true;
				});
		}
	}

	/** Fetches a language's UI strings when they are not there yet, then switches to it. */
	private async switchTo(language: UiLanguage) {
		if (language !== DEFAULT_LANGUAGE && !this.instance.hasResourceBundle(language, 'ui')) {
			const texts = (await LOAD_UI_TEXTS[language as FetchedLanguage]()).default;
			this.instance.addResourceBundle(language, 'ui', texts, true, true);
		}
		await this.instance.changeLanguage(language);
	}

	/** Texts already looked up since the last change (language, added texts): a step re-renders dozens. */
	private looked = new Map<string, string>();
	private lookedAt = -1;

	/** A text from the cache, or looked up and kept; reading `version` makes callers re-render on changes. */
	private cached(cacheKey: string, lookUp: () => string): string {
		if (this.version !== this.lookedAt) {
			this.looked.clear();
			this.lookedAt = this.version;
		}
		let text = this.looked.get(cacheKey);
		if (text === undefined) this.looked.set(cacheKey, (text = lookUp()));
		return text;
	}

	// i18next's overloads are too narrow for a generic wrapper; the call itself is the documented t(key, options).
	private lookUp = (key: string, options: object) => (this.instance.t as (k: string, o: object) => string)(key, options);

	/**
	 * A stored text that i18next's `t` would return unchanged (no `{{value}}`, no `$t(nesting)`),
	 * else undefined. Why: the first page shows some forty such texts, and running each through
	 * i18next's translate pipeline (and compiling that code on a first visit) was about a third of
	 * the time the catalogue took to render (README.md, "Speed"). Texts with values, plurals or
	 * nesting, and missing keys, still go through `t`.
	 */
	private storedText(language: string, namespace: string, key: string): string | undefined {
		const text: unknown = this.instance.getResource(language, namespace, key);
		return typeof text === 'string' && !text.includes('{{') && !text.includes('$t(') ? text : undefined;
	}

	/** Translates a UI key (or `ns:key`). Calls with options (counts, values) are not cached. */
	t = (key: string, options?: TOptions): string => {
		if (options) {
			void this.version;
			return this.lookUp(key, options);
		}
		return this.cached(key, () => (key.includes(':') ? undefined : this.storedText(this.instance.language, 'ui', key)) ?? this.lookUp(key, {}));
	};

	/** Translates a module key in the given (or current) language. Only `lng` may vary in a cached call. */
	tm = (moduleId: string, key: string, options?: TOptions & { lng?: string }): string => {
		const namespace = moduleNamespace(moduleId);
		const lookUp = () => this.lookUp(key, { ns: namespace, ...(options ?? {}) });
		if (options && Object.keys(options).some((name) => name !== 'lng')) {
			void this.version;
			return lookUp();
		}
		return this.cached(
			`${options?.lng ?? ''}\u0000${moduleId}\u0000${key}`,
			() => this.storedText(options?.lng ?? this.instance.language, namespace, key) ?? lookUp()
		);
	};

	hasModuleKey(moduleId: string, key: string, lng?: string): boolean {
		void this.version;
		return this.instance.exists(key, { ns: moduleNamespace(moduleId), lng: lng ?? this.language });
	}

	addModuleTexts(moduleId: string, language: string, texts: object) {
		this.instance.addResourceBundle(language, moduleNamespace(moduleId), texts, true, true);
	}

	/** Switches the UI language and remembers the choice; rejects when its strings cannot be fetched. */
	async setLanguage(language: UiLanguage) {
		await this.switchTo(language);
		this.memory.save(language);
	}

	forget() {
		this.memory.clear();
	}
}
