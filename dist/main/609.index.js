"use strict";
exports.id = 609;
exports.ids = [609];
exports.modules = {

/***/ 5950:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isBatch = void 0;
exports.batchResultLines = batchResultLines;
exports.runBatchCli = runBatchCli;
const log_1 = __webpack_require__(29906);
const run_1 = __webpack_require__(78453);
const outputs_1 = __webpack_require__(27390);
var inputs_1 = __webpack_require__(69503);
Object.defineProperty(exports, "isBatch", ({ enumerable: true, get: function () { return inputs_1.isBatch; } }));
/** What happened, for a log: the totals, then each image that errored or failed the policy. */
function batchResultLines(outcome) {
    return [
        `Batch: ${(0, outputs_1.batchHeadline)(outcome.summary)}.`,
        ...outcome.summary.images
            .filter((i) => i.verdict === 'error')
            .map((e) => `  error  ${e.image}: ${e.error?.message}`),
        ...outcome.summary.images
            .filter((i) => i.verdict === 'fail')
            .map((e) => `  fail   ${e.image}: ${e.failedRules.join('; ')}`),
    ];
}
/** `publish`: the CLI's CI platform's batch outputs (publish/platforms.ts), after the result lines. */
async function runBatchCli(raw, onState, publish) {
    const outcome = await (0, run_1.runBatch)(raw, { onState });
    (0, log_1.print)(batchResultLines(outcome)
        .map((l) => `${l}\n`)
        .join(''));
    log_1.log.info(`vulnerable.list: ${outcome.files.vulnerableList}`);
    log_1.log.info(`batch summary: ${outcome.files.summary}`);
    await publish?.(outcome);
    return outcome.exitCode;
}


/***/ }),

/***/ 69503:
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
exports.isBatch = void 0;
exports.parseBatchInputs = parseBatchInputs;
exports.batchCredentialHosts = batchCredentialHosts;
exports.listingAuth = listingAuth;
/**
 * Batch mode's image list: `image` lines, `images-file`, registry listings (filtered by `tags`). `concurrency`,
 * `resume` and `image-timeout` are `Settings.batch` (src/inputs/settings.ts, bounds from the input table), checked
 * here before any listing. The per-image Settings are parsed once the image list is known, so that its registry
 * hosts bind the registry credentials as for any scan.
 */
const fs = __importStar(__webpack_require__(73024));
const errors_1 = __webpack_require__(70017);
const ca_1 = __webpack_require__(72613);
const definitions_1 = __webpack_require__(33775);
const settings_1 = __webpack_require__(70900);
const registry_1 = __webpack_require__(43718);
const reference_1 = __webpack_require__(23564);
const registry_list_1 = __webpack_require__(45226);
/** Largest images-file read (a million lines of references is far beyond any fleet). */
const MAX_IMAGES_FILE_BYTES = 64 << 20;
function value(raw, name) {
    const v = raw(name);
    return v === undefined || v.trim() === '' ? (0, definitions_1.inputDefinition)(name).default : v.trim();
}
function lines(text) {
    return text
        .split('\n')
        .map((l) => l.replace(/#.*$/, '').trim())
        .filter(Boolean);
}
var mode_1 = __webpack_require__(88461);
Object.defineProperty(exports, "isBatch", ({ enumerable: true, get: function () { return mode_1.isBatch; } }));
function parseBatchInputs(raw) {
    // Settings.batch's inputs fail here, before a registry is listed (runBatch reads them from Settings.batch).
    const batch = (0, settings_1.parseBatchSettings)(raw);
    const all = lines((raw('image') ?? '').replace(/,/g, '\n'));
    const file = batch.imagesFile ?? '';
    if (file) {
        let text;
        try {
            const st = fs.statSync(file);
            if (!st.isFile())
                throw new Error('not a file');
            if (st.size > MAX_IMAGES_FILE_BYTES)
                throw new Error(`larger than ${MAX_IMAGES_FILE_BYTES >> 20} MiB`);
            text = fs.readFileSync(file, 'utf8');
        }
        catch (err) {
            throw new errors_1.ClairScanError(`images-file "${file}" cannot be read: ${(0, errors_1.errorMessage)(err)}`, {
                hint: 'give the path of a text file with one image reference per line (# starts a comment).',
            });
        }
        all.push(...lines(text));
    }
    const unique = [...new Set(all)];
    if (unique.length === 0) {
        throw new errors_1.ClairScanError(file ? `images-file "${file}" lists no image` : 'no image to scan was given', {
            hint: 'write one image reference per line (registry:HOST/ORG/* lists a registry), e.g. registry:ghcr.io/org/app:1.2.',
        });
    }
    const listings = unique.map(registry_list_1.parseListing).filter((l) => !!l);
    return { lines: unique, listings, keepTag: (0, registry_list_1.tagFilter)(batch.tags) };
}
/**
 * The hosts registry-username/registry-password are bound to for the whole batch: registry-host, else the
 * registry of the first line that names one (a listing's, or an image's) — one registry, never every registry of
 * the list (an images file may name third-party registries: they are read anonymously or with their own Docker
 * config credentials).
 */
function batchCredentialHosts(raw, req) {
    const explicit = value(raw, 'registry-host')
        .split(/[\n,]/)
        .map((h) => h.trim())
        .filter(Boolean);
    const imageSource = value(raw, 'image-source').toLowerCase();
    const images = req.lines.map((line) => {
        const listing = req.listings.find((l) => l.input === line.trim());
        return listing ? { ref: `${listing.registry}/listing`, source: 'registry' } : (0, reference_1.parseImageRequest)(line);
    });
    return (0, reference_1.credentialHosts)(explicit, images, imageSource).map(registry_1.normalizeHost);
}
/** Credentials for listing a registry: bound as for the images (batchCredentialHosts). */
function listingAuth(raw, req) {
    const insecure = (0, settings_1.parseBoolean)(value(raw, 'registry-insecure')) ?? false;
    return {
        username: raw('registry-username')?.trim() || undefined,
        password: raw('registry-password')?.trim() || undefined,
        insecure,
        hosts: batchCredentialHosts(raw, req),
        // The listing's registry may be behind a private CA like the images' (registry-ca-file, util/ca.ts).
        ca: (0, ca_1.loadCaBundle)(raw('registry-ca-file')),
    };
}


/***/ }),

