/**
 * Hands a file made in the browser to the learner as a download. Nothing is sent anywhere: the
 * bytes go from memory to a blob URL to the browser's own download.
 */
export function saveFile(name: string, data: Uint8Array<ArrayBuffer> | string, type: string): void {
	const blob = new Blob([data], { type });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoke later: some browsers start reading the blob only after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
