/**
 * The most characters a module text may hold. The checker refuses a longer text (error
 * `text-too-long`, src/lib/authoring/checker.ts), so build and package never ship one; the player
 * shows a longer text that reaches it anyway (a module served raw, the dev server) as plain
 * paragraphs, unparsed (src/lib/content/markdown.ts), so no text can hold the page up.
 */
export const MAX_TEXT_LENGTH = 20_000;