/***/ 89412:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LayerPool = void 0;
class LayerPool {
    server;
    entries = new Map();
    published = 0;
    reused = 0;
    constructor(server) {
        this.server = server;
    }
    /** Publishes what the image brings that is not already published; its own close() waits for every borrower. */
    lease(image) {
        const holder = { refs: 1, close: () => image.close() };
        const urls = new Map();
        const used = [];
        for (const l of image.layers) {
            if (urls.has(l.digest))
                continue; // a layer listed twice in one image
            let e = this.entries.get(l.digest);
            if (e)
                this.reused++;
            else {
                const url = this.server.publish([l]).get(l.digest);
                e = { layer: l, owner: holder, users: 0, url };
                holder.refs++;
                this.entries.set(l.digest, e);
                this.published++;
            }
            e.users++;
            used.push(e);
            urls.set(l.digest, e.url);
        }
        let released = false;
        return {
            urls,
            release: async () => {
                if (released)
                    return;
                released = true;
                const closing = [holder];
                for (const e of used) {
                    if (--e.users > 0)
                        continue;
                    this.entries.delete(e.layer.digest);
                    this.server.unpublish([e.layer]);
                    closing.push(e.owner);
                }
                for (const h of closing)
                    if (--h.refs === 0)
                        await h.close();
            },
        };
    }
    /** Layers published (once each) and layer uses served by an already published copy. */
    stats() {
        return { published: this.published, reused: this.reused, inFlight: this.entries.size };
    }
}
exports.LayerPool = LayerPool;


/***/ }),

/***/ 27390:
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
exports.BatchState = exports.BATCH_SUMMARY_SCHEMA_VERSION = exports.VULNERABLE_LIST_FILE = exports.SUMMARY_FILE = void 0;
exports.batchHeadline = batchHeadline;
exports.failedRules = failedRules;
exports.vulnerableList = vulnerableList;
exports.imageDirName = imageDirName;
exports.writeAtomic = writeAtomic;
/**
 * What a batch leaves in output-dir for the job after it:
 * - `vulnerable.list`: one line per image that failed the policy, `<image>\t<failed rules>` (rules joined by
 *   `; `), in the order the images were given; empty when none failed.
 * - `batch-summary.json`: per image the digest, verdict (`pass`, `fail`, `error`), counts and the error.
 * - `batch-state.jsonl`: the resume state (a header line, then one line per finished image).
 */
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const node_crypto_1 = __webpack_require__(77598);
const errors_1 = __webpack_require__(70017);
exports.SUMMARY_FILE = 'batch-summary.json';
exports.VULNERABLE_LIST_FILE = 'vulnerable.list';
const STATE_FILE = 'batch-state.jsonl';
exports.BATCH_SUMMARY_SCHEMA_VERSION = '1.0.0';
/** `4 images: 1 passed, 2 failed the policy, 1 errored (1 done by an earlier run)`: the batch in one line. */
function batchHeadline(s) {
    const t = s.totals;
    return `${t.images} image${t.images === 1 ? '' : 's'}: ${t.passed} passed, ${t.failed} failed the policy, ${t.errored} errored${t.resumed ? ` (${t.resumed} done by an earlier run)` : ''}`;
}
/** The rules of a verdict that failed (each reason names its rule). */
function failedRules(v) {
    return v.rules.filter((rule) => {
        if (rule.startsWith('fail-on: '))
            return v.reasons.some((r) => r.startsWith(`fail-on rule "${rule.slice('fail-on: '.length)}" is true`));
        return v.reasons.some((r) => r.includes(`(${rule})`));
    });
}
function vulnerableList(entries) {
    return entries
        .filter((e) => e.verdict === 'fail')
        .map((e) => `${e.image}\t${(e.failedRules.length ? e.failedRules : e.reasons).join('; ')}\n`)
        .join('');
}
/** A directory name for an image's reports: readable, and unique per image text. */
function imageDirName(image) {
    const readable = image
        .replace(/^(registry|docker|archive):/, '')
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .replace(/^[._]+/, '')
        .slice(-80);
    return `${readable || 'image'}-${(0, node_crypto_1.createHash)('sha256').update(image).digest('hex').slice(0, 8)}`;
}
function writeAtomic(file, content) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        fs.writeFileSync(tmp, content, { mode: 0o644 });
        fs.renameSync(tmp, file);
    }
    catch (err) {
        fs.rmSync(tmp, { force: true });
        throw new errors_1.ClairScanError(`cannot write ${file}: ${(0, errors_1.errorMessage)(err)}`, {
            hint: 'check that output-dir is writable and has free space.',
        });
    }
}
class BatchState {
    file;
    /** Finished (pass/fail) entries of earlier runs, by image. */
    done = new Map();
    constructor(outputDir, fingerprint, resume) {
        this.file = path.join(outputDir, STATE_FILE);
        fs.mkdirSync(outputDir, { recursive: true });
        const header = { kind: 'clair-scan-batch-state', version: 1, fingerprint };
        if (resume && fs.existsSync(this.file)) {
            const lines = fs.readFileSync(this.file, 'utf8').split('\n').filter(Boolean);
            let first = {};
            try {
                first = JSON.parse(lines[0] ?? '{}');
            }
            catch {
                // handled below
            }
            if (first.kind !== header.kind) {
                throw new errors_1.ClairScanError(`${this.file} is not a clair-scan batch state`, {
                    hint: 'remove it, or choose another output-dir, to start the batch afresh (without resume).',
                });
            }
            if (first.fingerprint !== fingerprint) {
                throw new errors_1.ClairScanError('resume: the earlier run in this output-dir used another policy, vulnerability data or Clair', {
                    hint: 'resume with the same inputs as the interrupted run, or run without resume to scan every image again.',
                });
            }
            // A line cut short by a kill is ignored: that image is scanned again.
            for (const line of lines.slice(1)) {
                try {
                    const e = JSON.parse(line);
                    if (e.verdict === 'pass' || e.verdict === 'fail')
                        this.done.set(e.image, e);
                    else
                        this.done.delete(e.image);
                }
                catch {
                    // ignore a partial last line
                }
            }
            return;
        }
        writeAtomic(this.file, `${JSON.stringify(header)}\n`);
    }
    /** One line per finished image, appended as it finishes (a kill loses at most the images in flight). */
    record(e) {
        fs.appendFileSync(this.file, `${JSON.stringify(e)}\n`);
    }
}
exports.BatchState = BatchState;


