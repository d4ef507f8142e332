import { chromium } from '@playwright/test';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const rows: Record<string, number[]> = {};
const add = (k: string, v: number) => (rows[k] ??= []).push(Math.round(v));
for (let i = 0; i < 7; i++) {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		const w = window as any;
		w.__t = {};
		new MutationObserver(() => {
			const t = w.__t;
			if (!t.header && document.querySelector('header')) t.header = performance.now();
			if (!t.main && document.querySelector('main h1')) t.main = performance.now();
			if (!t.status && document.querySelector('[data-testid^="status-"]')) t.status = performance.now();
		}).observe(document, { childList: true, subtree: true });
		const open = indexedDB.open.bind(indexedDB);
		IDBFactory.prototype.open = function (...a: any[]) { const r = (open as any)(...a); w.__t.idbOpenCalled ??= performance.now(); r.addEventListener('success', () => (w.__t.idbOpened ??= performance.now())); return r; } as any;
	});
	const page = await context.newPage();
	await page.goto(base);
	await page.waitForFunction(() => (window as any).__t.status, undefined, { timeout: 30000 });
	const t = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
		const scripts = res.filter((r) => r.name.endsWith('.js'));
		const json = res.filter((r) => r.name.endsWith('.json'));
		return { ...(window as any).__t, htmlEnd: nav.responseEnd, domInteractive: nav.domInteractive, lastScriptEnd: Math.max(...scripts.map((s) => s.responseEnd)), nScripts: scripts.length, jsonStart: Math.min(...json.map((s) => s.startTime)), jsonEnd: Math.max(...json.map((s) => s.responseEnd)) };
	});
	if (i > 0) for (const [k, v] of Object.entries(t)) add(k, v as number);
	await context.close();
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, v] of Object.entries(rows).sort((a, b) => med(a[1]) - med(b[1]))) console.log(k.padEnd(16), med(v));
await browser.close();
