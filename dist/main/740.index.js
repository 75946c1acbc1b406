"use strict";
exports.id = 740;
exports.ids = [740];
exports.modules = {

/***/ 11164:
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
exports.RESTORE_SQL_HEAD = void 0;
exports.parseVersionText = parseVersionText;
exports.untangleRecord = untangleRecord;
exports.copyText = copyText;
exports.copyLine = copyLine;
exports.restoreSqlTail = restoreSqlTail;
exports.rewriteRangeBundle = rewriteRangeBundle;
exports.countRangeRecords = countRangeRecords;
exports.countRangeRecordsInFile = countRangeRecordsInFile;
exports.importWithRanges = importWithRanges;
/**
 * Version ranges for clairctl 4.9.0: a contained workaround, used by importBundle (vuln-data.ts). clairctl 4.9.0's
 * import cannot encode claircore's VersionRange, so a bundle with range records (OSV Go/npm…, rhel-vex) fails whole.
 * For our own ephemeral Clair only: the ranges are stripped (each record tagged), clairctl imports the copy, and one
 * SQL script restores them; the row count must match or the transaction rolls back (exit 2). Bundle values reach
 * PostgreSQL only as escaped COPY data. Goes once clairctl registers the type.
 * Why, how, and when it can go: docs/decisions/clairctl-version-ranges.md.
 */
const node_crypto_1 = __webpack_require__(77598);
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const promises_1 = __webpack_require__(46466);
const zlib = __importStar(__webpack_require__(38522));
const errors_1 = __webpack_require__(70017);
const bundle_stream_1 = __webpack_require__(42787);
const progress_1 = __webpack_require__(65365);
const postgres_1 = __webpack_require__(20078);
/** The slots of a claircore.Version (`V [10]int32`). */
const VERSION_SLOTS = 10;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
/**
 * A claircore.Version as its UnmarshalText reads the JSON text `kind:n.n.n…` (claircore version.go): no colon
 * (or null) is the zero Version (kind ""), missing slots are 0. What clairctl would reject — a non-string, a
 * slot that is no int32 — or crash on (more than 10 slots) is an error here too.
 */
function parseVersionText(value) {
    const v = new Array(VERSION_SLOTS).fill(0);
    if (value === null || value === undefined)
        return { kind: '', v };
    if (typeof value !== 'string')
        throw new Error(`a range bound is ${JSON.stringify(value)}, not a version string such as "semver:0.1.2.3.0.0.0.0.0.0"`);
    const idx = value.indexOf(':');
    if (idx < 0)
        return { kind: '', v };
    const parts = value.slice(idx + 1).split('.');
    if (parts.length > VERSION_SLOTS)
        throw new Error(`the range bound "${value}" has ${parts.length} numbers; a claircore version has ${VERSION_SLOTS}`);
    parts.forEach((p, i) => {
        // strconv.ParseInt(p, 10, 32): an optional sign, decimal digits, within int32.
        const n = /^[+-]?[0-9]+$/.test(p) ? Number(p) : NaN;
        if (!Number.isInteger(n) || n < INT32_MIN || n > INT32_MAX)
            throw new Error(`the range bound "${value}" has "${p}", not a 32-bit integer`);
        v[i] = n === 0 ? 0 : n; // no -0
    });
    return { kind: value.slice(0, idx), v };
}
/**
 * Takes the range out of one record (mutated) and tags its links; the row that restores it. `tag` must be unique
 * in the database (a per-import nonce and the record's number).
 */
function untangleRecord(vuln, tag) {
    const r = (0, bundle_stream_1.goField)(vuln, 'range');
    if (!r || r.value === null)
        throw new Error('the record has no range');
    if (typeof r.value !== 'object' || Array.isArray(r.value))
        throw new Error(`its range is ${JSON.stringify(r.value)}, not an object {"[": lower, ")": upper}`);
    const range = r.value;
    const lower = parseVersionText(range['[']);
    const upper = parseVersionText(range[')']);
    const l = (0, bundle_stream_1.goField)(vuln, 'links');
    const links = l === undefined || l.value === null ? '' : l.value;
    if (typeof links !== 'string')
        throw new Error(`its links are ${JSON.stringify(links)}, not a string`);
    if (links.includes('\0'))
        throw new Error('its links contain a NUL character, which PostgreSQL text cannot hold');
    const tagged = links === '' ? tag : `${links} ${tag}`;
    delete vuln[r.key];
    vuln[l?.key ?? 'links'] = tagged;
    return { tagged, links, kind: lower.kind === upper.kind ? lower.kind : null, lower: lower.v, upper: upper.v };
}
/** A value in PostgreSQL's COPY text format: backslash, newline, carriage return and tab escaped; NULL is \N. */
function copyText(value) {
    if (value === null)
        return '\\N';
    if (value.includes('\0'))
        throw new Error('a NUL character cannot be sent to PostgreSQL');
    return value.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]);
}
/** One COPY line of a RangeRow (int arrays as `{1,2,…}`). */
function copyLine(row) {
    return `${[copyText(row.tagged), copyText(row.links), copyText(row.kind), `{${row.lower.join(',')}}`, `{${row.upper.join(',')}}`].join('\t')}\n`;
}
/** The SQL before the COPY data: a temp table dropped at commit. */
exports.RESTORE_SQL_HEAD = [
    '\\set ON_ERROR_STOP on',
    'BEGIN;',
    'CREATE TEMP TABLE clair_scan_range (tagged text NOT NULL, links text NOT NULL, kind text, lower int[] NOT NULL, upper int[] NOT NULL) ON COMMIT DROP;',
    'COPY clair_scan_range (tagged, links, kind, lower, upper) FROM STDIN;',
    '',
].join('\n');
/**
 * The SQL after the COPY data (`\.` ends it): one UPDATE … FROM restores every tagged row; unless exactly
 * `expected` rows were updated the transaction fails (and rolls back). The result line is `restored <n>`.
 */