/***/ }),

/***/ 23412:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.expandPlatforms = expandPlatforms;
exports.batchImageRequest = batchImageRequest;
/**
 * `platform: all` in batch mode: each image line becomes one batch image per platform of its registry index,
 * written `LINE (os/arch[/variant])` — the text the batch keys its summary, resume state and report directory by —
 * and read back into a request for that platform when scanned. Platforms are listed from registries only (the usual
 * batch: a registry listing, `registry:` lines); any other line, or an index that cannot be listed, is an errored
 * image of the batch (exit 2), never one platform scanned as if it were all.
 */
const errors_1 = __webpack_require__(70017);
const settings_1 = __webpack_require__(70900);
const registry_1 = __webpack_require__(43718);
/** ` (linux/arm64)` at the end of a batch image: the platform label expandPlatforms wrote. */
const LABEL = / \(([a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?)\)$/;
/** The batch's images with `platform: all` expanded; `failed`: lines whose platforms could not be listed. */
async function expandPlatforms(images, settings) {
    if (settings.platform !== 'all')
        return { images, failed: [] };
    const out = [];
    const failed = [];
    for (const image of images) {
        const req = (0, settings_1.parseImageRequest)(image);
        const source = req.source ?? (settings.imageSource === 'auto' ? undefined : settings.imageSource);
        if (source !== 'registry') {
            failed.push({
                image,
                error: new errors_1.ClairScanError(`platform: all in batch mode reads the platforms of registry images only, and ${image} is not read from a registry`, {
                    hint: 'write the line as registry:<ref> (or list the registry: registry:HOST/ORG/*), set platform to one platform, or scan the archive or daemon image on its own (outside batch mode).',
                }),
            });
            continue;
        }
        try {
            for (const p of await (0, registry_1.registryPlatforms)(req.ref, settings.registry))
                out.push(`${image} (${p})`);
        }
        catch (err) {
            failed.push({
                image,
                error: err instanceof errors_1.ClairScanError
                    ? err
                    : new errors_1.ClairScanError(String(err), { hint: 'check the registry and the reference.' }),
            });
        }
    }
    return { images: out, failed };
}
/** The request a batch image stands for: with `platform: all`, a labelled line is that platform of the line. */
function batchImageRequest(image, settings) {
    const m = settings.platform === 'all' ? LABEL.exec(image) : null;
    if (!m)
        return (0, settings_1.parseImageRequest)(image);
    return { ...(0, settings_1.parseImageRequest)(image.slice(0, m.index)), platform: m[1] };
}


/***/ }),

