// @ts-nocheck -- a plain browser script for the stand-in LMS page, served as is; globals come from scorm-again and the test.
// The stand-in LMS's script (see lms-harness.html). It creates scorm-again's API in this window,
// loads the CMI the test put in window.__lmsInitial (a relaunch), adds the strictness scorm-again
// leaves out on purpose, and keeps what the LMS received in window.lms for the test to read.
//
// Query: edition=scorm12|scorm2004, src=<URL of the package's index.html>,
//        fault=none|no-api|init-false|commit-false (commit-false: Commit answers "false" while
//        window.lms.commitFails is true; the test turns it off to model the LMS coming back).
(function () {
	const query = new URLSearchParams(location.search);
	const edition = query.get('edition') || 'scorm12';
	const fault = query.get('fault') || 'none';
	const is12 = edition === 'scorm12';
	const name = is12 ? { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError' } : { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError' };

	const lms = {
		edition,
		fault,
		calls: [],
		/** Values set since the last successful commit or finish. */
		pending: {},
		/** What the LMS has stored: the values of every successful commit and finish. */
		stored: {},
		violations: [],
		counts: { initialize: 0, finish: 0, commit: 0, failedCommits: 0 },
		commitFails: fault === 'commit-false',
		maxSuspendData: 0,
		/**
		 * What the LMS keeps for this attempt, as Moodle's track rows: the data this launch carried,
		 * every stored value, and total_time, added up at finish as Moodle does (never at a commit).
		 * support.ts's moodleRelaunch turns it into the next launch's data.
		 */
		tracks: {}
	};
	const provided = /^cmi\.(core\.(student_id|student_name|entry|lesson_mode|credit)|learner_id|learner_name|entry|mode|credit)$/;
	for (const [key, value] of Object.entries(window.__lmsInitial || {})) if (!provided.test(key)) lms.tracks[key] = String(value);
	window.lms = lms;
	document.getElementById('edition').textContent = is12 ? 'SCORM 1.2' : 'SCORM 2004';

	function start() {
		if (fault !== 'no-api') {
			const Api = is12 ? window.Scorm12API : window.Scorm2004API;
			// lmsCommitUrl false: scorm-again keeps the data and answers true, as a healthy LMS would.
			const api = new Api({ lmsCommitUrl: false, autocommit: false, logLevel: 5 });
			// A launch with no data is Moodle's first launch of an attempt: entry ab-initio.
			api.loadFromFlattenedJSON({ [is12 ? 'cmi.core.entry' : 'cmi.entry']: 'ab-initio', ...(window.__lmsInitial || {}) });
			const raw = {};
			for (const key of Object.values(name)) raw[key] = api[key].bind(api);
			let ended = false;
			/** An error code of our own strictness, answered by the next GetLastError. */
			let refusedWith = '';
			const types = {};
			for (const [key, value] of Object.entries(lms.tracks)) {
				const m = /^cmi\.interactions\.(\d+)\.type$/.exec(key);
				if (m) types[m[1]] = value;
			}
			// Moodle 4.5 (scorm_13.js): a 2004 choice's learner_response and correct_responses pattern
			// are short identifiers, ^[\w.]{1,250}$, joined by [,], none twice; anything else is 406
			// "Type Mismatch". scorm-again allows `-` too.
			const choiceRefusal = (element, value) => {
				const m = /^cmi\.interactions\.(\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/.exec(element);
				if (is12 || !m || types[m[1]] !== 'choice') return '';
				const nodes = String(value).split('[,]');
				if (nodes.length > 36) return '351';
				return nodes.every((n) => /^[\w.]{1,250}$/.test(n)) && new Set(nodes).size === nodes.length ? '' : '406';
			};

			api[name.init] = (arg) => {
				lms.calls.push('Initialize');
				lms.counts.initialize++;
				if (fault === 'init-false') return 'false';
				return raw[name.init](arg);
			};
			api[name.get] = (element) => {
				lms.calls.push(`Get ${element}`);
				if (ended) lms.violations.push(`GetValue(${element}) after finish`);
				// SCORM 1.2 interactions are write-only; scorm-again answers them, a strict LMS does not.
				if (is12 && /^cmi\.interactions\.\d+\./.test(element)) lms.violations.push(`GetValue(${element}): 1.2 interactions are write-only`);
				return raw[name.get](element);
			};
			api[name.set] = (element, value) => {
				lms.calls.push(`Set ${element}`);
				if (ended) lms.violations.push(`SetValue(${element}) after finish`);
				if (element === 'cmi.suspend_data') lms.maxSuspendData = Math.max(lms.maxSuspendData, String(value).length);
				// Our own strictness: SCORM 1.2 suspend_data is a CMIString4096; scorm-again accepts 64,000.
				if (is12 && element === 'cmi.suspend_data' && String(value).length > 4096) {
					lms.violations.push(`SetValue(cmi.suspend_data) with ${String(value).length} characters (SCORM 1.2 allows 4096)`);
					return 'false';
				}
				const code = choiceRefusal(element, value);
				if (code) {
					refusedWith = code;
					lms.violations.push(`SetValue(${element}, ${JSON.stringify(value)}) refused: ${code} (Moodle's short identifier rule)`);
					return 'false';
				}
				refusedWith = '';
				const result = raw[name.set](element, value);
				if (String(result) !== 'true') lms.violations.push(`SetValue(${element}, ${JSON.stringify(value)}) refused: ${raw[name.error]()}`);
				else {
					lms.pending[element] = String(value);
					const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
					if (type) types[type[1]] = String(value);
				}
				return result;
			};
			api[name.error] = () => refusedWith || raw[name.error]();
			const store = () => {
				Object.assign(lms.stored, lms.pending);
				Object.assign(lms.tracks, lms.pending);
				lms.pending = {};
			};
			api[name.commit] = (arg) => {
				lms.calls.push('Commit');
				lms.counts.commit++;
				if (ended) lms.violations.push('Commit after finish');
				if (lms.commitFails) {
					lms.counts.failedCommits++;
					return 'false';
				}
				const result = raw[name.commit](arg);
				if (String(result) === 'true') store();
				return result;
			};
			api[name.finish] = (arg) => {
				lms.calls.push('Finish');
				lms.counts.finish++;
				if (ended) lms.violations.push('Finish called twice');
				ended = true;
				const result = raw[name.finish](arg);
				if (String(result) === 'true') {
					store();
					const total = is12 ? 'cmi.core.total_time' : 'cmi.total_time';
					const session = lms.stored[is12 ? 'cmi.core.session_time' : 'cmi.session_time'];
					lms.tracks[total] = formatTime(centiseconds(lms.tracks[total]) + centiseconds(session));
				}
				return result;
			};
			window[is12 ? 'API' : 'API_1484_11'] = api;
			lms.api = api;
		}
		const frame = document.getElementById('sco');
		frame.src = query.get('src');
	}

	function centiseconds(value) {
		if (!value) return 0;
		const t12 = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(value);
		if (t12) return Math.round((Number(t12[1]) * 3600 + Number(t12[2]) * 60 + Number(t12[3])) * 100);
		const t04 = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/.exec(value);
		if (t04) return Math.round((Number(t04[1] || 0) * 86400 + Number(t04[2] || 0) * 3600 + Number(t04[3] || 0) * 60 + Number(t04[4] || 0)) * 100);
		return 0;
	}
	function formatTime(cs) {
		const h = Math.floor(cs / 360000);
		const m = Math.floor((cs % 360000) / 6000);
		const sec = (cs % 6000) / 100;
		return is12 ? `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${sec.toFixed(2).padStart(5, '0')}` : `PT${h}H${m}M${sec}S`;
	}

	/** What an LMS's "exit activity" does: the course frame goes away (pagehide in the SCO). */
	window.exitCourse = () => document.getElementById('sco').remove();

	const script = document.createElement('script');
	script.onload = start;
	script.onerror = () => lms.violations.push('scorm-again did not load');
	script.src = is12 ? 'vendor/scorm12.min.js' : 'vendor/scorm2004.min.js';
	document.head.append(script);
})();
