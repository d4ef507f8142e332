// Test helper: reads and writes the player's IndexedDB database ('koers') directly in the page,
// past the app's own storage code, so a test sees what is really on the device and can plant
// records the app would never write.
import type { Page } from '@playwright/test';

/** A page or a frame: anything that runs a function in the browser. */
type InBrowser = Pick<Page, 'evaluate'>;
export type StoreName = 'attempts' | 'setAside';

/** Every record of a store, as stored. */
export function storedRows<Row = Record<string, unknown>>(target: InBrowser, store: StoreName = 'attempts'): Promise<Row[]> {
	return target.evaluate(
		(name) =>
			new Promise<Row[]>((resolve, reject) => {
				const open = indexedDB.open('koers');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction(name).objectStore(name).getAll();
					all.onerror = () => reject(all.error);
					all.onsuccess = () => {
						open.result.close();
						resolve(all.result);
					};
				};
			}),
		store
	);
}

/** Writes records into a store as they are, in one transaction. */
export function putRows(target: InBrowser, rows: unknown[], store: StoreName = 'attempts'): Promise<void> {
	return target.evaluate(
		([values, name]) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('koers');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(name, 'readwrite');
					for (const row of values) tx.objectStore(name).put(row);
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		[rows, store] as const
	);
}