/***/ 45226:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseListing = parseListing;
exports.repositoryMatcher = repositoryMatcher;
exports.tagFilter = tagFilter;
exports.nextLink = nextLink;
exports.listImages = listImages;
const errors_1 = __webpack_require__(70017);
const registry_1 = __webpack_require__(43718);
/** A listing line, or undefined when the line is a single image. */
function parseListing(input) {
    const text = input.trim();
    if (!text.includes('*'))
        return undefined;
    const m = /^(?:registry:)?([^/\s]+)\/([^\s]+)$/.exec(text);
    const bad = (why) => new errors_1.ClairScanError(`"${text}" is not a registry listing: ${why}`, {
        hint: 'write registry:HOST/ORG/* (the repositories directly under ORG) or registry:HOST/ORG/** (at any depth), and choose tags with the tags input.',
    });
    if (!m)
        throw bad('it needs a registry host and a repository pattern');
    const [, registry, pattern] = m;
    if (!/[.:]/.test(registry) && registry !== 'localhost')
        throw bad(`"${registry}" is not a registry host (host[:port], e.g. ghcr.io or 127.0.0.1:5000)`);
    if (pattern.includes(':') || pattern.includes('@'))
        throw bad('a listing takes no tag or digest (the tags input chooses the tags)');
    if (!/^[a-z0-9._\-/*]+$/.test(pattern))
        throw bad('repository names are lower-case letters, digits, ".", "_", "-" and "/"');
    return { input: text, registry, pattern };
}
function repositoryMatcher(pattern) {
    const re = pattern
        .split(/(\*\*|\*)/)
        .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
    return new RegExp(`^${re}$`);
}
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/**
 * The `tags` filter: comma-separated `latest` (the tag latest), `semver` (every tag that is a semantic version,
 * with or without a leading v), `all`, or `/REGEX/` (a JavaScript regular expression the whole tag must match).
 * A tag is kept when any of them matches.
 */
function tagFilter(spec) {
    const tests = spec.map((s) => {
        const v = s.trim();
        if (v === 'latest')
            return (t) => t === 'latest';
        if (v === 'semver')
            return (t) => SEMVER.test(t);
        if (v === 'all' || v === '*')
            return () => true;
        const m = /^\/(.+)\/$/.exec(v);
        if (m) {
            let re;
            try {
                re = new RegExp(`^(?:${m[1]})$`);
            }
            catch (err) {
                throw new errors_1.ClairScanError(`input "tags" has an invalid regular expression ${v}: ${(0, errors_1.errorMessage)(err)}`, {
                    hint: 'write it as /REGEX/, e.g. /v2\\..*/.',
                });
            }
            return (t) => re.test(t);
        }
        throw new errors_1.ClairScanError(`input "tags" has an invalid value "${v}"`, {
            hint: 'use latest, semver, all or /REGEX/ (comma-separated), e.g. latest,semver.',
        });
    });
    if (tests.length === 0)
        throw new errors_1.ClairScanError('input "tags" is empty', {
            hint: 'use latest, semver, all or /REGEX/, e.g. latest,semver.',
        });
    return (tag) => tests.some((f) => f(tag));
}
/** Page size asked for; registries may answer with fewer per page. */
const PAGE_SIZE = 100;
/** Pages followed at most per listing (a registry whose Link never ends must not loop forever). */
const MAX_PAGES = 10_000;
/** Every page of a paginated list API, following `Link: <…>; rel="next"` on the registry's own origin. */
async function* pages(client, registry, firstPath) {
    let next = firstPath;
    const seen = new Set();
    for (let n = 0; next && n < MAX_PAGES; n++) {
        if (seen.has(next))
            break;
        seen.add(next);
        const res = await client.request('GET', next, { headers: { accept: 'application/json' } });
        const body = await (0, registry_1.readLimited)(res.body, registry_1.MAX_JSON_BYTES, next, res.headers['content-length']);
        if (res.statusCode === 404)
            throw new errors_1.ClairScanError(`the registry ${registry} has no ${next.replace(/\?.*$/, '')} (HTTP 404)`, {
                hint: 'check the registry host and the repository pattern.',
            });
        if (res.statusCode === 401 || res.statusCode === 403) {
            throw new errors_1.ClairScanError(`the registry ${registry} refused to list ${next.replace(/\?.*$/, '')} (HTTP ${res.statusCode})`, {
                hint: 'listing the catalog needs credentials with catalog access (registry:catalog:* on token registries): set registry-username and registry-password.',
            });
        }
        if (res.statusCode !== 200) {
            throw new errors_1.ClairScanError(`the registry ${registry} answered HTTP ${res.statusCode} for ${next}`, {
                hint: "check the registry's status.",
                details: body.toString('utf8').slice(0, 500),
            });
        }
        try {
            yield JSON.parse(body.toString('utf8'));
        }
        catch (err) {
            throw new errors_1.ClairScanError(`the registry ${registry} sent invalid JSON for ${next}: ${(0, errors_1.errorMessage)(err)}`, {
                hint: 'check the registry.',
            });
        }
        next = nextLink(res.headers.link);
    }
}
/** The path of a `rel="next"` Link (relative, or absolute on the same origin); else undefined. */
function nextLink(header) {
    for (const h of Array.isArray(header) ? header : header ? [header] : []) {
        for (const part of h.split(/,(?=\s*<)/)) {
            const m = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
            if (!m || !/\brel="?next"?/i.test(m[2]))
                continue;
            const target = m[1];
            if (target.startsWith('/'))
                return target;
            try {
                const u = new URL(target);
                return `${u.pathname}${u.search}`;
            }
            catch {
                return undefined;
            }
        }
    }
    return undefined;
}
/** Lists the images a listing names, filtered by the `tags` filter. */
async function listImages(listing, keepTag, auth, opts = {}) {
    const n = opts.pageSize ?? PAGE_SIZE;
    const match = repositoryMatcher(listing.pattern);
    const catalog = new registry_1.RegistryClient({ registry: listing.registry, repository: listing.pattern.replace(/\/?\*.*$/, '') || 'catalog' }, auth);
    const repos = [];
    for await (const page of pages(catalog, listing.registry, `/v2/_catalog?n=${n}`)) {
        for (const r of page.repositories ?? [])
            if (typeof r === 'string' && match.test(r))
                repos.push(r);
    }
    const refs = [];
    const failures = [];
    for (const repo of [...new Set(repos)].sort()) {
        const client = new registry_1.RegistryClient({ registry: listing.registry, repository: repo }, auth);
        try {
            const tags = [];
            for await (const page of pages(client, listing.registry, `/v2/${repo}/tags/list?n=${n}`)) {
                for (const t of page.tags ?? [])
                    if (typeof t === 'string' && keepTag(t))
                        tags.push(t);
            }
            for (const t of [...new Set(tags)].sort())
                refs.push(`${listing.registry}/${repo}:${t}`);
        }
        catch (err) {
            const e = err instanceof errors_1.ClairScanError ? err : new errors_1.ClairScanError((0, errors_1.errorMessage)(err), { hint: 'check the registry.' });
            failures.push({ ref: `${listing.registry}/${repo}`, error: e });
        }
    }
    return { refs, failures };
}


/***/ }),

/***/ 78453:
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
exports.resolveBatch = resolveBatch;
exports.clairMessage = clairMessage;
exports.fingerprint = fingerprint;
exports.runBatch = runBatch;
exports.policyRules = policyRules;
/**
 * Batch mode: many images in one run against one Clair, a RunPlan of scan.ts's runScan. The images (`image` lines,
 * `images-file`, registry listings) go through a queue worked by `concurrency` workers; each is scanImage, then its
 * own verdict and reports, under `image-timeout`. A failing image is recorded and the batch goes on; finished images
 * go to batch-state.jsonl for `resume`. Exit code: 2 if any image errored, else 1 if any failed an enforced policy,
 * else 0. The whole note: docs/decisions/batch-mode.md.
 *
 * May import: scan.ts and every stage below it (environment/, data/, image/, inputs/, findings/, policy/, report/,
 * util/). Imported by the entry points (cli.ts; main.ts through main-batch.ts) and, for types and outputs.ts, publish/.
 */
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const node_crypto_1 = __webpack_require__(77598);
const errors_1 = __webpack_require__(70017);
const log_1 = __webpack_require__(29906);
const phase_1 = __webpack_require__(43215);
const settings_1 = __webpack_require__(70900);
const image_1 = __webpack_require__(84149);
const docker_daemon_1 = __webpack_require__(55218);
const model_1 = __webpack_require__(99971);
const policy_1 = __webpack_require__(25086);
const enrich_1 = __webpack_require__(48713);
const report_1 = __webpack_require__(41714);
const version_1 = __webpack_require__(311);
const scan_1 = __webpack_require__(24798);
const inputs_1 = __webpack_require__(69503);
const registry_list_1 = __webpack_require__(45226);
const layers_1 = __webpack_require__(89412);
const platforms_1 = __webpack_require__(23412);
const outputs_1 = __webpack_require__(27390);
/** What the images of a batch are, with listings expanded, and the per-image Settings. */
async function resolveBatch(raw, req = (0, inputs_1.parseBatchInputs)(raw)) {
    const images = [];
    const listingErrors = [];
    const auth = (0, inputs_1.listingAuth)(raw, req);
    for (const line of req.lines) {
        const listing = req.listings.find((l) => l.input === line.trim());
        if (!listing) {
            images.push(line);
            continue;
        }
        const listed = await (0, phase_1.runPhase)('list', 10 * 60 * 1000, () => (0, registry_list_1.listImages)(listing, req.keepTag, auth), 'the registry stopped answering while listing its catalog or tags; check it.');
        log_1.log.info(`${listing.input}: ${listed.refs.length} image${listed.refs.length === 1 ? '' : 's'} with tags matching the tags input${listed.failures.length ? `, ${listed.failures.length} repositor${listed.failures.length === 1 ? 'y' : 'ies'} whose tags could not be listed` : ''}.`);
        images.push(...listed.refs.map((r) => `registry:${r}`));
        for (const f of listed.failures)
            listingErrors.push(errorEntry(`registry:${f.ref}`, f.error, 0));
    }
    const unique = [...new Set(images)];
    if (unique.length === 0 && listingErrors.length === 0) {
        throw new errors_1.ClairScanError('the batch has no image to scan: the registry listings matched no repository or tag', {
            hint: 'check the repository pattern (registry:HOST/ORG/* is one level under ORG, ** any depth) and the tags input (default: latest).',
        });
    }
    // The per-image settings, validated as for any scan; the credentials stay bound to the one registry of the
    // list's first line (or registry-host), whatever order the listings expanded in.
    const bound = auth.hosts?.join(',') ?? '';
    const settings = (0, settings_1.parseSettings)((name) => name === 'image'
        ? unique.join('\n') || listingErrors.map((e) => e.image).join('\n')
        : name === 'registry-host' && bound
            ? bound
            : raw(name));
    // `platform: all`: one batch image per platform of each registry index (batch/platforms.ts).
    const expanded = await (0, platforms_1.expandPlatforms)(unique, settings);
    for (const f of expanded.failed)
        listingErrors.push(errorEntry(f.image, f.error, 0));
    return { settings, images: expanded.images, listingErrors };
}
function errorEntry(image, err, seconds) {
    const e = err instanceof errors_1.ClairScanError
        ? err
        : new errors_1.ClairScanError(`internal error: ${(0, errors_1.errorMessage)(err)}`, {
            hint: 'this is a bug in clair-scan; please report it with this log.',
        });
    const clair = clairMessage(e);
    return {
        image,
        verdict: 'error',
        failedRules: [],
        reasons: [],
        error: {
            message: e.message,
            hint: e.hint,
            ...(clair ? { clair } : {}),
            ...(e.details ? { details: e.details.slice(0, 4000) } : {}),
        },
        seconds,
        finishedAt: new Date().toISOString(),
    };
}
/**
 * What Clair itself said about a failed index: the `message` of its error JSON (HTTP 500 `internal-error`, the
 * report then stored as IndexError), or the `err` of an IndexError report.
 */
function clairMessage(e) {
    if (!/^Clair (could not|failed to) index/.test(e.message) || !e.details)
        return undefined;
    try {
        const body = JSON.parse(e.details);
        if (typeof body.message === 'string')
            return body.message;
    }
    catch {
        // not JSON: an IndexError report's err text
    }
    return e.details.trim() || undefined;
}
/** Policy, data and Clair of a run: a resumed run must use the same. */
function fingerprint(settings) {
    const allowlists = settings.policy.allowlists.map((f) => {
        try {
            return (0, node_crypto_1.createHash)('sha256').update(fs.readFileSync(f)).digest('hex');
        }
        catch {
            return f;
        }
    });
    // The key's content, not its path: a resumed batch must not reuse results checked against another key.
    const baseImagePublicKey = settings.policy.baseImagePublicKey && keyFingerprint(settings.policy.baseImagePublicKey);
    const data = {
        policy: { ...settings.policy, allowlists, baseImagePublicKey },
        vulnData: settings.vulnData,
        clairUrl: settings.clairUrl ?? null,
        formats: settings.reports.formats,
    };
    return (0, node_crypto_1.createHash)('sha256').update(JSON.stringify(data)).digest('hex');
}
async function runBatch(raw, opts = {}) {
    const req = (0, inputs_1.parseBatchInputs)(raw);
    const startedAt = new Date();
    const { settings, images, listingErrors } = await resolveBatch(raw, req);
    const { concurrency, resume, imageTimeoutSec } = settings.batch;
    const outDir = path.resolve(settings.reports.outputDir);
    const batchState = new outputs_1.BatchState(outDir, fingerprint(settings), resume);
    const todo = images.filter((i) => !batchState.done.has(i));
    if (resume)
        log_1.log.info(`Resuming: ${images.length - todo.length} of ${images.length} images were already done.`);
    const fresh = new Map();
    let pool;
    return (0, scan_1.runScan)(settings, opts.onState, {
        banner: (runId) => `Batch run ${runId}: ${todo.length} image${todo.length === 1 ? '' : 's'} to scan, ${concurrency} at a time (if this process is killed: clair-scan cleanup --run-id ${runId}).`,
        preflight: async () => {
            (0, policy_1.refuseNewRulesWithoutBaseline)(settings.policy, 'batch mode');
        },
        needsClair: todo.length > 0,
        // Layers shared between images are published once (batch/layers.ts).
        lease: (server) => {
            pool = new layers_1.LayerPool(server);
            const layers = pool;
            return (image) => layers.lease(image);
        },
        clair: (env) => serializeOnlineData(env, settings),
        body: async (run, opened) => {
            if (opened) {
                // Daemon images built on one base spool its layers once (image/docker-daemon.ts).
                (0, docker_daemon_1.shareLayersInRun)(run.state);
                const { ctx } = opened;
                let next = 0;
                let finished = 0;
                const worker = async () => {
                    // Each worker reads its next archive while Clair works on its current image (openAhead), and goes on to
                    // the next image once Clair has answered this one's match: its verdict and reports (local work) overlap
                    // the next image's Clair work. Clair still gets one image per worker at a time; at most two images per
                    // worker are in flight.
                    let ahead = next < todo.length ? openAhead(ctx, todo[next++]) : undefined;
                    let previous;
                    while (ahead) {
                        const { image, opened } = ahead;
                        ahead = next < todo.length ? openAhead(ctx, todo[next++]) : undefined;
                        let clairDone;
                        const released = new Promise((resolve) => (clairDone = resolve));
                        const done = scanOne(afterMatch(ctx, clairDone), image, imageTimeoutSec * 1000, outDir, opened)
                            .then((entry) => {
                            fresh.set(image, entry);
                            batchState.record(entry);
                            finished++;
                            const what = entry.verdict === 'error'
                                ? `error: ${entry.error?.message}`
                                : entry.verdict === 'fail'
                                    ? `FAIL (${entry.failedRules.join('; ')})`
                                    : 'pass';
                            log_1.log.info(`[${finished}/${todo.length}] ${image}: ${what} (${entry.seconds.toFixed(1)} s)`);
                            opts.onImage?.(entry, finished, todo.length);
                        })
                            .finally(clairDone);
                        // Awaited below (as `previous`): a failure meanwhile is not an unhandled rejection.
                        done.catch(() => undefined);
                        await released;
                        await previous;
                        previous = done;
                    }
                    await previous;
                };
                await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, () => worker()));
            }
            const env = opened?.env;
            const entries = [
                ...listingErrors,
                ...images.map((i) => fresh.get(i) ?? batchState.done.get(i)),
            ];
            const count = (v) => entries.filter((e) => e.verdict === v).length;
            const failedEnforced = settings.policy.fail && count('fail') > 0;
            const exitCode = count('error') > 0 ? errors_1.EXIT_ERROR : failedEnforced ? errors_1.EXIT_POLICY_FAILED : errors_1.EXIT_OK;
            const summary = {
                schemaVersion: outputs_1.BATCH_SUMMARY_SCHEMA_VERSION,
                tool: { name: 'clair-scan', version: version_1.TOOL_VERSION },
                clair: {
                    version: env?.version,
                    url: env && !env.ephemeral ? env.client.url : settings.clairUrl,
                    ephemeral: env?.ephemeral ?? !settings.clairUrl,
                },
                startedAt: startedAt.toISOString(),
                finishedAt: new Date().toISOString(),
                rules: policyRules(settings),
                concurrency,
                totals: {
                    images: entries.length,
                    passed: count('pass'),
                    failed: count('fail'),
                    errored: count('error'),
                    resumed: images.length - todo.length,
                },
                exitCode,
                images: entries,
            };
            const files = {
                summary: path.join(outDir, outputs_1.SUMMARY_FILE),
                vulnerableList: path.join(outDir, outputs_1.VULNERABLE_LIST_FILE),
                state: batchState.file,
            };
            await run.time('reports', async () => {
                (0, outputs_1.writeAtomic)(files.vulnerableList, (0, outputs_1.vulnerableList)(entries));
                (0, outputs_1.writeAtomic)(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
            });
            const stats = pool?.stats();
            return {
                summary,
                settings,
                exitCode,
                files,
                timings: run.timings,
                stats: {
                    layersPublished: stats?.published ?? 0,
                    layersReused: stats?.reused ?? 0,
                    clairRetries: env?.client.retries ?? 0,
                    bytesServed: opened?.server.bytesServed() ?? 0,
                },
            };
        },
    });
}
/** The rules as evaluatePolicy names them (for the summary, also when no image was scanned). */
function policyRules(settings) {
    const p = settings.policy;
    return [
        ...(p.severityThreshold ? [`severity-threshold: ${p.severityThreshold.toLowerCase()}`] : []),
        ...(p.failOn?.trim() ? [`fail-on: ${p.failOn.trim()}`] : []),
        // The compliance checks as the verdict names them (policy/compliance/index.ts).
        ...(0, policy_1.gatingChecks)(p).map((c) => c.label(p)),
    ];
}
function keyFingerprint(file) {
    try {
        return `sha256:${(0, node_crypto_1.createHash)('sha256').update(fs.readFileSync(file)).digest('hex')}`;
    }
    catch {
        return file;
    }
}
/**
 * With `vuln-data: online` the ephemeral Clair fetches data per distribution on first sight: concurrent
 * images must not run the same updaters twice, so the data step is taken one image at a time there.
 */
