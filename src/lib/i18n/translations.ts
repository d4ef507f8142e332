/**
 * Translations in i18next's JSON format (v4), with the part of i18next's behaviour the app uses:
 * namespaces (`ns:key` or the `ns` option), nested keys, `{{name}}` interpolation (not escaped:
 * Svelte escapes on output), plurals by `count` (`_zero` for 0, then the language's plural form by
 * Intl.PluralRules, then `_other`), a language per call (`lng`), and a missing key returned as is.
 * It replaced i18next itself, 13 KB gzip of the first page, for about 1 KB (README.md, "Size");
 * translations.spec.ts checks it gives i18next's answer for every UI string.
 */
export type TranslationTree = { [key: string]: string | TranslationTree };

export interface TOptions {
	/** Chooses the plural form and fills {{count}}. */
	count?: number;
	/** Language of this call (default: the current language). */
	lng?: string;
	/** Namespace of this call (default: the default namespace, or the `ns:` prefix of the key). */
	ns?: string;
	[name: string]: unknown;
}

const plurals = new Map<string, Intl.PluralRules>();
function pluralForm(lng: string, count: number): string {
	let rules = plurals.get(lng);
	if (!rules) {
		try {
			rules = new Intl.PluralRules(lng);
		} catch {
			rules = new Intl.PluralRules('en');
		}
		plurals.set(lng, rules);
	}
	return rules.select(count);
}

export class Translations {
	/** language → namespace → texts */
	private store: Record<string, Record<string, TranslationTree>> = {};
	/** Called after texts are added or the language changes (the Svelte wrapper re-renders). */
	onChange: () => void = () => {};

	constructor(
		public language: string,
		readonly defaultNs = 'translation'
	) {}

	/** Adds (merges) texts, as i18next's addResourceBundle(lng, ns, resources, deep, overwrite). */
	addResourceBundle(lng: string, ns: string, resources: object, deep = true, overwrite = true) {
		const byNs = (this.store[lng] ??= {});
		byNs[ns] = deep ? merge(byNs[ns] ?? {}, resources as TranslationTree, overwrite) : { ...(overwrite ? {} : byNs[ns]), ...(resources as TranslationTree) };
		this.onChange();
	}

	changeLanguage(lng: string) {
		this.language = lng;
		this.onChange();
	}

	exists(key: string, options: TOptions = {}): boolean {
		return typeof this.lookup(key, options) === 'string';
	}

	t(key: string, options: TOptions = {}): string {
		let found: string | undefined;
		if (typeof options.count === 'number') {
			const lng = options.lng ?? this.language;
			const forms = options.count === 0 ? ['zero', pluralForm(lng, options.count), 'other'] : [pluralForm(lng, options.count), 'other'];
			for (const form of forms) if ((found = this.lookup(`${key}_${form}`, options)) !== undefined) break;
		}
		found ??= this.lookup(key, options);
		if (found === undefined) return key;
		// A value not given leaves its placeholder, as i18next does, so the gap is visible.
		return found.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (m, name: string) => {
			const value = options[name];
			return value === undefined ? m : value === null ? '' : String(value);
		});
	}

	private lookup(key: string, options: TOptions): string | undefined {
		let ns = options.ns;
		let path = key;
		const colon = key.indexOf(':');
		if (ns === undefined && colon > 0) {
			ns = key.slice(0, colon);
			path = key.slice(colon + 1);
		}
		let node: string | TranslationTree | undefined = this.store[options.lng ?? this.language]?.[ns ?? this.defaultNs];
		for (const part of path.split('.')) {
			if (node === undefined || typeof node === 'string') return undefined;
			node = node[part];
		}
		return typeof node === 'string' ? node : undefined;
	}
}

function merge(target: TranslationTree, source: TranslationTree, overwrite: boolean): TranslationTree {
	const out: TranslationTree = { ...target };
	for (const [k, v] of Object.entries(source)) {
		const existing = out[k];
		if (v && typeof v === 'object' && existing && typeof existing === 'object') out[k] = merge(existing, v, overwrite);
		else if (overwrite || existing === undefined) out[k] = typeof v === 'object' && v !== null ? merge({}, v, true) : v;
	}
	return out;
}
