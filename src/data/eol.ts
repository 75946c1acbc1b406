/**
 * The end-of-life table of distribution releases (issue 22, `eol-data`): endoflife.date's v0 API arrays as
 * published (`https://endoflife.date/api/<product>.json`), several in one JSON document
 * `{"source": …, "date": "YYYY-MM-DD", "products": {"debian": [{"cycle": "12", "eol": "2026-06-10", …}], …}}`.
 * `date` is when the table was taken (vuln-data-max-age reads it). Every entry is checked: a bad one is an error
 * naming the table, the product and the cycle, never skipped (a skipped release would read as "not end of life").
 * Products and cycles go into Maps (a hostile `__proto__` key must not reach an object's prototype).
 */
import { ClairScanError } from '../util/errors';
import { formatCap, readCappedFile } from '../util/caps';
import type { CaBundle } from '../util/ca';
import { fetchData } from './exploit';

/** The OS products of endoflife.date are a few KB each; the whole site's v0 data is a few MB. */
export const MAX_EOL_BYTES = 16 * 2 ** 20;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** endoflife.date product names (their permalinks): lower-case words joined by '-'. */
const PRODUCT = /^[a-z0-9][a-z0-9.+-]{0,99}$/;
/** A release cycle name: "12", "22.04", "3.19", "2018.03", "releng-14.0" (a '/' becomes '-' in the API). */
const CYCLE = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

export interface EolCycle {
  /** `cycle`, e.g. "12", "22.04", "3.19". */
  cycle: string;
  /** `eol`: the end-of-life date (YYYY-MM-DD), or true (ended, no date) / false (no end announced). */
  eol: string | boolean;
  codename?: string;
  releaseDate?: string;
  latest?: string;
}

export interface EolTable {
  /** Where it was taken from, e.g. "https://endoflife.date/api/". */
  source: string;
  /** When it was taken, YYYY-MM-DD. */
  date: string;
  /** Product name → its cycles, in the published order. */
  products: Map<string, EolCycle[]>;
}

const HINT =
  'give eol-data one JSON document {"source", "date": "YYYY-MM-DD", "products": {"<product>": [...]}} whose arrays are endoflife.date API responses as published (https://endoflife.date/api/<product>.json), e.g. made by `clair-scan data` or scripts/fixtures/make-eol-data.js';

function bad(label: string, what: string): ClairScanError {
  return new ClairScanError(`EOL data ${JSON.stringify(label)}: ${what}`, { hint: `${HINT}.` });
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown): string => (JSON.stringify(v ?? null) ?? String(v)).slice(0, 80);

/** A real calendar date in YYYY-MM-DD (2026-02-30 is not one). */
function isDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function parseCycle(label: string, product: string, i: number, v: unknown): EolCycle {
  const where = `products.${product}[${i}]`;
  if (!isObject(v)) throw bad(label, `${where} is not an object`);
  const raw = own(v, 'cycle') ? v.cycle : undefined;
  // The API prints unquoted YAML cycles as numbers (python's 3.9); 3.10 would read as 3.1, so only integers pass.
  const cycle = typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : raw;
  if (typeof cycle !== 'string' || !CYCLE.test(cycle))
    throw bad(
      label,
      `${where}.cycle is not a release cycle name${typeof raw === 'number' ? ' (a non-integer number is ambiguous: 3.10 reads as 3.1; quote it)' : ''}: ${show(raw)}`,
    );
  const at = `${product} ${cycle}`;
  const eol = own(v, 'eol') ? v.eol : undefined;
  if (!(typeof eol === 'boolean' || (typeof eol === 'string' && isDate(eol))))
    throw bad(label, `${at}: "eol" is neither a YYYY-MM-DD date nor true/false: ${show(eol)}`);
  const out: EolCycle = { cycle, eol };
  for (const key of ['codename', 'releaseDate', 'latest'] as const) {
    const x = own(v, key) ? v[key] : undefined;
    if (x === undefined || x === null) continue;
    // latest may be a number for the same reason as cycle; it is only shown.
    const text = key === 'latest' && typeof x === 'number' && Number.isFinite(x) ? String(x) : x;
    if (typeof text !== 'string' || text.length > 200 || (key === 'releaseDate' && !isDate(text)))
      throw bad(
        label,
        `${at}: "${key}" is not ${key === 'releaseDate' ? 'a YYYY-MM-DD date' : 'a short text'}: ${show(x)}`,
      );
    out[key] = text;
  }
  return out;
}

/** Parses the table's bytes (a file's or a download's); `label` names it in errors. */
export function readEolBytes(bytes: Buffer, label: string): EolTable {
  if (bytes.length > MAX_EOL_BYTES)
    throw bad(label, `${bytes.length} bytes, more than the ${formatCap(MAX_EOL_BYTES)} clair-scan reads`);
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw bad(label, `not JSON (${(err as Error).message})`);
  }
  if (!isObject(doc)) throw bad(label, 'not a JSON object');
  const source = own(doc, 'source') ? doc.source : undefined;
  const date = own(doc, 'date') ? doc.date : undefined;
  if (typeof source !== 'string' || !source.trim() || source.length > 2000)
    throw bad(label, `"source" (where the table was taken from) is missing or not a text: ${show(source)}`);
  if (typeof date !== 'string' || !isDate(date))
    throw bad(label, `"date" (when the table was taken) is not a YYYY-MM-DD date: ${show(date)}`);
  const list = own(doc, 'products') ? doc.products : undefined;
  if (!isObject(list)) throw bad(label, 'no "products" object (product name → endoflife.date API array)');
  const products = new Map<string, EolCycle[]>();
  for (const [name, arr] of Object.entries(list)) {
    if (!PRODUCT.test(name)) throw bad(label, `product ${show(name)} is not an endoflife.date product name`);
    if (!Array.isArray(arr)) throw bad(label, `products.${name} is not an array (the API's /api/${name}.json)`);
    const cycles = arr.map((v: unknown, i) => parseCycle(label, name, i, v));
    const seen = new Set<string>();
    for (const c of cycles) {
      if (seen.has(c.cycle)) throw bad(label, `${name} ${c.cycle} is listed twice`);
      seen.add(c.cycle);
    }
    products.set(name, cycles);
  }
  if (products.size === 0) throw bad(label, '"products" is empty');
  return { source: source.trim(), date, products };
}

/** Reads a local table, refusing one larger than MAX_EOL_BYTES before reading it. */
export async function readEol(file: string): Promise<EolTable> {
  return readEolBytes(await readCappedFile(file, MAX_EOL_BYTES, 'EOL data', 'eol-data', bad), file);
}

/** eol-data: a file path, or an https URL (a mirror; plain http only to a loopback address) read into memory. */
export async function loadEol(text: string, ca?: CaBundle): Promise<EolTable> {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return readEol(text);
  const { data, label } = await fetchData('eol-data', text, MAX_EOL_BYTES, ca, 'end-of-life table');
  return readEolBytes(data, label);
}
