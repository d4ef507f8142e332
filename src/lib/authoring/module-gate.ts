/**
 * Node-only: the checker as a gate for the tools that ship modules. `npm run build`
 * (src/tools/copy-modules.ts) and `npm run package` (src/tools/package-scorm.ts) ship a module only
 * when the checker finds no error in it, so a learner never meets a module the checker rejects.
 * Every checker error counts, for every target: what the checker calls an error, no tool ships.
 */
import { join, relative, resolve } from 'node:path';
import { checkModule, type CheckIssue, type CheckReport } from './checker';
import { readModuleForCheck } from './read-module';


/** Runs the checker on one module folder, as `npm run check:modules <id>` does. */
export function checkForShipping(modulesDir: string, id: string): CheckReport {
	return checkModule(readModuleForCheck(join(modulesDir, id), id), { lang: 'en' });
}

/** The checker errors that keep a module from being shipped. */
export function blockingErrors(report: CheckReport): CheckIssue[] {
	return report.issues.filter((i) => i.severity === 'error');
}

/**
 * What a tool prints when it leaves a module out: every error with its place and fix, and the
 * command that shows them all. `leftOutOf`: e.g. "the build (learners will not see it)".
 */
export function refusalMessage(id: string, modulesDir: string, errors: CheckIssue[], leftOutOf: string): string {
	const shown = relative(process.cwd(), modulesDir) || '.';
	const lines = errors.slice(0, 12).map((i) => {
		const at = i.line !== undefined ? `:${i.line}${i.column !== undefined ? `:${i.column}` : ''}` : '';
		return `    ${shown}/${id}/${i.file}${at}  ${i.path || '-'}  ${i.message}  → Fix: ${i.fix}`;
	});
	if (errors.length > 12) lines.push(`    … and ${errors.length - 12} more.`);
	const command = resolve(modulesDir) === resolve('modules') ? `npm run check:modules ${id}` : `npm run check:modules -- --dir ${shown} ${id}`;
	return `Module "${id}" is left out of ${leftOutOf}: ${errors.length} error(s).\n${lines.join('\n')}\n  See them all, with warnings: ${command}`;
}
