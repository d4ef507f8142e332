import { createContext } from 'svelte';
import type { ModuleSource } from '$lib/content/module-source';
import type { I18n } from '$lib/i18n/i18n.svelte';
import type { OfflineSupport } from '$lib/offline/offline.svelte';
import type { ProgressRepository } from '$lib/storage/progress-repository';

/** App-wide services, created once in the root layout and handed down through context. */
export interface AppServices {
	i18n: I18n;
	source: ModuleSource;
	repository: ProgressRepository;
	/** The repository once it is open (the catalogue renders before it, from a first plain read). */
	opened: Promise<ProgressRepository>;
	/** Offline use and updates of the standalone player (inert inside a SCORM package). */
	offline: OfflineSupport;
}

export const [getServices, setServices] = createContext<AppServices>();
