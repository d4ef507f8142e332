import { openingProgressRepository } from '$lib/storage/db';

// Opening IndexedDB takes tens of milliseconds (more on a first visit, when the database is
// created): start it with the app's entry, before SvelteKit loads the layout.
openingProgressRepository();
