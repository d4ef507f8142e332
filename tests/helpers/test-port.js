// The port a test server listens on. `npm test` must work while `npm start` (port 4173) or a dev
// server runs, so unless a port is given the tests take a free one of their own. The choice is
// kept in the environment: Playwright loads its config again in every worker process, and the
// workers inherit it, so they all talk to the server the runner started.
import { execFileSync } from 'node:child_process';

/** A port nothing listens on now (the system's choice). Synchronous: configs are not async. */
export function freePortSync() {
	const script = "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
	return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/**
 * The port in `$<variable>`, or a free port, which is then stored in `$<variable>`.
 * @param {string} variable
 */
export function testPort(variable) {
	if (!process.env[variable]) process.env[variable] = String(freePortSync());
	return Number(process.env[variable]);
}
