/**
 * The checker's report as text for people (grouped per module, errors then warnings) and as one
 * JSON object for tools.
 */
import type { CheckIssue, CheckReport } from './checker';
import { fill, UI, type Lang } from './messages';

export interface ModuleReport extends CheckReport {
	id: string;
	/** The module folder as shown to the user, e.g. `modules/demo`. */
	dir: string;
}

export function totals(reports: ModuleReport[]) {
	return {
		modules: reports.length,
		errors: reports.reduce((n, r) => n + r.errors, 0),
		warnings: reports.reduce((n, r) => n + r.warnings, 0)
	};
}

function place(dir: string, issue: CheckIssue): string {
	const at = issue.line !== undefined ? `:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}` : '';
	return `${dir}/${issue.file}${at}`;
}

export function formatHuman(reports: ModuleReport[], lang: Lang, ms: number): string {
	const ui = UI[lang];
	const out: string[] = [];
	for (const report of reports) {
		const counts = report.issues.length ? fill(ui.moduleCounts, { errors: report.errors, warnings: report.warnings }) : ui.clean;
		out.push(`${report.id} (${report.dir}): ${counts}`);
		for (const severity of ['error', 'warning'] as const) {
			const list = report.issues.filter((i) => i.severity === severity);
			if (!list.length) continue;
			out.push(`  ${severity === 'error' ? ui.errors : ui.warnings}:`);
			for (const issue of list)
				out.push(`    ${place(report.dir, issue)}  ${issue.path || '-'}  ${issue.message}${issue.fix ? `  → ${ui.fix}: ${issue.fix}` : ''}  [${issue.code}]`);
		}
		out.push('');
	}
	const t = totals(reports);
	out.push(fill(ui.summary, { ...t, ms: Math.round(ms) }));
	out.push(t.errors ? ui.summaryFail : ui.summaryOk);
	return out.join('\n');
}

export function formatJson(reports: ModuleReport[], lang: Lang, ms: number): string {
	return JSON.stringify(
		{
			lang,
			ms: Math.round(ms),
			summary: totals(reports),
			modules: reports.map((r) => ({
				id: r.id,
				dir: r.dir,
				errors: r.errors,
				warnings: r.warnings,
				stats: r.stats ?? null,
				issues: r.issues.map((i) => ({ ...i, location: place(r.dir, i) }))
			}))
		},
		null,
		2
	);
}