function restoreSqlTail(expected) {
    if (!Number.isSafeInteger(expected) || expected < 0)
        throw new Error(`bad row count ${expected}`);
    return [
        '\\.',
        'ANALYZE clair_scan_range;',
        'CREATE TEMP TABLE clair_scan_restored ON COMMIT DROP AS WITH u AS (',
        "  UPDATE vuln SET links = r.links, version_kind = r.kind, vulnerable_range = VersionRange(r.lower, r.upper, '[)')",
        '  FROM clair_scan_range r WHERE vuln.links = r.tagged RETURNING 1',
        ') SELECT count(*) AS n FROM u;',
        'DO $$ DECLARE n bigint; BEGIN',
        '  SELECT clair_scan_restored.n INTO n FROM clair_scan_restored;',
        `  IF n <> ${expected} THEN RAISE EXCEPTION 'clair-scan: % rows with a version range restored, ${expected} expected', n; END IF;`,
        'END $$;',
        "SELECT 'restored', n FROM clair_scan_restored;",
        'COMMIT;',
        '',
    ].join('\n');
}
/**
 * One streaming pass: `file` (plain, gzip or zstd JSON lines) → `outDir`/bundle.json.gz (for clairctl) and
 * `outDir`/restore.sql. `skip`: `updater\0fingerprint` pairs already in the database, whose records clairctl
 * does not import (libvuln OfflineImport), so none of their rows can be restored.
 */
