"use strict";
exports.id = 129;
exports.ids = [129];
exports.modules = {

/***/ 29468:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_EOL_BYTES = void 0;
exports.readEolBytes = readEolBytes;
exports.readEol = readEol;
exports.loadEol = loadEol;
/**
 * The end-of-life table of distribution releases (issue 22, `eol-data`): endoflife.date's v0 API arrays as
 * published (`https://endoflife.date/api/<product>.json`), several in one JSON document
 * `{"source": …, "date": "YYYY-MM-DD", "products": {"debian": [{"cycle": "12", "eol": "2026-06-10", …}], …}}`.
 * `date` is when the table was taken (vuln-data-max-age reads it). Every entry is checked: a bad one is an error
 * naming the table, the product and the cycle, never skipped (a skipped release would read as "not end of life").
 * Products and cycles go into Maps (a hostile `__proto__` key must not reach an object's prototype).
 */
const errors_1 = __webpack_require__(70017);
const caps_1 = __webpack_require__(12127);
const exploit_1 = __webpack_require__(57023);
/** The OS products of endoflife.date are a few KB each; the whole site's v0 data is a few MB. */
exports.MAX_EOL_BYTES = 16 * 2 ** 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** endoflife.date product names (their permalinks): lower-case words joined by '-'. */
const PRODUCT = /^[a-z0-9][a-z0-9.+-]{0,99}$/;
/** A release cycle name: "12", "22.04", "3.19", "2018.03", "releng-14.0" (a '/' becomes '-' in the API). */
const CYCLE = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;
const HINT = 'give eol-data one JSON document {"source", "date": "YYYY-MM-DD", "products": {"<product>": [...]}} whose arrays are endoflife.date API responses as published (https://endoflife.date/api/<product>.json), e.g. made by `clair-scan data` or scripts/fixtures/make-eol-data.js';
function bad(label, what) {
    return new errors_1.ClairScanError(`EOL data ${JSON.stringify(label)}: ${what}`, { hint: `${HINT}.` });
}
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v) => (JSON.stringify(v ?? null) ?? String(v)).slice(0, 80);
/** A real calendar date in YYYY-MM-DD (2026-02-30 is not one). */
function isDate(s) {
    if (!DATE.test(s))
        return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
function parseCycle(label, product, i, v) {
    const where = `products.${product}[${i}]`;
    if (!isObject(v))
        throw bad(label, `${where} is not an object`);
    const raw = own(v, 'cycle') ? v.cycle : undefined;
    // The API prints unquoted YAML cycles as numbers (python's 3.9); 3.10 would read as 3.1, so only integers pass.
    const cycle = typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : raw;
    if (typeof cycle !== 'string' || !CYCLE.test(cycle))
        throw bad(label, `${where}.cycle is not a release cycle name${typeof raw === 'number' ? ' (a non-integer number is ambiguous: 3.10 reads as 3.1; quote it)' : ''}: ${show(raw)}`);
    const at = `${product} ${cycle}`;
    const eol = own(v, 'eol') ? v.eol : undefined;
    if (!(typeof eol === 'boolean' || (typeof eol === 'string' && isDate(eol))))
        throw bad(label, `${at}: "eol" is neither a YYYY-MM-DD date nor true/false: ${show(eol)}`);
    const out = { cycle, eol };
    for (const key of ['codename', 'releaseDate', 'latest']) {
        const x = own(v, key) ? v[key] : undefined;
        if (x === undefined || x === null)
            continue;
        // latest may be a number for the same reason as cycle; it is only shown.
        const text = key === 'latest' && typeof x === 'number' && Number.isFinite(x) ? String(x) : x;
        if (typeof text !== 'string' || text.length > 200 || (key === 'releaseDate' && !isDate(text)))
            throw bad(label, `${at}: "${key}" is not ${key === 'releaseDate' ? 'a YYYY-MM-DD date' : 'a short text'}: ${show(x)}`);
        out[key] = text;
    }
    return out;
}
/** Parses the table's bytes (a file's or a download's); `label` names it in errors. */
function readEolBytes(bytes, label) {
    if (bytes.length > exports.MAX_EOL_BYTES)
        throw bad(label, `${bytes.length} bytes, more than the ${(0, caps_1.formatCap)(exports.MAX_EOL_BYTES)} clair-scan reads`);
    let doc;
    try {
        doc = JSON.parse(bytes.toString('utf8'));
    }
    catch (err) {
        throw bad(label, `not JSON (${err.message})`);
    }
    if (!isObject(doc))
        throw bad(label, 'not a JSON object');
    const source = own(doc, 'source') ? doc.source : undefined;
    const date = own(doc, 'date') ? doc.date : undefined;
    if (typeof source !== 'string' || !source.trim() || source.length > 2000)
        throw bad(label, `"source" (where the table was taken from) is missing or not a text: ${show(source)}`);
    if (typeof date !== 'string' || !isDate(date))
        throw bad(label, `"date" (when the table was taken) is not a YYYY-MM-DD date: ${show(date)}`);
    const list = own(doc, 'products') ? doc.products : undefined;
    if (!isObject(list))
        throw bad(label, 'no "products" object (product name → endoflife.date API array)');
    const products = new Map();
    for (const [name, arr] of Object.entries(list)) {
        if (!PRODUCT.test(name))
            throw bad(label, `product ${show(name)} is not an endoflife.date product name`);
        if (!Array.isArray(arr))
            throw bad(label, `products.${name} is not an array (the API's /api/${name}.json)`);
        const cycles = arr.map((v, i) => parseCycle(label, name, i, v));
        const seen = new Set();
        for (const c of cycles) {
            if (seen.has(c.cycle))
                throw bad(label, `${name} ${c.cycle} is listed twice`);
            seen.add(c.cycle);
        }
        products.set(name, cycles);
    }
    if (products.size === 0)
        throw bad(label, '"products" is empty');
    return { source: source.trim(), date, products };
}
/** Reads a local table, refusing one larger than MAX_EOL_BYTES before reading it. */
async function readEol(file) {
    return readEolBytes(await (0, caps_1.readCappedFile)(file, exports.MAX_EOL_BYTES, 'EOL data', 'eol-data', bad), file);
}
/** eol-data: a file path, or an https URL (a mirror; plain http only to a loopback address) read into memory. */
async function loadEol(text, ca) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
        return readEol(text);
    const { data, label } = await (0, exploit_1.fetchData)('eol-data', text, exports.MAX_EOL_BYTES, ca, 'end-of-life table');
    return readEolBytes(data, label);
}


