"use strict";
exports.id = 796;
exports.ids = [796];
exports.modules = {

/***/ 12802:
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
exports.readPlainArchive = readPlainArchive;
/**
 * Uncompressed archive files read without streams (issue 23): plain tar headers (tar-plain.ts) decoded as tar-stream
 * decodes them, each regular file's bytes hashed from two reused buffers. Loaded on use by archive.ts
 * scanArchiveInPlace: a daemon's export never needs it (util/lazy.ts).
 */
const node_crypto_1 = __webpack_require__(77598);
const fs = __importStar(__webpack_require__(73024));
const archive_1 = __webpack_require__(18031);
const tar_plain_1 = __webpack_require__(47443);
/**
 * Read buffers readPlainArchive hands on from one archive to the next: a fresh 1 MiB buffer per archive was a
 * garbage collection every few images of a batch (V8 collects after so much memory outside its heap).
 */
const READ_BUFFERS = [];
const MAX_READ_BUFFERS = 8;
/**
 * Reads an uncompressed archive file in place when it is plain tar (tar-plain.ts): each header decoded as tar-stream
 * does, each regular file's bytes read into two reused buffers in turn and hashed; nothing allocated per chunk and no
 * stream. undefined as soon as the archive leaves that subset (or ends early): the caller then reads it with
 * tar-stream, which gives its answer or its error. The entry rules' errors are thrown as they are (the entries
 * before were decoded as tar-stream decodes them).
 */
async function readPlainArchive(file, opts = {}) {
    const rules = new archive_1.EntryRules(opts.what ?? 'the image archive', { ...archive_1.DEFAULT_ARCHIVE_LIMITS, ...opts.limits });
    const fd = await fs.promises.open(file, 'r');
    let release = () => undefined;
    try {
        const end = (await fd.stat()).size;
        // Two: one is hashed while the other is read.
        const bufs = [0, 1].map(() => READ_BUFFERS.pop() ?? Buffer.allocUnsafe(archive_1.RANGE_CHUNK));
        release = () => bufs.forEach((b) => READ_BUFFERS.length < MAX_READ_BUFFERS && READ_BUFFERS.push(b));
        const block = Buffer.allocUnsafe(tar_plain_1.BLOCK);
        /** Exactly `len` bytes at `at` into `into`, else false (the file is shorter). */
        const readAt = async (into, len, at) => {
            for (let done = 0; done < len;) {
                const { bytesRead } = await fd.read(into, done, len - done, at + done);
                if (bytesRead === 0)
                    return false;
                done += bytesRead;
            }
            return true;
        };
        const padded = (n) => Math.ceil(n / tar_plain_1.BLOCK) * tar_plain_1.BLOCK;
        let pax;
        let longPath;
        let longLink;
        let at = 0;
        while (at < end) {
            if (end - at < tar_plain_1.BLOCK || !(await readAt(block, tar_plain_1.BLOCK, at)))
                return undefined;
            const h = (0, tar_plain_1.decodeHeader)(block);
            if (h === undefined)
                return undefined;
            const offset = at + tar_plain_1.BLOCK;
            if (h === null) {
                at = offset;
                continue;
            }
            // The padding to the next block must be there too: tar-stream reads it (and says the file ends early without).
            if (offset + padded(h.size) > end)
                return undefined;
            if (h.type === 'pax-header' || h.type === 'gnu-long-path' || h.type === 'gnu-long-link-path') {
                const record = Buffer.allocUnsafe(h.size);
                if (!(await readAt(record, h.size, offset)))
                    return undefined;
                if (h.type === 'pax-header') {
                    pax = (0, tar_plain_1.decodePax)(record);
                    if (!pax)
                        return undefined;
                }
                else {
                    const nul = record.indexOf(0);
                    const text = record.toString('utf8', 0, nul < 0 ? h.size : nul);
                    if (!text)
                        return undefined;
                    if (h.type === 'gnu-long-path')
                        longPath = text;
                    else
                        longLink = text;
                }
                at = offset + padded(h.size);
                continue;
            }
            // The records before apply to this entry, in tar-stream's order.
            const header = { ...h };
            if (longPath !== undefined)
                header.name = longPath;
            if (longLink !== undefined)
                header.linkname = longLink;
            if (pax?.path !== undefined)
                header.name = pax.path;
            if (pax?.linkpath !== undefined)
                header.linkname = pax.linkpath;
            const size = pax?.size ?? h.size;
            header.size = size;
            pax = longPath = longLink = undefined;
            if (size !== 0 && h.type !== 'file')
                return undefined;
            if (offset + padded(size) > end)
                return undefined;
            const name = rules.entry(header);
            if (name !== undefined) {
                const hash = (0, node_crypto_1.createHash)('sha256');
                let head = Buffer.alloc(0);
                const read = (k, from) => readAt(bufs[k], Math.min(archive_1.RANGE_CHUNK, size - from), offset + from);
                let ahead = size > 0 ? read(0, 0) : undefined;
                for (let done = 0, k = 0; done < size; k ^= 1) {
                    // The only read in flight: nothing is pending when this returns early.
                    if (!(await ahead))
                        return undefined;
                    const n = Math.min(archive_1.RANGE_CHUNK, size - done);
                    const chunk = bufs[k].subarray(0, n);
                    done += n;
                    // The next chunk is read (on the thread pool) while this one is hashed.
                    ahead = done < size ? read(k ^ 1, done) : undefined;
                    hash.update(chunk);
                    // The first bytes, for the compression sniff: taken from the hashed bytes, not read again.
                    if (head.length === 0)
                        head = Buffer.from(chunk.subarray(0, 4));
                }
                rules.file(name, { file, sha256: `sha256:${hash.digest('hex')}`, size, offset, head });
            }
            at = offset + padded(size);
        }
        // Nothing but empty blocks: tar-stream's answer (not a tar) is the one given.
        return rules.seen === 0 ? undefined : rules.archive('');
    }
    finally {
        release();
        await fd.close();
    }
}


/***/ }),