function serializeOnlineData(env, settings) {
    if (!env.ephemeral || settings.vulnData.toLowerCase() !== 'online')
        return env;
    let chain = Promise.resolve();
    return {
        ...env,
        ensureData: (index, ref) => {
            const p = chain.then(() => env.ensureData(index, ref));
            chain = p.catch(() => undefined);
            return p;
        },
    };
}
/** The image's context whose Clair client calls `f` once the vulnerability report has been answered (or failed). */
function afterMatch(ctx, f) {
    const client = new Proxy(ctx.env.client, {
        get(target, prop) {
            const v = Reflect.get(target, prop, target);
            if (prop === 'vulnerabilityReport')
                return (...args) => target.vulnerabilityReport(...args).finally(f);
            return typeof v === 'function' ? v.bind(target) : v;
        },
    });
    return { ...ctx, env: { ...ctx.env, client } };
}
/**
 * Locates the image and, when it is an archive file, opens it (read and hashed in place: no temp dir, no daemon or
 * registry, so nothing held that the run would not hold anyway) — called for a worker's next image while its
 * current one is with Clair: at concurrency 1 the archive's hashing overlaps Clair's index instead of adding to
 * it. Clair still gets one image per worker at a time. Other sources are opened by the image's scan as before (an
 * export ahead would hold a second spool per worker).
 */