/***/ }),

/***/ 93617:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_EPSS_BYTES = void 0;
exports.parseEpss = parseEpss;
exports.readEpss = readEpss;
exports.readEpssBytes = readEpssBytes;
/**
 * FIRST's EPSS scores (issue 22) in their published format, gzip-compressed (`epss_scores-YYYY-MM-DD.csv.gz`) or
 * plain: a first line `#model_version:v2025.03.14,score_date:2026-12-04T00:00:00+0000`, the header
 * `cve,epss,percentile`, then one row per CVE (about 300,000). Read as a stream, line by line, with the
 * decompressed size capped; the scores go into a Map (no prototype keys). A bad row is an error naming the file and
 * the line, never skipped: a skipped row would read as "no score" for that CVE.
 */
const fs = __importStar(__webpack_require__(73024));
const readline = __importStar(__webpack_require__(80481));
const zlib = __importStar(__webpack_require__(38522));
const node_stream_1 = __webpack_require__(57075);
const errors_1 = __webpack_require__(70017);
const caps_1 = __webpack_require__(12127);
const kev_1 = __webpack_require__(5222);
/** The real file is about 10 MB decompressed; 256 MiB is room for ten times the CVEs. */
exports.MAX_EPSS_BYTES = 256 * 2 ** 20;
/** A real line is under 40 bytes; a longer one is not EPSS data (and must not grow memory without bound). */
const MAX_LINE = 1024;
const HINT = 'give epss-data the FIRST EPSS file as published (https://epss.empiricalsecurity.com/epss_scores-current.csv.gz, gzip or plain CSV) or an unmodified mirror of it';
function bad(file, line, what) {
    return new errors_1.ClairScanError(`EPSS data ${JSON.stringify(file)}${line ? ` line ${line}` : ''}: ${what}`, {
        hint: `${HINT}.`,
    });
}
const HEADER_LINE = /^#model_version:(v[0-9][0-9.]*),score_date:(\d{4}-\d{2}-\d{2})T[0-9:]+(?:[+-]\d{4}|Z)?$/;
// Plain decimals as published; exponent form (9.7e-05) accepted too, as CSV writers may use it. Range checked below.
const NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;
function score(text) {
    if (!NUMBER.test(text))
        return undefined;
    const n = Number(text);
    return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}