/***/ 47443:
/***/ ((__unused_webpack_module, exports) => {


/**
 * The plain tar that `docker save` and OCI tools write, decoded from its 512-byte header blocks, for reading an
 * archive file in place without a stream (archive-plain.ts readPlainArchive). It decodes as tar-stream does, and only a
 * subset: ustar or GNU headers with octal fields, regular files, hard and symbolic links, directories, and the pax
 * and GNU records that carry long names. Anything else (a bad checksum, a base-256 size, a device, a pax global
 * header, a link with content …) is `undefined`: the caller then reads the whole archive with tar-stream, whose
 * answer or error is the one given. Why not tar-stream alone: it takes every byte of the file through streams in
 * fresh buffers, which cost a batch about 4 ms of CPU per image (stream work and the garbage collections the
 * buffers bring, issue 23); here the files' bytes go into two reused buffers.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_RECORD = exports.BLOCK = void 0;
exports.decodeHeader = decodeHeader;
exports.decodePax = decodePax;
exports.BLOCK = 512;
/** Typeflags of the subset (tar-stream's numbering: the byte minus '0', NUL is 0). */
const TYPES = {
    0: 'file',
    1: 'link',
    2: 'symlink',
    5: 'directory',
    72: 'pax-header',
    27: 'gnu-long-link-path',
    28: 'gnu-long-path',
};
/** Long-name records larger than this are left to tar-stream (its own limit is 4 MiB; names here are ≤ 4 KiB). */
exports.MAX_RECORD = 64 * 1024;
/**
 * An octal field: optional leading spaces, 1-12 octal digits, then only NULs or spaces; undefined otherwise (tar-stream
 * reads more forms: base-256, digits after a NUL; those archives go to it).
 */
function octal(b, at, len) {
    let i = at;
    const end = at + len;
    while (i < end && b[i] === 0x20)
        i++;
    let v = 0;
    const first = i;
    for (; i < end && b[i] >= 0x30 && b[i] <= 0x37; i++)
        v = v * 8 + (b[i] - 0x30);
    if (i === first)
        return undefined;
    for (; i < end; i++)
        if (b[i] !== 0 && b[i] !== 0x20)
            return undefined;
    return v;
}
/** A NUL-terminated field as UTF-8 (tar-stream's decodeStr). */
function str(b, at, len) {
    let end = at;
    while (end < at + len && b[end] !== 0)
        end++;
    return b.toString('utf8', at, end);
}
function magicIs(b, magic) {
    for (let i = 0; i < magic.length; i++)
        if (b[257 + i] !== magic.charCodeAt(i))
            return false;
    return true;
}
/**
 * One header block: the header; null for an empty block (its checksum is that of spaces: tar-stream reads on past
 * it); undefined when it is not in the subset.
 */
function decodeHeader(b) {
    let sum = 8 * 32;
    for (let i = 0; i < 148; i++)
        sum += b[i];
    for (let i = 156; i < exports.BLOCK; i++)
        sum += b[i];
    if (sum === 8 * 32)
        return null;
    if (octal(b, 148, 8) !== sum)
        return undefined;
    const ustar = magicIs(b, 'ustar\0');
    if (!ustar && !(magicIs(b, 'ustar ') && b[263] === 0x20 && b[264] === 0))
        return undefined;
    const type = TYPES[b[156] === 0 ? 0 : b[156] - 0x30];
    const size = octal(b, 124, 12);
    if (type === undefined || size === undefined)
        return undefined;
    let name = str(b, 0, 100);
    if (ustar && b[345] !== 0)
        name = `${str(b, 345, 155)}/${name}`;
    // tar-stream keeps such an entry a file although old tars meant a directory: not ours to decide.
    if (type === 'file' && name.endsWith('/'))
        return undefined;
    const record = type === 'pax-header' || type === 'gnu-long-path' || type === 'gnu-long-link-path';
    // An empty record: tar-stream then reads the next entry's padding as the record (and fails); left to it.
    if (record && (size === 0 || size > exports.MAX_RECORD))
        return undefined;
    // Content where tar-stream would read none (a directory), or give it to a link: left to it.
    if (size !== 0 && type !== 'file' && !record)
        return undefined;
    return { name, linkname: b[157] === 0 ? null : str(b, 157, 100), size, type };
}
/**
 * pax records (`<len> <key>=<value>\n`, each exactly its length): the keys tar-stream applies to the next entry
 * (path, linkpath, size), when every record is well formed and those present are not empty; else undefined.
 */
function decodePax(b) {
    const out = {};
    let at = 0;
    while (at < b.length) {
        let sp = at;
        while (sp < b.length && sp - at < 20 && b[sp] >= 0x30 && b[sp] <= 0x39)
            sp++;
        if (sp === at || b[sp] !== 0x20 || b[at] === 0x30)
            return undefined;
        const len = Number(b.toString('latin1', at, sp));
        if (at + len > b.length || len < sp - at + 3 || b[at + len - 1] !== 0x0a)
            return undefined;
        const record = b.toString('utf8', sp + 1, at + len - 1);
        const eq = record.indexOf('=');
        if (eq <= 0)
            return undefined;
        const key = record.slice(0, eq);
        const value = record.slice(eq + 1);
        if (key === 'path' || key === 'linkpath') {
            if (!value)
                return undefined;
            out[key] = value;
        }
        else if (key === 'size') {
            if (!/^[0-9]{1,15}$/.test(value))
                return undefined;
            out.size = Number(value);
        }
        at += len;
    }
    return out;
}


/***/ })

};
;