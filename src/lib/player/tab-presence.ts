/**
 * Tells the other tabs of this app which module this tab has just opened, so an older tab on the
 * same module can step back before the learner acts on stale progress. The storage revision check
 * (StaleWriteError) is the guarantee; this only makes the learner hear about it at once.
 */
export interface TabPresence {
	/** This tab has opened (or taken over) a module. */
	announce(moduleId: string): void;
	/** Calls `listener` when another tab opens the same module after this tab did. */
	onTakenOver(listener: (moduleId: string) => void): void;
	close(): void;
}

interface Announcement {
	moduleId: string;
	at: number;
	tab: string;
}

export class BroadcastTabPresence implements TabPresence {
	private channel: BroadcastChannel | null;
	private readonly tab = Math.random().toString(36).slice(2);
	/** The module this tab has open; a later announcement of it from another tab takes over. */
	private own: Announcement | null = null;
	private listeners: ((moduleId: string) => void)[] = [];

	constructor(name = 'koers-tabs') {
		this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
		this.channel?.addEventListener('message', (event: MessageEvent<Announcement>) => {
			const other = event.data;
			const own = this.own;
			if (!own || other?.moduleId !== own.moduleId || other.tab === this.tab) return;
			if (other.at > own.at || (other.at === own.at && other.tab > this.tab)) {
				this.own = null;
				for (const listener of this.listeners) listener(other.moduleId);
			}
		});
	}

	announce(moduleId: string) {
		this.own = { moduleId, at: Date.now(), tab: this.tab };
		this.channel?.postMessage(this.own);
	}

	onTakenOver(listener: (moduleId: string) => void) {
		this.listeners.push(listener);
	}

	close() {
		this.channel?.close();
		this.channel = null;
	}
}
