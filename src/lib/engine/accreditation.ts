/**
 * Accreditation of a module: which professional register(s) accredit it, for how many points or
 * hours, under which number, from when until when, and who provides it. Optional in module.json;
 * shown on the module's start page, the certificate, the result record and the SCORM manifest.
 * A module never invents these facts: `example: true` marks made-up data (the demo module), and
 * every place that shows it then says so.
 */
import { CONTACT_KINDS, isSafeUrl } from './safe-url';

export interface AccreditationEntry {
	/** The register, e.g. "Registerplein" or "Kwaliteitsregister Jeugd (SKJ)". */
	register: string;
	points?: number;
	hours?: number;
	/** The accreditation number the register gave. */
	number?: string;
	/** ISO dates, `YYYY-MM-DD`. */
	validFrom?: string;
	validUntil?: string;
}

export interface Accreditation {
	/** Made-up data that only shows how it looks (example modules). */
	example?: boolean;
	/** Who holds the accreditation, e.g. the training organisation. */
	provider?: string;
	/** Where to ask about it: an https, mailto: or tel: address. */
	contact?: string;
	registrations: AccreditationEntry[];
}

/**
 * Whether a text is a real calendar date written `YYYY-MM-DD`: read as a date and written back
 * the same. That round trip is the whole check, as only `YYYY-MM-DD` text comes back unchanged
 * (a pattern for the form before it changed nothing: its mutants could not be told apart).
 */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

type Report = (path: string, message: string, fix: string) => void;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim() !== '' && v.length <= max;

/** Reports every problem of a module.json `accreditation` block. */
export function checkAccreditation(value: unknown, error: Report): void {
	const at = 'accreditation';
	if (!isObject(value)) {
		error(at, '"accreditation" must be an object.', 'Write "accreditation": { "registrations": [{ "register": "…", "points": 2 }] }, or remove it.');
		return;
	}
	for (const key of Object.keys(value))
		if (!['example', 'provider', 'contact', 'registrations'].includes(key))
			error(`${at}.${key}`, `"${key}" is not a field of accreditation.`, 'Use only "registrations", "provider", "contact" and "example".');
	if (value.example !== undefined && typeof value.example !== 'boolean') error(`${at}.example`, '"accreditation.example" must be true or false.', 'Write "example": true only for made-up data, or remove it.');
	if (value.provider !== undefined && !text(value.provider, 200)) error(`${at}.provider`, '"accreditation.provider" must be a text of at most 200 characters.', 'Write the name of the organisation that holds the accreditation.');
	if (value.contact !== undefined && !isSafeUrl(value.contact, CONTACT_KINDS))
		error(`${at}.contact`, `The contact ${JSON.stringify(value.contact)} is not an http(s), mailto: or tel: address.`, 'Write e.g. "mailto:opleidingen@example.org" or "https://…".');
	const list = value.registrations;
	if (!Array.isArray(list) || list.length === 0) {
		error(`${at}.registrations`, 'accreditation needs at least one registration.', 'Write "registrations": [{ "register": "…", "points": 2, "number": "…", "validUntil": "2027-12-31" }].');
		return;
	}
	list.forEach((entry, i) => {
		const p = `${at}.registrations[${i}]`;
		if (!isObject(entry)) {
			error(p, 'A registration must be an object.', 'Write { "register": "…", "points": 2 }.');
			return;
		}
		for (const key of Object.keys(entry))
			if (!['register', 'points', 'hours', 'number', 'validFrom', 'validUntil'].includes(key))
				error(`${p}.${key}`, `"${key}" is not a field of a registration.`, 'Use "register", "points", "hours", "number", "validFrom" and "validUntil".');
		if (!text(entry.register, 200)) error(`${p}.register`, 'A registration needs the register\u2019s name.', 'Write "register": "Registerplein" (or the register that accredits the module).');
		for (const key of ['points', 'hours'] as const)
			if (entry[key] !== undefined && !(typeof entry[key] === 'number' && entry[key] > 0 && entry[key] <= 1000))
				error(`${p}.${key}`, `"${key}" must be a number above 0 (at most 1000).`, `Write e.g. "${key}": 2, or remove it.`);
		if (entry.points === undefined && entry.hours === undefined) error(p, 'A registration says neither points nor hours.', 'Add "points" or "hours" as the register granted them.');
		if (entry.number !== undefined && !text(entry.number, 100)) error(`${p}.number`, '"number" must be a text of at most 100 characters.', 'Write the accreditation number between double quotes, e.g. "number": "A-12345".');
		for (const key of ['validFrom', 'validUntil'] as const)
			if (entry[key] !== undefined && !isIsoDate(entry[key])) error(`${p}.${key}`, `"${key}" must be a date written YYYY-MM-DD.`, `Write e.g. "${key}": "2027-12-31".`);
		if (isIsoDate(entry.validFrom) && isIsoDate(entry.validUntil) && entry.validFrom > entry.validUntil)
			error(`${p}.validUntil`, 'The accreditation ends before it starts.', 'Check "validFrom" and "validUntil".');
	});
}

export interface AccreditationWords {
	t(key: string, vars?: Record<string, string | number>): string;
	/** BCP 47 locale for dates. */
	locale: string;
}

/** One line per registration, e.g. "Registerplein: 2 punten, nummer A-123, geldig tot 31 december 2027". */
export function accreditationLines(accreditation: Accreditation, { t, locale }: AccreditationWords): string[] {
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
	const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
	return accreditation.registrations.map((r) => {
		const parts = [
			r.points !== undefined ? t('accreditation.points', { count: r.points, value: number.format(r.points) }) : '',
			r.hours !== undefined ? t('accreditation.hours', { count: r.hours, value: number.format(r.hours) }) : '',
			r.number ? t('accreditation.number', { number: r.number }) : '',
			r.validFrom && r.validUntil
				? t('accreditation.validFromUntil', { from: date(r.validFrom), until: date(r.validUntil) })
				: r.validUntil
					? t('accreditation.validUntil', { until: date(r.validUntil) })
					: r.validFrom
						? t('accreditation.validFrom', { from: date(r.validFrom) })
						: ''
		].filter(Boolean);
		return parts.length ? `${r.register}: ${parts.join(', ')}` : r.register;
	});
}
