/**
 * The CISA Known Exploited Vulnerabilities catalogue (`known_exploited_vulnerabilities.json`, issue 22) in its
 * published format: `title`, `catalogVersion`, `dateReleased`, `count`, `vulnerabilities[]` with `cveID`,
 * `dateAdded`, `dueDate`, `knownRansomwareCampaignUse`, … Only what the findings carry is kept, keyed by CVE id in
 * a Map (a hostile `__proto__` id must not reach an object's prototype). Every entry is checked: a bad one is an
 * error naming the file and the entry's index, never skipped (a skipped entry would read as "not exploited").
 */
import { ClairScanError } from '../util/errors';
import { readCappedFile } from '../util/caps';

/** The real catalogue is about 1.5 MB (some 1,500 entries); 64 MiB leaves room for decades of growth. */
export const MAX_KEV_BYTES = 64 * 2 ** 20;

export const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface KevEntry {
  dateAdded: string;
  dueDate: string;
  /** The catalogue's knownRansomwareCampaignUse is "Known" (true) or "Unknown" (false). */
  ransomware: boolean;
}

export interface KevCatalog {
  /** `catalogVersion`, e.g. "2026.12.04". */
  version: string;
  /** `dateReleased` (ISO date-time as published). */
  date: string;
  entries: Map<string, KevEntry>;
}

const HINT =
  'give kev-data the CISA catalogue as published (https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json) or an unmodified mirror of it';

function bad(file: string, what: string): ClairScanError {
  return new ClairScanError(`KEV data ${JSON.stringify(file)}: ${what}`, { hint: `${HINT}.` });
}

function str(o: Record<string, unknown>, key: string): string | undefined {
  const v = Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Parses the catalogue's text; `file` names it in errors. */
export function parseKev(text: string, file: string): KevCatalog {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw bad(file, `not JSON (${(err as Error).message})`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw bad(file, 'not a JSON object');
  const top = doc as Record<string, unknown>;
  const version = str(top, 'catalogVersion');
  const date = str(top, 'dateReleased');
  if (!version?.trim()) throw bad(file, 'no "catalogVersion" (is this the KEV catalogue?)');
  if (!date || Number.isNaN(Date.parse(date)))
    throw bad(file, `"dateReleased" is not a date: ${JSON.stringify(top.dateReleased ?? null)}`);
  const list = Object.prototype.hasOwnProperty.call(top, 'vulnerabilities') ? top.vulnerabilities : undefined;
  if (!Array.isArray(list)) throw bad(file, 'no "vulnerabilities" array');
  if (typeof top.count === 'number' && top.count !== list.length) {
    throw bad(
      file,
      `"count" says ${top.count} entries but "vulnerabilities" has ${list.length} (a truncated download?)`,
    );
  }
  const entries = new Map<string, KevEntry>();
  list.forEach((v: unknown, i) => {
    const where = `vulnerabilities[${i}]`;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad(file, `${where} is not an object`);
    const o = v as Record<string, unknown>;
    const id = str(o, 'cveID');
    if (!id || !CVE_ID.test(id))
      throw bad(
        file,
        `${where}.cveID is not a CVE id (CVE-YYYY-NNNN): ${JSON.stringify(o.cveID ?? null).slice(0, 80)}`,
      );
    const dateAdded = str(o, 'dateAdded');
    const dueDate = str(o, 'dueDate');
    if (!dateAdded || !DATE.test(dateAdded)) throw bad(file, `${where} (${id}).dateAdded is not a YYYY-MM-DD date`);
    if (!dueDate || !DATE.test(dueDate)) throw bad(file, `${where} (${id}).dueDate is not a YYYY-MM-DD date`);
    const rw = str(o, 'knownRansomwareCampaignUse');
    if (rw !== 'Known' && rw !== 'Unknown')
      throw bad(file, `${where} (${id}).knownRansomwareCampaignUse is neither "Known" nor "Unknown"`);
    if (entries.has(id)) throw bad(file, `${where}: ${id} is listed twice`);
    entries.set(id, { dateAdded, dueDate, ransomware: rw === 'Known' });
  });
  return { version: version.trim(), date, entries };
}

/** Reads and parses a local catalogue file, refusing one larger than MAX_KEV_BYTES before reading it. */
export async function readKev(file: string, maxBytes = MAX_KEV_BYTES): Promise<KevCatalog> {
  return parseKev((await readCappedFile(file, maxBytes, 'KEV data', 'kev-data', bad)).toString('utf8'), file);
}