async function rewriteRangeBundle(file, outDir, opts = {}) {
    const label = opts.label ?? file;
    const bundle = path.join(outDir, 'bundle.json.gz');
    const sql = path.join(outDir, 'restore.sql');
    const nonce = (0, node_crypto_1.randomBytes)(12).toString('hex');
    const gzip = zlib.createGzip({ level: 1 });
    const bundleDone = (0, promises_1.pipeline)(gzip, fs.createWriteStream(bundle, { mode: 0o600 }));
    const sqlOut = fs.createWriteStream(sql, { mode: 0o600 });
    // 'close' comes after 'finish' (the file is complete) and also after destroy() on an error path.
    const sqlDone = new Promise((resolve, reject) => {
        sqlOut.on('close', resolve);
        sqlOut.on('error', reject);
    });
    sqlOut.write(exports.RESTORE_SQL_HEAD);
    let lineNo = 0;
    let rangeRecords = 0;
    let restored = 0;
    // The first failure wins: a bad record aborts the pipeline, whose AbortError says nothing.
    let recordError;
    // Backpressure: the line callback is synchronous, so writes are batched and awaited per input chunk.
    let pendingBundle = [];
    let pendingSql = [];
    const onLine = (line) => {
        lineNo++;
        if (line.trim() === '') {
            pendingBundle.push(line);
            return;
        }
        let rec;
        let ranged;
        try {
            rec = JSON.parse(line);
            ranged = rec !== null && typeof rec === 'object' && !Array.isArray(rec) && (0, bundle_stream_1.hasRange)(rec);
        }
        catch (err) {
            throw (recordError = badRecord(label, lineNo, (0, bundle_stream_1.errorText)(err)));
        }
        if (!ranged) {
            pendingBundle.push(line);
            return;
        }
        rangeRecords++;
        let row;
        try {
            row = untangleRecord((0, bundle_stream_1.vulnOf)(rec), `clair-scan-range:${nonce}:${rangeRecords}`);
        }
        catch (err) {
            throw (recordError = badRecord(label, lineNo, (0, bundle_stream_1.errorText)(err)));
        }
        pendingBundle.push(JSON.stringify(rec));
        if (!opts.skip?.has(`${String(rec.Updater)}\0${String(rec.Fingerprint)}`)) {
            restored++;
            pendingSql.push(copyLine(row));
        }
    };
    const flush = async () => {
        if (pendingBundle.length) {
            const text = `${pendingBundle.join('\n')}\n`;
            pendingBundle = [];
            if (!gzip.write(text))
                await drained(gzip);
        }
        if (pendingSql.length) {
            const text = pendingSql.join('');
            pendingSql = [];
            if (!sqlOut.write(text))
                await drained(sqlOut);
        }
    };
    const progress = (0, progress_1.startProgress)(`Rewriting version ranges of ${path.basename(file)}`);
    try {
        const compression = await (0, bundle_stream_1.compressionOfFile)(file);
        await (0, promises_1.pipeline)(fs.createReadStream(file), (0, bundle_stream_1.decompressor)(compression, { what: `vulnerability data "${label}"` }), async (source) => {
            // forEachLine is synchronous per chunk; flush what each chunk produced before reading the next.
            const chunks = (async function* () {
                for await (const chunk of source) {
                    yield chunk;
                    progress.records = lineNo;
                    await flush();
                }
            })();
            await (0, bundle_stream_1.forEachLine)(chunks, onLine, { what: `vulnerability data "${label}"` });
            await flush();
        });
        gzip.end();
        sqlOut.end(restoreSqlTail(restored));
        await Promise.all([bundleDone, sqlDone]);
    }
    catch (err) {
        gzip.destroy();
        sqlOut.destroy();
        await Promise.allSettled([bundleDone, sqlDone]);
        if (recordError)
            throw recordError;
        if (err instanceof errors_1.ClairScanError)
            throw err;
        throw new errors_1.ClairScanError(`vulnerability data "${label}" could not be rewritten for its version ranges: ${(0, bundle_stream_1.errorText)(err)}`, {
            hint: 'the bundle is damaged or incomplete, or the disk of the temp directory is full: export or fetch it again.',
        });
    }
    finally {
        progress.stop();
    }
    return { bundle, sql, rangeRecords, restored };
}
/** Waits for a writable's 'drain'; an error or close instead (a full disk) rejects, so the pass cannot hang. */
function drained(w) {
    return new Promise((resolve, reject) => {
        const done = (err) => {
            w.off('drain', onDrain);
            w.off('error', onError);
            w.off('close', onClose);
            if (err)
                reject(err instanceof Error ? err : new Error(String(err)));
            else
                resolve();
        };
        const onDrain = () => done();
        const onError = (err) => done(err ?? new Error('write failed'));
        const onClose = () => done(new Error('the output closed before it was written'));
        w.once('drain', onDrain);
        w.once('error', onError);
        w.once('close', onClose);
    });
}
function badRecord(label, lineNo, what) {
    return new errors_1.ClairScanError(`vulnerability data "${label}" cannot be loaded: line ${lineNo}: ${what}`, {
        hint: "the record is not what claircore's updaters write (clairctl would refuse it too): export the bundle again with `clairctl export-updaters` / `clair-scan data export`.",
    });
}
/**
 * Counts the range records of a bundle in one streaming pass, for callers without a verification scan (which
 * counts them anyway: data/snapshot.ts). Only lines that mention "range" (any case) are parsed. A key spelled
 * with JSON escapes is missed here — clairctl then fails as before (exit 2), never a silent "no data".
 */