/** Parses EPSS data from a stream of (already decompressed) bytes. */
async function parseEpss(input, file) {
    const rl = readline.createInterface({ input, crlfDelay: Infinity });
    let lineNo = 0;
    let modelVersion = '';
    let date = '';
    const scores = new Map();
    try {
        for await (const raw of rl) {
            lineNo++;
            if (raw.length > MAX_LINE)
                throw bad(file, lineNo, `a line of ${raw.length} characters; EPSS lines are short`);
            const line = raw.trimEnd();
            if (lineNo === 1) {
                const m = HEADER_LINE.exec(line);
                if (!m)
                    throw bad(file, 1, `expected "#model_version:vYYYY.MM.DD,score_date:YYYY-MM-DDT00:00:00+0000", found ${JSON.stringify(line.slice(0, 80))}`);
                [, modelVersion, date] = m;
                continue;
            }
            if (lineNo === 2) {
                if (line !== 'cve,epss,percentile')
                    throw bad(file, 2, `expected the header "cve,epss,percentile", found ${JSON.stringify(line.slice(0, 80))}`);
                continue;
            }
            if (line === '')
                continue;
            const cols = line.split(',');
            if (cols.length !== 3)
                throw bad(file, lineNo, `expected 3 columns (cve,epss,percentile), found ${cols.length}`);
            const [id, e, p] = cols;
            if (!kev_1.CVE_ID.test(id))
                throw bad(file, lineNo, `not a CVE id: ${JSON.stringify(id.slice(0, 80))}`);
            const s = score(e);
            const pc = score(p);
            if (s === undefined)
                throw bad(file, lineNo, `epss ${JSON.stringify(e.slice(0, 40))} is not a number between 0 and 1`);
            if (pc === undefined)
                throw bad(file, lineNo, `percentile ${JSON.stringify(p.slice(0, 40))} is not a number between 0 and 1`);
            if (scores.has(id))
                throw bad(file, lineNo, `${id} is listed twice`);
            scores.set(id, { score: s, percentile: pc });
        }
    }
    finally {
        rl.close();
    }
    if (lineNo < 2)
        throw bad(file, undefined, lineNo === 0 ? 'empty' : 'no "cve,epss,percentile" header');
    return { modelVersion, date, scores };
}
/** Reads a local EPSS file, gunzipping it when it starts with the gzip magic bytes. */
async function readEpss(file, maxBytes = exports.MAX_EPSS_BYTES) {
    let fh;
    try {
        fh = await fs.promises.open(file, 'r');
    }
    catch (err) {
        throw new errors_1.ClairScanError(`EPSS data ${JSON.stringify(file)} cannot be read: ${err.message}`, {
            hint: 'check the epss-data path (relative to the working directory).',
        });
    }
    let gzip;
    try {
        if (!(await fh.stat()).isFile())
            throw bad(file, undefined, 'not a regular file');
        const head = Buffer.alloc(2);
        const { bytesRead } = await fh.read(head, 0, 2, 0);
        gzip = bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
    }
    finally {
        await fh.close();
    }
    return parseEpssSource(fs.createReadStream(file), gzip, file, maxBytes);
}
/** EPSS data already in memory (a download), gzip or plain by its first bytes. */
function readEpssBytes(data, file, maxBytes = exports.MAX_EPSS_BYTES) {
    return parseEpssSource(node_stream_1.Readable.from([data]), data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b, file, maxBytes);
}
async function parseEpssSource(src, gzip, file, maxBytes) {
    const cap = (0, caps_1.byteCap)(maxBytes, `EPSS data ${JSON.stringify(file)}`, 'give epss-data the published EPSS file');
    const stages = [src];
    let out = src;
    if (gzip) {
        const gz = zlib.createGunzip();
        out = out.pipe(gz);
        stages.push(gz);
    }
    out = out.pipe(cap);
    stages.push(cap);
    // pipe() does not forward errors: the last stage carries any stage's error so the line reader sees it.
    let failure;
    for (const s of stages.slice(0, -1)) {
        s.on('error', (err) => {
            failure ??= err;
            cap.destroy(err instanceof errors_1.ClairScanError ? err : bad(file, undefined, `cannot be read: ${err.message}`));
        });
    }
    try {
        return await parseEpss(out, file);
    }
    catch (err) {
        const e = failure ?? err;
        if (e instanceof errors_1.ClairScanError)
            throw e;
        throw bad(file, undefined, `cannot be read: ${e.message}`);
    }
    finally {
        src.destroy();
    }
}