function openAhead(ctx, image) {
    const { settings } = ctx;
    const opened = (0, phase_1.inImage)(image, async () => {
        const request = (0, platforms_1.batchImageRequest)(image, settings);
        (0, image_1.validateRequest)(request, settings);
        const source = await (0, image_1.locateImage)(request, settings, ctx.docker);
        if (source !== 'archive')
            return { source };
        return {
            source,
            image: await ctx.time('image-export', () => (0, image_1.openImage)(request, settings, ctx.docker, ctx.state, source)),
        };
    });
    // Awaited by the image's scan: a failure meanwhile is not an unhandled rejection.
    opened.catch(() => undefined);
    return { image, opened };
}
/** One image: scan, its verdict and reports; never throws (an error is the entry's). */
async function scanOne(ctx, image, deadlineMs, outDir, ahead) {
    const t0 = Date.now();
    const seconds = () => Math.round((Date.now() - t0) / 100) / 10;
    const { settings } = ctx;
    // The image's own async context: a stall or unhandled error in its work names this image and its phase, not
    // whichever phase another image entered last.
    const work = (0, phase_1.inImage)(image, async () => {
        const request = (0, platforms_1.batchImageRequest)(image, settings);
        (0, image_1.validateRequest)(request, settings);
        const pre = await ahead;
        const result = await (0, scan_1.scanImage)(ctx, request, pre?.source, pre?.image && Promise.resolve(pre.image));
        const single = (0, scan_1.scanResult)(ctx.env, new Date(t0), [result]);
        // The run's exploit data (loaded once, in runScan's preflight and data load) on this image, before its policy.
        (0, enrich_1.enrichResult)(single, ctx.exploit ?? {});
        result.notes = [...(result.notes ?? []), ...(ctx.exploit?.notes ?? [])];
        single.verdict = await ctx.time('policy', () => (0, policy_1.evaluatePolicy)(single, settings.policy));
        const dir = (0, outputs_1.imageDirName)(image);
        if (settings.reports.formats.length) {
            const imageDir = path.join(outDir, 'images', dir);
            const reports = await ctx.time('reports', () => (0, report_1.writeReports)(single, { ...settings.reports, outputDir: imageDir }));
            (0, scan_1.requireReports)(settings.reports.formats, reports, imageDir);
        }
        const v = single.verdict;
        const all = (0, model_1.countBySeverity)(result.vulnerabilities);
        return {
            image,
            digest: result.image.manifestDigest,
            verdict: v.status,
            failedRules: v.status === 'fail' ? (0, outputs_1.failedRules)(v) : [],
            reasons: v.reasons,
            counts: {
                ...all,
                total: result.vulnerabilities.length,
                fixable: result.vulnerabilities.filter((f) => f.fixable).length,
            },
            counted: v.counted,
            ...(settings.reports.formats.length ? { reportDir: path.posix.join('images', dir) } : {}),
            seconds: seconds(),
            finishedAt: new Date().toISOString(),
        };
    });
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new errors_1.ClairScanError(`${image} did not finish within image-timeout (${Math.round(deadlineMs / 1000)} s)`, {
            hint: 'check Clair and the image source; raise image-timeout for very large images.',
        })), deadlineMs);
        timer.unref();
    });
    try {
        return await Promise.race([work, deadline]);
    }
    catch (err) {
        // Over the deadline: the image's work is abandoned but still holds its slot until it settles (its phases
        // have deadlines of their own), so the batch never runs more than `concurrency` images at once.
        await work.catch(() => undefined);
        const entry = errorEntry(image, err, seconds());
        log_1.log.warn(`${image}: ${entry.error?.message}${entry.error?.clair ? ` — Clair: ${entry.error.clair}` : ''}`);
        return entry;
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
}


