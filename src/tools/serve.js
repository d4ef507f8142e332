// The static file server for the built app (npm start), the end-to-end tests and the bench. It
// serves build/ at the root and again under a nested path (as an LMS would), so tests can prove
// the build has no root-absolute URL. The files are served by sirv (the server SvelteKit's own
// preview uses): it decodes paths safely (a malformed one is a 404, never a crash) and serves
// nothing outside its folder.
// Usage: node src/tools/serve.js [port]     Mounts: / and /lms/course/42/content/ → build/
//        node src/tools/serve.js --check-port [port]   only says whether the port is free (npm start
//        runs it before the build, so a taken port is reported at once, not after the build).
//        The port: the argument, else $PORT, else 4173. Extra mounts: KOERS_MOUNTS="prefix=dir,prefix2=dir2".
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { strictPolicy } from './csp.js';

const args = process.argv.slice(2);
const checkOnly = args.includes('--check-port');
const portArg = args.find((a) => !a.startsWith('--'));
const port = Number(portArg ?? process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	console.error(`✖ "${portArg ?? process.env.PORT}" is not a port number. Give one from 1 to 65535, e.g. PORT=8080 npm start.`);
	process.exit(1);
}

/** @param {NodeJS.ErrnoException} e */
function portProblem(e) {
	if (e.code === 'EADDRINUSE') return `✖ Port ${port} is already in use (is Koers or another server already running there?). Stop that server, or choose another port: PORT=8080 npm start`;
	if (e.code === 'EACCES') return `✖ Port ${port} may not be used by this user. Choose a port above 1023: PORT=8080 npm start`;
	return `✖ Cannot listen on port ${port}: ${e.message}`;
}

if (checkOnly) {
	const probe = createServer();
	probe.once('error', (e) => {
		console.error(portProblem(e));
		process.exit(1);
	});
	probe.listen(port, '127.0.0.1', () => probe.close());
} else {
	serve();
}

function serve() {
	const build = resolve(process.env.KOERS_OUT || 'build');
	/** @type {[string, string][]} */
	const mounts = [['/lms/course/42/content/', build]];
	for (const pair of (process.env.KOERS_MOUNTS ?? '').split(',').filter(Boolean)) {
		const [prefix, dir] = pair.split('=');
		mounts.push([prefix, resolve(dir)]);
	}
	mounts.push(['/', build]);
	// KOERS_CSP: a Content-Security-Policy header to send; "strict" sends the build's strict policy (csp.js).
	const csp = process.env.KOERS_CSP === 'strict' ? strictPolicy(build) : process.env.KOERS_CSP;
	// dev: files are looked up on every request, not listed once at start: tests deploy new builds
	// into a running server. No caching: a reload always gets the current build.
	const handlers = mounts.map(([prefix, dir]) => ({
		prefix,
		handler: sirv(dir, { dev: true, dotfiles: false, setHeaders: (res) => csp && res.setHeader('Content-Security-Policy', csp) })
	}));

	const server = createServer((req, res) => {
		const url = req.url ?? '/';
		const notFound = () => {
			res.writeHead(404, { 'Content-Type': 'text/plain' });
			res.end('not found');
		};
		/** @param {number} i */
		const tryMount = (i) => {
			if (i === handlers.length) return notFound();
			const { prefix, handler } = handlers[i];
			if (!url.startsWith(prefix)) return tryMount(i + 1);
			req.url = `/${url.slice(prefix.length)}`;
			handler(req, res, () => {
				req.url = url;
				tryMount(i + 1);
			});
		};
		try {
			tryMount(0);
		} catch {
			// A request no file can answer (sirv throws on nothing we know of; this keeps the server up).
			if (!res.headersSent) {
				res.writeHead(400, { 'Content-Type': 'text/plain' });
				res.end('bad request');
			}
		}
	});
	server.once('error', (e) => {
		console.error(portProblem(e));
		process.exit(1);
	});
	server.listen(port, '127.0.0.1', () => console.log(`Koers is running: open http://127.0.0.1:${port}/ in your browser (Ctrl+C stops it).`));
}