/***/ }),

/***/ 57023:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PUBLISHED_URL = void 0;
exports.fetchData = fetchData;
exports.isOff = isOff;
exports.checkExploitAge = checkExploitAge;
exports.loadExploitData = loadExploitData;
exports.addMemberData = addMemberData;
exports.completeExploitData = completeExploitData;
const errors_1 = __webpack_require__(70017);
const log_1 = __webpack_require__(29906);
const progress_1 = __webpack_require__(65365);
const caps_1 = __webpack_require__(12127);
const epss_1 = __webpack_require__(93617);
const kev_1 = __webpack_require__(5222);
const source_1 = __webpack_require__(4635);
const members_1 = __webpack_require__(46187);
const eol_1 = __webpack_require__(29468);
/** The EPSS file as served (gzip, about 2 MB today); decompressed it is capped by MAX_EPSS_BYTES. */
const MAX_EPSS_DOWNLOAD = 64 * 2 ** 20;
const isUrl = (s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
function loopback(host) {
    const h = host.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
/**
 * GET an exploit-data URL into memory, at most `max` bytes, redirects bounded (data/source.ts fetchFollowing).
 * Also eol-data's (data/eol.ts); `what` names the file in hints.
 */
async function fetchData(input, text, max, ca, what = input === 'kev-data' ? 'KEV catalogue' : 'EPSS file') {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new errors_1.ClairScanError(`${input}: ${JSON.stringify(text.slice(0, 200))} is not a valid URL`, {
            hint: `give ${input} a file path or an https URL.`,
        });
    }
    const label = `${url.protocol}//${url.host}${url.pathname}`;
    if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback(url.hostname)))) {
        throw new errors_1.ClairScanError(`${input}: ${label} is not an https URL`, {
            hint: `give ${input} a file path or an https URL (plain http only to a loopback address).`,
        });
    }
    const res = await (0, source_1.fetchFollowing)(url, { headersTimeout: 60_000, bodyTimeout: 120_000 }, ca).catch((err) => {
        if (err instanceof errors_1.ClairScanError)
            throw err;
        throw new errors_1.ClairScanError(`${input}: cannot download ${label}: ${(0, errors_1.errorMessage)(err)}`, {
            hint: 'check the URL and network access to it.',
            cause: err,
        });
    });
    if (res.statusCode !== 200) {
        await res.body.dump();
        throw new errors_1.ClairScanError(`${input}: downloading ${label} failed: HTTP ${res.statusCode}`, {
            hint: `check the URL of the ${what} mirror.`,
        });
    }
    const body = res.body;
    const chunks = [];
    let n = 0;
    try {
        for await (const c of body) {
            n += c.length;
            if (n > max) {
                body.destroy();
                throw new errors_1.ClairScanError(`${input}: ${label} is larger than ${(0, caps_1.formatCap)(max)}, the limit clair-scan reads`, {
                    hint: `check that the URL serves the published ${what}.`,
                });
            }
            chunks.push(c);
        }
    }
    catch (err) {
        if (err instanceof errors_1.ClairScanError)
            throw err;
        throw new errors_1.ClairScanError(`${input}: the download of ${label} broke off: ${(0, errors_1.errorMessage)(err)}`, {
            hint: 'retry; check the server and the network.',
        });
    }
    return { data: Buffer.concat(chunks), label };
}
async function loadKev(text, ca) {
    if (!isUrl(text))
        return (0, kev_1.readKev)(text);
    const { data, label } = await fetchData('kev-data', text, kev_1.MAX_KEV_BYTES, ca);
    return (0, kev_1.parseKev)(data.toString('utf8'), label);
}
async function loadEpss(text, ca) {
    if (!isUrl(text))
        return (0, epss_1.readEpss)(text);
    const { data, label } = await fetchData('epss-data', text, MAX_EPSS_DOWNLOAD, ca);
    return (0, epss_1.readEpssBytes)(data, label);
}
/** Where online mode fetches each when its input is empty (the published files). */
exports.PUBLISHED_URL = {
    kev: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
    epss: 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz',
};
const INPUT = { kev: 'kev-data', epss: 'epss-data', eol: 'eol-data' };
const WHAT = { kev: 'CISA KEV catalogue', epss: 'EPSS scores', eol: 'end-of-life table' };
/** An input as the notes show it: a URL without its user info (a token must never reach a report). */
function shownInput(v) {
    if (!isUrl(v))
        return v;
    try {
        const u = new URL(v);
        return `${u.protocol}//${u.host}${u.pathname}`;
    }
    catch {
        return v;
    }
}
/** An input value `none` turns that data off explicitly (no member, no online fetch). */
function isOff(v) {
    return v?.trim().toLowerCase() === 'none';
}
const given = (v) => !!v?.trim() && !isOff(v);
/**
 * vuln-data-max-age covers the exploit data by each one's own date (KEV dateReleased, EPSS score_date), as it
 * covers a database image: data older than that is refused (exit 2), for it cannot be refreshed in place. A date in
 * the future counts as fresh (the fixtures and the catalogue itself are dated ahead of nothing we can check).
 */