/***/ }),

/***/ 51175:
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
exports.runBatchStep = runBatchStep;
/**
 * The action's batch mode (an images-file or a registry listing; src/main.ts routes it here as the CLI does, by
 * batch/mode.ts isBatch): every image against one Clair (batch/run.ts), the result lines in the log (shared with the
 * CLI), then outputs, job summary and artifact (publish/github/batch.ts). Its own chunk of dist/main: a single scan
 * never loads it.
 */
const core = __importStar(__webpack_require__(37484));
const cli_1 = __webpack_require__(5950);
const run_1 = __webpack_require__(78453);
const batch_1 = __webpack_require__(3879);
const phase_1 = __webpack_require__(43215);
const log_1 = __webpack_require__(29906);
const PUBLISH_DEADLINE_MS = 5 * 60 * 1000;
/** Runs the batch and publishes it; the step's exit code: 2 if any image errored, else 1 if any failed an enforced policy. */
async function runBatchStep(raw, onState) {
    const outcome = await (0, run_1.runBatch)(raw, { onState });
    // Through the logger: image names and Clair's error messages are defused there (util/log.ts).
    for (const line of (0, cli_1.batchResultLines)(outcome))
        log_1.log.info(line);
    await (0, phase_1.runPhase)('publish', PUBLISH_DEADLINE_MS, () => (0, batch_1.publishGitHubBatch)(outcome), 'the GitHub API stopped answering; the results are in output-dir.');
    const msg = (0, batch_1.batchVerdictMessage)(outcome);
    if (msg.fail)
        core.setFailed(msg.fail);
    else if (msg.warn)
        core.warning(msg.warn);
    return outcome.exitCode;
}


/***/ }),

/***/ 3879:
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
exports.BATCH_SUMMARY_MAX_ROWS = void 0;
exports.renderBatchSummary = renderBatchSummary;
exports.batchVerdictMessage = batchVerdictMessage;
exports.batchFiles = batchFiles;
exports.publishGitHubBatch = publishGitHubBatch;
/**
 * What the action publishes after a batch (`images-file`, `registry:HOST/ORG/*`): the outputs (counts over every
 * image, the batch's own: `vulnerable-list`, `batch-summary`, images passed/failed/errored), a job summary with one
 * compact row per image (problems first, capped), and the batch's files — batch-summary.json, vulnerable.list,
 * batch-state.jsonl and each image's reports under images/ — as the report artifact.
 *
 * No sticky pull request comment: a fleet batch is a scheduled job, not a change under review, and a comment keyed
 * to hundreds of image names would be noise on whichever pull request happened to run it; the job summary has the
 * table. Each publisher is independent; a failing one is a warning, never a crash.
 */
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const outputs_1 = __webpack_require__(27390);
const escape_1 = __webpack_require__(14031);
const log_1 = __webpack_require__(29906);
const event_1 = __webpack_require__(43831);
const common_1 = __webpack_require__(26338);
const artifact_1 = __webpack_require__(98617);
const outputs_2 = __webpack_require__(35201);
/** Rows of the job summary's table; the rest are counted in a note (all are in batch-summary.json). */
exports.BATCH_SUMMARY_MAX_ROWS = 200;
const VERDICT_CELL = {
    error: '⚠️ error',
    fail: '❌ fail',
    pass: '✅ pass',
};
const ORDER = ['error', 'fail', 'pass'];
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
/**
 * The job summary of a batch: headline, the policy, one row per image — errors, then policy failures, then passes,
 * each in the order the images were listed — at most `maxRows`, then a note of how many more there are.
 * Image names, rules and error messages are untrusted text: escaped by md().
 */
