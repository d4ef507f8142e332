import type { ProgressPlace } from '$lib/engine';

interface Texts {
	text(key: string): string;
	has(key: string): boolean;
}
interface Translate {
	t(key: string, params?: Record<string, unknown>): string;
}

/**
 * Where the learner is, in words for beside the progress bar: the chapter when the module names
 * chapters ("Week 3 van 6"; a title that does not end in its own number gets it added: "Thuis (2
 * van 5)"), otherwise the step ("Stap 12 van ongeveer 40"; "about", because the rest of the way
 * depends on the learner's choices).
 */
export function placeInWords(place: ProgressPlace, texts: Texts, i18n: Translate): string {
	const { chapter } = place;
	if (chapter && texts.has(`chapters.${chapter.id}`)) {
		const title = texts.text(`chapters.${chapter.id}`).trim();
		const endsInNumber = new RegExp(`(^|\\D)${chapter.number}$`).test(title);
		return i18n.t(endsInNumber ? 'player.chapterOf' : 'player.chapterNumbered', { chapter: title, number: chapter.number, count: chapter.count });
	}
	return i18n.t(place.step >= place.total ? 'player.stepOf' : 'player.stepOfAbout', { step: place.step, total: place.total });
}
