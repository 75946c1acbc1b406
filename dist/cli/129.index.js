"use strict";
exports.id = 129;
exports.ids = [129];
exports.modules = {

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
exports.loadExploitData = loadExploitData;
const errors_1 = __webpack_require__(70017);
const caps_1 = __webpack_require__(12127);
const epss_1 = __webpack_require__(93617);
const kev_1 = __webpack_require__(5222);
const source_1 = __webpack_require__(4635);
/** The EPSS file as served (gzip, about 2 MB today); decompressed it is capped by MAX_EPSS_BYTES. */
const MAX_EPSS_DOWNLOAD = 64 * 2 ** 20;
const isUrl = (s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
function loopback(host) {
    const h = host.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
/** GET an exploit-data URL into memory, at most `max` bytes, redirects bounded (data/source.ts fetchFollowing). */
async function fetchData(input, text, max, ca) {
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
            hint: `check the URL of the ${input === 'kev-data' ? 'KEV catalogue' : 'EPSS file'} mirror.`,
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
                    hint: `check that the URL serves the published ${input === 'kev-data' ? 'KEV catalogue' : 'EPSS file'}.`,
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
/** `ca`: registry-ca-file, trusted for an https mirror as for an https vuln-data URL. */
async function loadExploitData(policy, ca) {
    const [kev, epss] = await Promise.all([
        policy.kevData ? loadKev(policy.kevData, ca) : undefined,
        policy.epssData ? loadEpss(policy.epssData, ca) : undefined,
    ]);
    return { ...(kev ? { kev } : {}), ...(epss ? { epss } : {}) };
}


/***/ }),

/***/ 5222:
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
const fs = __importStar(__webpack_require__(73024));
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
    let size;
    try {
        const st = await fs.promises.stat(file);
        if (!st.isFile())
            throw bad(file, 'not a regular file');
        size = st.size;
    }
    catch (err) {
        if (err instanceof errors_1.ClairScanError)
            throw err;
        throw new errors_1.ClairScanError(`KEV data ${JSON.stringify(file)} cannot be read: ${err.message}`, {
            hint: 'check the kev-data path (relative to the working directory).',
        });
    }
    if (size > maxBytes)
        throw bad(file, `${size} bytes, more than the ${(0, caps_1.formatCap)(maxBytes)} clair-scan reads`);
    return parseKev(await fs.promises.readFile(file, 'utf8'), file);
}


/***/ })

};
;