function renderBatchSummary(s, opts = {}) {
    const maxRows = opts.maxRows ?? exports.BATCH_SUMMARY_MAX_ROWS;
    const t = s.totals;
    const icon = t.errored > 0 ? '⚠️' : t.failed > 0 ? '❌' : '✅';
    const state = t.errored > 0 ? 'not every image was scanned' : t.failed > 0 ? 'policy failed' : 'policy passed';
    const lines = [`## ${icon} clair-scan batch: ${state} — ${(0, outputs_1.batchHeadline)(s)}`, ''];
    lines.push(`Policy: ${s.rules.length ? s.rules.map((r) => (0, escape_1.md)(r, 200)).join('; ') : 'no rule'}.`, '');
    const rows = ORDER.flatMap((v) => s.images.filter((e) => e.verdict === v));
    if (rows.length) {
        lines.push('| Image | Verdict | Critical | High | Medium | Low | Other | Total | Failed rule or error |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
        for (const e of rows.slice(0, maxRows))
            lines.push(batchRow(e));
        const rest = rows.slice(maxRows);
        if (rest.length) {
            const by = ORDER.map((v) => [v, rest.filter((e) => e.verdict === v).length]).filter(([, n]) => n > 0);
            lines.push('', `_… and ${plural(rest.length, 'more image')} (${by.map(([v, n]) => `${n} ${v === 'fail' ? 'failed' : v === 'error' ? 'errored' : 'passed'}`).join(', ')}): every image is in \`batch-summary.json\`${opts.artifactName ? ` (artifact \`${(0, escape_1.md)(opts.artifactName, 100)}\`)` : ''}._`);
        }
    }
    lines.push('');
    if (t.failed > 0)
        lines.push(`\`vulnerable.list\` names the ${plural(t.failed, 'image')} that failed the policy, one per line with the failed rules.`, '');
    if (t.errored > 0)
        lines.push(`No verdict for ${plural(t.errored, 'image')} (exit code 2): see each error above and the job log.`, '');
    return lines.join('\n');
}
function batchRow(e) {
    const c = e.counts;
    const n = (x) => (c ? String(x ?? 0) : '');
    const other = c ? c.Negligible + c.Unknown : undefined;
    const why = e.verdict === 'error'
        ? (0, escape_1.md)(e.error?.clair ? `${e.error.message} — Clair: ${e.error.clair}` : (e.error?.message ?? ''), 300)
        : e.verdict === 'fail'
            ? (0, escape_1.md)((e.failedRules.length ? e.failedRules : e.reasons).join('; '), 300)
            : '';
    return `| ${(0, escape_1.md)(e.image, 200)} | ${VERDICT_CELL[e.verdict]} | ${n(c?.Critical)} | ${n(c?.High)} | ${n(c?.Medium)} | ${n(c?.Low)} | ${n(other)} | ${n(c?.total)} | ${why} |`;
}
/** The step's result line(s): what setFailed (exit 1 or 2) or a warning (report-only) says. */
function batchVerdictMessage(o) {
    const s = o.summary;
    const list = (v, text) => {
        const es = s.images.filter((e) => e.verdict === v);
        return [
            ...es.slice(0, 20).map((e) => `- ${e.image}: ${text(e)}`),
            ...(es.length > 20 ? [`- … and ${es.length - 20} more (batch-summary.json)`] : []),
        ];
    };
    const failed = list('fail', (e) => (e.failedRules.length ? e.failedRules : e.reasons).join('; '));
    if (o.exitCode === 2) {
        return {
            fail: [
                `Batch: ${(0, outputs_1.batchHeadline)(s)}. Errored:`,
                ...list('error', (e) => e.error?.message ?? 'error'),
                ...(failed.length ? ['Policy failed:', ...failed] : []),
            ].join('\n'),
        };
    }
    if (o.exitCode === 1)
        return { fail: [`Batch: ${(0, outputs_1.batchHeadline)(s)}. Policy failed:`, ...failed].join('\n') };
    if (s.totals.failed > 0)
        return {
            warn: [`Batch: ${(0, outputs_1.batchHeadline)(s)}. Policy failed (report-only mode, the step succeeds):`, ...failed].join('\n'),
        };
    return {};
}
/** The files a batch leaves in output-dir that exist: summary, vulnerable.list, resume state, each image's reports. */
function batchFiles(o) {
    const outDir = path.dirname(o.files.summary);
    const files = [o.files.summary, o.files.vulnerableList, o.files.state];
    for (const e of o.summary.images) {
        if (!e.reportDir)
            continue;
        const dir = path.join(outDir, e.reportDir);
        let names = [];
        try {
            names = fs
                .readdirSync(dir, { withFileTypes: true })
                .filter((d) => d.isFile())
                .map((d) => d.name);
        }
        catch {
            continue; // a resumed image whose reports an earlier job kept
        }
        files.push(...names.sort().map((n) => path.join(dir, n)));
    }
    return files.filter((f) => fs.existsSync(f));
}
async function publishGitHubBatch(o, env = process.env) {
    const p = o.settings.publish;
    const outDir = path.dirname(o.files.summary);
    (0, common_1.setOutputs)((0, outputs_2.batchOutputs)(o));
    const report = { summary: false };
    if (p.jobSummary) {
        // At most BATCH_SUMMARY_MAX_ROWS rows of cells cut to 200/300 characters: far below GitHub's 1 MiB summary limit.
        const text = renderBatchSummary(o.summary, { artifactName: p.uploadArtifact ? p.artifactName : undefined });
        report.summary = (await (0, common_1.attempt)('writing the job summary', () => (0, common_1.writeSummary)(text, env))) ?? false;
    }
    if (p.uploadArtifact) {
        if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
            log_1.log.warn('not running on a GitHub Actions runner with the artifact service (ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL unset): the batch results were not uploaded.');
        }
        else {
            const up = await (0, common_1.attempt)('uploading the batch artifact', () => (0, artifact_1.uploadReports)(p.artifactName, batchFiles(o), outDir));
            if (up) {
                log_1.log.info(`artifact "${p.artifactName}" uploaded (${up.files.length} files: batch-summary.json, vulnerable.list, batch-state.jsonl and the reports of each image under images/)`);
                report.artifact = { id: up.id, files: up.files };
            }
        }
    }
    if (p.comment && event_1.PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '')) {
        log_1.log.info('batch mode keeps no pull request comment: the table of images is in the job summary.');
    }
    return report;
}


/***/ })

};
;