function checkExploitAge(kind, d, from, maxAgeMs, now = new Date()) {
    if (maxAgeMs === undefined)
        return;
    const { date } = d;
    const ageMs = now.getTime() - Date.parse(date);
    if (ageMs <= maxAgeMs)
        return;
    throw new errors_1.ClairScanError(`the ${WHAT[kind]} (${from}) is dated ${date}, ${(0, progress_1.formatDuration)(ageMs)} old, older than vuln-data-max-age (${(0, progress_1.formatDuration)(maxAgeMs)})`, {
        hint: `give ${INPUT[kind]} a fresher file or mirror URL (the published one is updated ${kind === 'kev' ? 'when CISA adds entries' : kind === 'epss' ? 'daily' : 'as releases change'}), rebuild the snapshot or database image with fresh data, raise vuln-data-max-age, or set ${INPUT[kind]}: none.`,
    });
}
function describe(kind, d) {
    return kind === 'kev'
        ? `CISA KEV catalogue ${d.version} (released ${d.date})`
        : `EPSS scores of ${d.date} (model ${d.modelVersion})`;
}
/**
 * The exploit data given by the inputs (a file or URL), or, online and with the input empty, the published file.
 * A given input that fails is an error (exit 2). An online fetch that fails is a warning and a "not enriched" note,
 * unless fail-on needs that data: then exit 2.
 */