async function countRangeRecords(raw, compression) {
    let n = 0;
    const onLine = (line) => {
        if (!/"range"/i.test(line))
            return;
        try {
            const rec = JSON.parse(line);
            if (rec !== null && typeof rec === 'object' && !Array.isArray(rec) && (0, bundle_stream_1.hasRange)(rec))
                n++;
        }
        catch {
            // Not ours to judge: clairctl reports a record it cannot read.
        }
    };
    await (0, promises_1.pipeline)(raw, (0, bundle_stream_1.decompressor)(compression), (s) => (0, bundle_stream_1.forEachLine)(s, onLine));
    return n;
}
/** countRangeRecords of a bundle file (its compression from its first bytes). */
async function countRangeRecordsInFile(file) {
    return countRangeRecords(fs.createReadStream(file), await (0, bundle_stream_1.compressionOfFile)(file));
}
/** The update operations already in the database: `updater\0fingerprint` (clairctl skips those runs). */
async function importedRuns(docker, pg) {
    // Hex, so that no value can break the tab/newline framing of psql's output.
    const rows = await (0, postgres_1.query)(docker, pg, "SELECT DISTINCT encode(convert_to(updater, 'UTF8'), 'hex'), encode(convert_to(fingerprint, 'UTF8'), 'hex') FROM update_operation WHERE kind = 'vulnerability'");
    const hex = (h) => Buffer.from(h ?? '', 'hex').toString('utf8');
    return new Set(rows.map((r) => `${hex(r[0])}\0${hex(r[1])}`));
}
/** A private temp dir, registered with the run (when there is one) so that every way a run ends removes it. */
function tempDir(state) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `clair-scan-${state?.runId ?? 'run'}-ranges-`));
    fs.chmodSync(dir, 0o700);
    state?.tempDirs.push(dir);
    return {
        dir,
        remove: async () => {
            await fs.promises.rm(dir, { recursive: true, force: true });
            const i = state ? state.tempDirs.indexOf(dir) : -1;
            if (i >= 0)
                state?.tempDirs.splice(i, 1);
        },
    };
}
/**
 * Imports a local bundle that holds range records: rewrite, `importRewritten(path)` (clairctl, the caller's),
 * restore in one SQL pass. Throws a ClairScanError (exit 2) when the restore does not account for every record.
 */
async function importWithRanges(docker, pg, file, opts) {
    const tmp = tempDir(opts.state);
    try {
        const skip = await importedRuns(docker, pg);
        const rw = await rewriteRangeBundle(file, tmp.dir, { skip, label: opts.label });
        await opts.importRewritten(rw.bundle);
        if (rw.restored > 0)
            await runRestore(docker, pg, rw.sql, rw.restored, opts.timeoutMs);
        return { rangeRecords: rw.rangeRecords, restored: rw.restored };
    }
    finally {
        await tmp.remove();
    }
}
/** Streams the restore script into the PostgreSQL container and runs it with psql (one transaction). */
async function runRestore(docker, pg, sqlFile, expected, timeoutMs) {
    const name = `clair-scan-range-${(0, node_crypto_1.randomBytes)(8).toString('hex')}.sql`;
    await docker.putFiles(pg.container, '/tmp', { [name]: { path: sqlFile } }, { mode: 0o644 });
    let r;
    try {
        r = await docker.exec(pg.container, (0, postgres_1.psqlArgv)(pg, ['-f', `/tmp/${name}`], { tcp: true }), {
            env: { PGPASSWORD: pg.password },
            timeoutMs,
        });
    }
    finally {
        await docker.exec(pg.container, ['rm', '-f', `/tmp/${name}`], { timeoutMs: 30_000 }).catch(() => undefined);
    }
    const got = /^restored\t(\d+)$/m.exec(r.stdout)?.[1];
    if (r.exitCode !== 0 || Number(got) !== expected) {
        throw new errors_1.ClairScanError(`the ${expected} vulnerability records with a version range could not be completed in Clair's database after clairctl imported them`, {
            hint: 'clairctl 4.9.0 cannot store version ranges itself, so clair-scan writes them in a second step, which did not account for every record: this is unexpected; see the details and report it.',
            details: (r.stderr || r.stdout).trimEnd().split('\n').slice(-20).join('\n'),
        });
    }
}


/***/ })

};
;