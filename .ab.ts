import { chromium } from '@playwright/test';
const urls = { old: 'http://127.0.0.1:5204/', new: 'http://127.0.0.1:4204/' };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const times: Record<string, number[]> = { old: [], new: [] };
async function once(url: string) {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		const w = window as any;
		new MutationObserver(() => { if (w.__ready === undefined && document.querySelector('[data-testid^="status-"]')) w.__ready = performance.now(); }).observe(document, { childList: true, subtree: true });
	});
	const page = await context.newPage();
	await page.goto(url);
	await page.waitForFunction(() => (window as any).__ready !== undefined, undefined, { timeout: 30000 });
	const t = await page.evaluate(() => (window as any).__ready);
	await context.close();
	return t;
}
await once(urls.old); await once(urls.new);
const n = Number(process.argv[2] ?? 15);
for (let i = 0; i < n; i++) for (const k of (i % 2 ? ['old', 'new'] : ['new', 'old']) as ('old' | 'new')[]) times[k].push(await once(urls[k]));
const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return Math.round(s[Math.floor(s.length / 2)]); };
console.log('old median', med(times.old), 'new median', med(times.new), 'ratio new/old', (med(times.new) / med(times.old)).toFixed(2));
let wins = 0; for (let i = 0; i < n; i++) if (times.new[i] < times.old[i]) wins++;
console.log(`new faster in ${wins} of ${n} pairs`);
await browser.close();