async function loadExploitData(policy, opts = {}) {
    const out = { notes: [] };
    // Per kind, so the notes keep the order kev, epss whichever download finishes first.
    const notes = { kev: [], epss: [] };
    const one = async (kind, value, load) => {
        if (given(value)) {
            const d = await load(value.trim(), opts.ca);
            const from = `${INPUT[kind]} ${shownInput(value.trim())}`;
            checkExploitAge(kind, d, from, opts.maxAgeMs, opts.now);
            notes[kind].push(`Exploit data: the ${describe(kind, d)} from ${from}.`);
            return d;
        }
        if (isOff(value) || !opts.online)
            return undefined;
        try {
            const d = await load(exports.PUBLISHED_URL[kind], opts.ca);
            checkExploitAge(kind, d, exports.PUBLISHED_URL[kind], opts.maxAgeMs, opts.now);
            notes[kind].push(`Exploit data: the ${describe(kind, d)}, fetched from ${exports.PUBLISHED_URL[kind]}.`);
            return d;
        }
        catch (err) {
            if (opts.needs?.[kind]) {
                throw new errors_1.ClairScanError(`fail-on uses ${kind}, but the ${WHAT[kind]} could not be fetched from ${exports.PUBLISHED_URL[kind]}: ${(0, errors_1.errorMessage)(err)}`, {
                    hint: `give ${INPUT[kind]} a local file or a mirror URL reachable from here, or take ${kind} out of fail-on.`,
                    cause: err,
                });
            }
            const note = `The ${WHAT[kind]} could not be fetched from ${exports.PUBLISHED_URL[kind]} (${(0, errors_1.errorMessage)(err)}): the findings are not enriched with it (which never means "not exploited"). Give ${INPUT[kind]} a file or a mirror URL, or set it to none.`;
            log_1.log.warn(note);
            notes[kind].push(note);
            return undefined;
        }
    };
    const [kev, epss] = await Promise.all([one('kev', policy.kevData, loadKev), one('epss', policy.epssData, loadEpss)]);
    if (kev)
        out.kev = kev;
    if (epss)
        out.epss = epss;
    out.notes.push(...notes.kev, ...notes.epss);
    return out;
}
/**
 * Fills what the inputs left empty from the members the vulnerability data carries (a snapshot's or a database
 * image's): an explicit input wins, `none` keeps it off. Then data fail-on needs and nobody gave is exit 2.
 */
function addMemberData(load, members, policy, opts = {}) {
    if (members?.eol && !policy.eolData?.trim()) {
        checkExploitAge('eol', members.eol, `carried by ${members.label}`, opts.maxAgeMs, opts.now);
        load.eol = members.eol;
        load.notes.push(`End-of-life data: the table of ${members.eol.date} carried by the vulnerability data ${members.label}.`);
    }
    const value = { kev: policy.kevData, epss: policy.epssData };
    for (const kind of ['kev', 'epss']) {
        const d = members?.[kind];
        if (!d || load[kind] || given(value[kind]) || isOff(value[kind]))
            continue;
        checkExploitAge(kind, d, `carried by ${members.label}`, opts.maxAgeMs, opts.now);
        load[kind] = d;
        load.notes.push(`Exploit data: the ${describe(kind, d)} carried by the vulnerability data ${members.label}.`);
    }
    const missing = ['kev', 'epss'].filter((k) => opts.needs?.[k] && !load[k]);
    if (missing.length) {
        throw new errors_1.ClairScanError(`fail-on uses ${missing.join(' and ')}, but no ${missing.map((k) => WHAT[k]).join(' or ')} ${missing.length > 1 ? 'were' : 'was'} given or carried by the vulnerability data: the rule could never fire`, {
            hint: `give ${missing.map((k) => INPUT[k]).join(' and ')} (a file in the published format, or an https URL of a mirror), use vulnerability data that carries ${missing.length > 1 ? 'them' : 'it'} (\`clair-scan data export --${missing.map((k) => INPUT[k]).join(' --')} …\`), or take ${missing.join(' and ')} out of fail-on. See docs/policy.md.`,
        });
    }
    return load;
}
/**
 * After the vulnerability data is loaded: the members it carries (data/members.ts reads the verified files) fill
 * what the inputs left empty, then addMemberData's fail-closed check.
 */
