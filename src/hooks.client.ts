import { firstRead } from '$lib/storage/first-read';

// The catalogue's attempts are read as soon as the app's entry runs, with IndexedDB alone: Dexie
// (and the repository) are loaded by the root layout, after the first page is on screen when that
// page is the catalogue (see src/lib/storage/first-read.ts).
firstRead();
