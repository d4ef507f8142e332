/**
 * Characters the device cannot draw. A name in a script the device has no font for would print as
 * empty boxes; the learner is told before printing instead. Each character is drawn on a canvas and
 * compared with a code point no font has (the browser draws its "missing glyph" for both).
 * Browser only; where there is no canvas (tests in node) nothing is reported.
 */
const SIZE = 48;
const NO_FONT_HAS = '\u{10FFFD}';

export function undrawableCharacters(text: string, fontFamily: string): string[] {
	if (typeof document === 'undefined') return [];
	let context: CanvasRenderingContext2D | null = null;
	try {
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = SIZE;
		context = canvas.getContext('2d', { willReadFrequently: true });
	} catch {
		return [];
	}
	if (!context) return [];
	const ctx = context;
	const draw = (ch: string) => {
		ctx.clearRect(0, 0, SIZE, SIZE);
		ctx.font = `${SIZE * 0.6}px ${fontFamily}`;
		ctx.textBaseline = 'middle';
		ctx.fillText(ch, 4, SIZE / 2);
		return ctx.getImageData(0, 0, SIZE, SIZE).data;
	};
	const missing = draw(NO_FONT_HAS);
	const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.every((v, i) => v === b[i]);
	const found: string[] = [];
	// Marks, joiners and spaces draw nothing on their own; they are fine.
	for (const ch of new Set(Array.from(text.normalize('NFC')))) {
		if (/[\p{M}\p{Cf}\p{Z}\p{Cc}]/u.test(ch)) continue;
		if (same(draw(ch), missing)) found.push(ch);
	}
	return found;
}