async function completeExploitData(load, carried, policy, opts = {}) {
    const s = carried.snapshot;
    if (s)
        return addMemberData(load, { ...(await (0, members_1.readSnapshotMembers)(s.bundlePath, s.members)), label: s.label }, policy, opts);
    const i = carried.image;
    if (!i)
        return addMemberData(load, undefined, policy, opts);
    // A database image's members, already checked against its labels' sha256: parsed from memory.
    const label = (name) => `${i.label} (${name})`;
    return addMemberData(load, {
        ...(i.bytes.kev ? { kev: (0, kev_1.parseKev)(i.bytes.kev.toString('utf8'), label('kev')) } : {}),
        ...(i.bytes.epss ? { epss: await (0, epss_1.readEpssBytes)(i.bytes.epss, label('epss')) } : {}),
        ...(i.bytes.eol ? { eol: (0, eol_1.readEolBytes)(i.bytes.eol, label('eol')) } : {}),
        label: i.label,
    }, policy, opts);
}


/***/ }),

/***/ 5222:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CVE_ID = exports.MAX_KEV_BYTES = void 0;
exports.parseKev = parseKev;
exports.readKev = readKev;
/**
 * The CISA Known Exploited Vulnerabilities catalogue (`known_exploited_vulnerabilities.json`, issue 22) in its
 * published format: `title`, `catalogVersion`, `dateReleased`, `count`, `vulnerabilities[]` with `cveID`,
 * `dateAdded`, `dueDate`, `knownRansomwareCampaignUse`, … Only what the findings carry is kept, keyed by CVE id in
 * a Map (a hostile `__proto__` id must not reach an object's prototype). Every entry is checked: a bad one is an
 * error naming the file and the entry's index, never skipped (a skipped entry would read as "not exploited").
 */
const errors_1 = __webpack_require__(70017);
const caps_1 = __webpack_require__(12127);
/** The real catalogue is about 1.5 MB (some 1,500 entries); 64 MiB leaves room for decades of growth. */
exports.MAX_KEV_BYTES = 64 * 2 ** 20;
exports.CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HINT = 'give kev-data the CISA catalogue as published (https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json) or an unmodified mirror of it';
function bad(file, what) {
    return new errors_1.ClairScanError(`KEV data ${JSON.stringify(file)}: ${what}`, { hint: `${HINT}.` });
}
function str(o, key) {
    const v = Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
    return typeof v === 'string' ? v : undefined;
}
/** Parses the catalogue's text; `file` names it in errors. */
function parseKev(text, file) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw bad(file, `not JSON (${err.message})`);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
        throw bad(file, 'not a JSON object');
    const top = doc;
    const version = str(top, 'catalogVersion');
    const date = str(top, 'dateReleased');
    if (!version?.trim())
        throw bad(file, 'no "catalogVersion" (is this the KEV catalogue?)');
    if (!date || Number.isNaN(Date.parse(date)))
        throw bad(file, `"dateReleased" is not a date: ${JSON.stringify(top.dateReleased ?? null)}`);
    const list = Object.prototype.hasOwnProperty.call(top, 'vulnerabilities') ? top.vulnerabilities : undefined;
    if (!Array.isArray(list))
        throw bad(file, 'no "vulnerabilities" array');
    if (typeof top.count === 'number' && top.count !== list.length) {
        throw bad(file, `"count" says ${top.count} entries but "vulnerabilities" has ${list.length} (a truncated download?)`);
    }
    const entries = new Map();
    list.forEach((v, i) => {
        const where = `vulnerabilities[${i}]`;
        if (!v || typeof v !== 'object' || Array.isArray(v))
            throw bad(file, `${where} is not an object`);
        const o = v;
        const id = str(o, 'cveID');
        if (!id || !exports.CVE_ID.test(id))
            throw bad(file, `${where}.cveID is not a CVE id (CVE-YYYY-NNNN): ${JSON.stringify(o.cveID ?? null).slice(0, 80)}`);
        const dateAdded = str(o, 'dateAdded');
        const dueDate = str(o, 'dueDate');
        if (!dateAdded || !DATE.test(dateAdded))
            throw bad(file, `${where} (${id}).dateAdded is not a YYYY-MM-DD date`);
        if (!dueDate || !DATE.test(dueDate))
            throw bad(file, `${where} (${id}).dueDate is not a YYYY-MM-DD date`);
        const rw = str(o, 'knownRansomwareCampaignUse');
        if (rw !== 'Known' && rw !== 'Unknown')
            throw bad(file, `${where} (${id}).knownRansomwareCampaignUse is neither "Known" nor "Unknown"`);
        if (entries.has(id))
            throw bad(file, `${where}: ${id} is listed twice`);
        entries.set(id, { dateAdded, dueDate, ransomware: rw === 'Known' });
    });
    return { version: version.trim(), date, entries };
}
/** Reads and parses a local catalogue file, refusing one larger than MAX_KEV_BYTES before reading it. */
async function readKev(file, maxBytes = exports.MAX_KEV_BYTES) {
    return parseKev((await (0, caps_1.readCappedFile)(file, maxBytes, 'KEV data', 'kev-data', bad)).toString('utf8'), file);
}


