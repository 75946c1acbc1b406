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

export const BLOCK = 512;

export type PlainType =
  'file' | 'link' | 'symlink' | 'directory' | 'pax-header' | 'gnu-long-path' | 'gnu-long-link-path';

/** A header as tar-stream's `decode` gives it (the fields clair-scan reads). */
export interface PlainHeader {
  name: string;
  linkname: string | null;
  size: number;
  type: PlainType;
}

/** Typeflags of the subset (tar-stream's numbering: the byte minus '0', NUL is 0). */
const TYPES: Record<number, PlainType> = {
  0: 'file',
  1: 'link',
  2: 'symlink',
  5: 'directory',
  72: 'pax-header',
  27: 'gnu-long-link-path',
  28: 'gnu-long-path',
};

/** Long-name records larger than this are left to tar-stream (its own limit is 4 MiB; names here are ≤ 4 KiB). */
export const MAX_RECORD = 64 * 1024;

/**
 * An octal field: optional leading spaces, 1-12 octal digits, then only NULs or spaces; undefined otherwise (tar-stream
 * reads more forms: base-256, digits after a NUL; those archives go to it).
 */
function octal(b: Buffer, at: number, len: number): number | undefined {
  let i = at;
  const end = at + len;
  while (i < end && b[i] === 0x20) i++;
  let v = 0;
  const first = i;
  for (; i < end && b[i] >= 0x30 && b[i] <= 0x37; i++) v = v * 8 + (b[i] - 0x30);
  if (i === first) return undefined;
  for (; i < end; i++) if (b[i] !== 0 && b[i] !== 0x20) return undefined;
  return v;
}

/** A NUL-terminated field as UTF-8 (tar-stream's decodeStr). */
function str(b: Buffer, at: number, len: number): string {
  let end = at;
  while (end < at + len && b[end] !== 0) end++;
  return b.toString('utf8', at, end);
}

function magicIs(b: Buffer, magic: string): boolean {
  for (let i = 0; i < magic.length; i++) if (b[257 + i] !== magic.charCodeAt(i)) return false;
  return true;
}

/**
 * One header block: the header; null for an empty block (its checksum is that of spaces: tar-stream reads on past
 * it); undefined when it is not in the subset.
 */
export function decodeHeader(b: Buffer): PlainHeader | null | undefined {
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) sum += b[i];
  for (let i = 156; i < BLOCK; i++) sum += b[i];
  if (sum === 8 * 32) return null;
  if (octal(b, 148, 8) !== sum) return undefined;
  const ustar = magicIs(b, 'ustar\0');
  if (!ustar && !(magicIs(b, 'ustar ') && b[263] === 0x20 && b[264] === 0)) return undefined;
  const type = TYPES[b[156] === 0 ? 0 : b[156] - 0x30];
  const size = octal(b, 124, 12);
  if (type === undefined || size === undefined) return undefined;
  let name = str(b, 0, 100);
  if (ustar && b[345] !== 0) name = `${str(b, 345, 155)}/${name}`;
  // tar-stream keeps such an entry a file although old tars meant a directory: not ours to decide.
  if (type === 'file' && name.endsWith('/')) return undefined;
  const record = type === 'pax-header' || type === 'gnu-long-path' || type === 'gnu-long-link-path';
  // An empty record: tar-stream then reads the next entry's padding as the record (and fails); left to it.
  if (record && (size === 0 || size > MAX_RECORD)) return undefined;
  // Content where tar-stream would read none (a directory), or give it to a link: left to it.
  if (size !== 0 && type !== 'file' && !record) return undefined;
  return { name, linkname: b[157] === 0 ? null : str(b, 157, 100), size, type };
}

/**
 * pax records (`<len> <key>=<value>\n`, each exactly its length): the keys tar-stream applies to the next entry
 * (path, linkpath, size), when every record is well formed and those present are not empty; else undefined.
 */
export function decodePax(b: Buffer): { path?: string; linkpath?: string; size?: number } | undefined {
  const out: { path?: string; linkpath?: string; size?: number } = {};
  let at = 0;
  while (at < b.length) {
    let sp = at;
    while (sp < b.length && sp - at < 20 && b[sp] >= 0x30 && b[sp] <= 0x39) sp++;
    if (sp === at || b[sp] !== 0x20 || b[at] === 0x30) return undefined;
    const len = Number(b.toString('latin1', at, sp));
    if (at + len > b.length || len < sp - at + 3 || b[at + len - 1] !== 0x0a) return undefined;
    const record = b.toString('utf8', sp + 1, at + len - 1);
    const eq = record.indexOf('=');
    if (eq <= 0) return undefined;
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === 'path' || key === 'linkpath') {
      if (!value) return undefined;
      out[key] = value;
    } else if (key === 'size') {
      if (!/^[0-9]{1,15}$/.test(value)) return undefined;
      out.size = Number(value);
    }
    at += len;
  }
  return out;
}