/***/ }),

/***/ 46187:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MEMBER_INPUT = void 0;
exports.describeMember = describeMember;
exports.describeMembers = describeMembers;
exports.readSnapshotMembers = readSnapshotMembers;
/**
 * The exploit data a snapshot or a database image carries (issue 22): `data export` / `data image build` read each
 * file given (`--kev-data`, `--epss-data`, `--eol-data`) with the same parser a scan uses, so a bad file fails the
 * build, not a later scan, and its own date goes into the manifest and the labels. A scan reads the members back
 * from the verified files beside the bundle (data/snapshot.ts verifyMembers) with the same parsers.
 */
const fs = __importStar(__webpack_require__(73024));
const errors_1 = __webpack_require__(70017);
const kev_1 = __webpack_require__(5222);
const epss_1 = __webpack_require__(93617);
const eol_1 = __webpack_require__(29468);
const snapshot_1 = __webpack_require__(24070);
/** The input (and data CLI option) that names each member. */
exports.MEMBER_INPUT = { kev: 'kev-data', epss: 'epss-data', eol: 'eol-data' };
/** Reads a member file as a scan would, for its date and version: a bad file is an error naming the option. */
async function describeMember(name, file) {
    if (!fs.existsSync(file))
        throw new errors_1.ClairScanError(`--${exports.MEMBER_INPUT[name]} ${JSON.stringify(file)} does not exist`, {
            hint: `give --${exports.MEMBER_INPUT[name]} a local file in the published format.`,
        });
    if (name === 'kev') {
        const k = await (0, kev_1.readKev)(file);
        return { path: file, date: k.date, version: k.version };
    }
    if (name === 'epss') {
        const e = await (0, epss_1.readEpss)(file);
        return { path: file, date: e.date, version: e.modelVersion };
    }
    const t = await (0, eol_1.readEol)(file);
    return { path: file, date: t.date };
}
/** The member files given to `data export` / `data image build`, read and dated. */
async function describeMembers(files) {
    const out = {};
    for (const [name, file] of Object.entries(files))
        if (file)
            out[name] = await describeMember(name, file);
    return out;
}
/** Reads the KEV / EPSS members of a verified snapshot at `bundlePath`. */
async function readSnapshotMembers(bundlePath, members) {
    const out = {};
    if (members.kev)
        out.kev = await (0, kev_1.readKev)((0, snapshot_1.memberPathFor)(bundlePath, members.kev));
    if (members.epss)
        out.epss = await (0, epss_1.readEpss)((0, snapshot_1.memberPathFor)(bundlePath, members.epss));
    if (members.eol)
        out.eol = await (0, eol_1.readEol)((0, snapshot_1.memberPathFor)(bundlePath, members.eol));
    return out;
}


/***/ })

};
;