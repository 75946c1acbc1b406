/**
 * VEX documents as triage (input `vex`): OpenVEX 0.2.0 and CycloneDX VEX 1.4–1.6, detected by content and
 * validated against their schemas (a malformed document: file:line:column, exit 2). A `not_affected` (with its
 * justification) or `false_positive` statement naming the finding's vulnerability and its image or package
 * suppresses it like an allowlist entry; of the statements about one finding the newest decides; neither format
 * expires. Which statements, products and timestamps count: docs/decisions/vex-suppression.md.
 */
import { promises as fs } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { PackageURL } from 'packageurl-js';
import { ClairScanError, errorMessage, errorLine } from '../util/errors';
import { log } from '../util/log';
import type { BundleRequire } from '../util/lazy';
import type { Finding, ImageInfo } from '../findings/model';
import type { AllowlistEntry } from './allowlist';

declare const require: BundleRequire;
/** The schema validation (ajv and the schemas), loaded on first use: a chunk of its own in the bundles (src/util/lazy.ts). */
const loadVexSchema = (): Promise<typeof import('./vex-schema')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!([], () => ok(require('./vex-schema') as typeof import('./vex-schema')), fail, 'vex-schema'),
      )
    : Promise.resolve(require('./vex-schema') as typeof import('./vex-schema'));

export type VexFormat = 'openvex' | 'cyclonedx';

/** One statement about one vulnerability, resolved to what it names. */
export interface VexStatement {
  format: VexFormat;
  /** "file.json:12" */
  source: string;
  /** Vulnerability names: id and aliases. */
  ids: string[];
  status: string;
  /** Whether this statement, if it is the newest about a finding, suppresses it. */
  suppresses: boolean;
  reason: string;
  /** ms since the epoch; NaN when the document gives no time. */
  time: number;
  products: ProductRef[];
}

interface ProductRef {
  /** purl of the product (image or package), if it has one. */
  purl?: PackageURL;
  /** Subcomponents (packages) the statement is limited to; empty = the whole product. */
  sub: PackageURL[];
}

const HINT =
  'fix the VEX document at that position: `vex` takes OpenVEX (https://github.com/openvex/spec) and CycloneDX VEX (a BOM with `vulnerabilities[].analysis`) JSON files.';

class VexError extends ClairScanError {}

/** 1-based line and column of a character offset. */
function linePos(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, col: before.length - before.lastIndexOf('\n') };
}

function jsonSyntaxError(text: string, file: string, err: unknown): VexError {
  const msg = errorLine(err);
  let offset: number | undefined;
  const at = /at position (\d+)/.exec(msg);
  const lc = /\(line (\d+) column (\d+)\)/.exec(msg);
  if (at) offset = Number(at[1]);
  else if (/end of JSON input/i.test(msg)) offset = text.length;
  let where: { line: number; col: number } | undefined = lc
    ? { line: Number(lc[1]), col: Number(lc[2]) }
    : offset !== undefined
      ? linePos(text, offset)
      : undefined;
  if (!where) {
    // Some messages name no position (`Unexpected token 'x', "…" is not valid JSON`): the YAML parser (JSON is YAML) finds one.
    const doc = parseDocument(text);
    const e = doc.errors[0];
    where = e ? linePos(text, e.pos[0]) : { line: 1, col: 1 };
  }
  return new VexError(
    `vex ${file}:${where.line}:${where.col}: not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}`,
    { hint: HINT },
  );
}

/** The node at a JSON pointer (ajv instancePath) in the document parsed with positions; its start offset. */
function offsetOf(doc: Document, pointer: string): number {
  const path = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let n = path.length; n >= 0; n--) {
    const node =
      n === 0 ? doc.contents : (doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return range[0];
  }
  return 0;
}

function schemaError(
  text: string,
  file: string,
  doc: Document,
  errors: ErrorObject[] | null | undefined,
  what: string,
): VexError {
  // The most specific error: the deepest path (ajv reports `anyOf`/`if` wrappers as well).
  const e = [...(errors ?? [])].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length)[0];
  const where = linePos(text, e ? offsetOf(doc, e.instancePath) : 0);
  const detail = e
    ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}${e.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : ''}`
    : 'is invalid';
  return new VexError(`vex ${file}:${where.line}:${where.col}: not a valid ${what}: ${detail}`, { hint: HINT });
}

function purlOf(text: unknown): PackageURL | undefined {
  if (typeof text !== 'string' || !/^pkg:/i.test(text)) return undefined;
  try {
    return PackageURL.fromString(text);
  } catch {
    return undefined;
  }
}

function timeOf(...candidates: unknown[]): number {
  for (const c of candidates) if (typeof c === 'string' && c) return Date.parse(c);
  return Number.NaN;
}

type J = Record<string, unknown>;
const obj = (v: unknown): J => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as J) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function openVexStatements(data: J, file: string, text: string, doc: Document): VexStatement[] {
  const docTime = timeOf(data.last_updated, data.timestamp);
  return arr(data.statements).map((raw, i) => {
    const s = obj(raw);
    const v = obj(s.vulnerability);
    const ids = [v.name, ...arr(v.aliases)]
      .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
      .map((x) => x.trim());
    const products: ProductRef[] = arr(s.products).map((p) => {
      const prod = obj(p);
      const sub = arr(prod.subcomponents)
        .map((c) => purlOf(obj(c)['@id']) ?? purlOf(obj(obj(c).identifiers).purl))
        .filter((x): x is PackageURL => !!x);
      return { purl: purlOf(prod['@id']) ?? purlOf(obj(prod.identifiers).purl), sub };
    });
    const status = String(s.status);
    const why = [s.justification, s.impact_statement]
      .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
      // A document we wrote from a VEX-triaged finding already says "OpenVEX <status>: …": don't say it twice.
      .map((x) => x.replace(/^OpenVEX [a-z_]+: /, ''));
    const at = linePos(text, offsetOf(doc, `/statements/${i}`));
    return {
      format: 'openvex' as const,
      source: `${file}:${at.line}`,
      ids,
      status,
      suppresses: status === 'not_affected',
      reason: `OpenVEX ${status}${why.length ? `: ${why.join(' — ')}` : ''}`,
      time: timeOf(s.last_updated, s.timestamp, data.last_updated, data.timestamp) || docTime,
      products,
    };
  });
}

function cycloneDxStatements(data: J, file: string, text: string, doc: Document): VexStatement[] {
  // bom-ref → purl, over metadata.component and every (nested) component.
  const refs = new Map<string, PackageURL | undefined>();
  const walk = (c: unknown): void => {
    const comp = obj(c);
    if (typeof comp['bom-ref'] === 'string') refs.set(comp['bom-ref'], purlOf(comp.purl));
    for (const child of arr(comp.components)) walk(child);
  };
  walk(obj(data.metadata).component);
  for (const c of arr(data.components)) walk(c);
  const bomTime = obj(data.metadata).timestamp;
  const out: VexStatement[] = [];
  arr(data.vulnerabilities).forEach((raw, i) => {
    const v = obj(raw);
    const analysis = obj(v.analysis);
    if (analysis.state === undefined) return; // no analysis: an inventory entry, not a VEX statement
    const ids = [v.id, ...arr(v.references).map((r) => obj(r).id)]
      .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
      .map((x) => x.trim());
    const state = String(analysis.state);
    const justification = typeof analysis.justification === 'string' ? analysis.justification : undefined;
    const detail = typeof analysis.detail === 'string' && analysis.detail.trim() ? analysis.detail.trim() : undefined;
    const at = linePos(text, offsetOf(doc, `/vulnerabilities/${i}`));
    const source = `${file}:${at.line}`;
    const products: ProductRef[] = [];
    for (const a of arr(v.affects)) {
      const ref = obj(a).ref;
      const purl = typeof ref === 'string' ? (refs.has(ref) ? refs.get(ref) : purlOf(ref)) : undefined;
      if (purl) products.push({ purl, sub: [] });
      else
        log.warn(
          `vex ${source}: affects ref "${String(ref)}" names no component with a purl in this BOM; that part of the statement cannot apply.`,
        );
    }
    const suppresses = state === 'false_positive' || (state === 'not_affected' && !!justification);
    if (state === 'not_affected' && !justification) {
      log.warn(
        `vex ${source}: ${ids[0] ?? 'a vulnerability'} is not_affected without analysis.justification; it does not suppress the finding (give the justification).`,
      );
    }
    out.push({
      format: 'cyclonedx',
      source,
      ids,
      status: state,
      suppresses,
      reason: `CycloneDX VEX ${state}${justification ? ` (${justification})` : ''}${detail ? `: ${detail}` : ''}`,
      time: timeOf(analysis.lastUpdated, analysis.firstIssued, v.updated, v.published, bomTime),
      products,
    });
  });
  return out;
}

/**
 * Parses and validates one VEX document's text (`schema`: ./vex-schema, loaded by loadVexSchema()). Throws a
 * ClairScanError naming file:line:column.
 */
export function parseVex(text: string, file: string, schema: typeof import('./vex-schema')): VexStatement[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(text, file, err);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const d = obj(data);
  if (typeof d['@context'] === 'string' && /openvex/i.test(d['@context'])) {
    const errors = schema.openVexSchemaErrors(data);
    if (errors.length) throw schemaError(text, file, doc, errors, 'OpenVEX 0.2.0 document');
    return openVexStatements(d, file, text, doc);
  }
  if (d.bomFormat === 'CycloneDX') {
    const errors = schema.cycloneDxSchemaErrors(d);
    if (errors.length) throw schemaError(text, file, doc, errors, `CycloneDX ${String(d.specVersion)} BOM`);
    if (!Array.isArray(d.vulnerabilities))
      throw new VexError(`vex ${file}:1:1: the CycloneDX BOM has no vulnerabilities (no VEX statements)`, {
        hint: HINT,
      });
    return cycloneDxStatements(d, file, text, doc);
  }
  const where =
    isMap(doc.contents) || isSeq(doc.contents) ? linePos(text, doc.contents.range?.[0] ?? 0) : { line: 1, col: 1 };
  throw new VexError(
    `vex ${file}:${where.line}:${where.col}: neither an OpenVEX document (an "@context" of https://openvex.dev/ns/…) nor a CycloneDX BOM ("bomFormat": "CycloneDX")`,
    { hint: HINT },
  );
}

/** Reads every VEX file, in order. Throws a ClairScanError (exit 2) for an unreadable or malformed file. */
export async function loadVexStatements(files: string[]): Promise<VexStatement[]> {
  const all: VexStatement[] = [];
  const schema = await loadVexSchema();
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      throw new ClairScanError(
        `cannot read VEX file "${file}": ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`,
        {
          hint: 'check the path given in the "vex" input (relative paths are resolved from the working directory).',
          cause: err,
        },
      );
    }
    all.push(...parseVex(text, file, schema));
  }
  return all;
}

const lower = (s: string | undefined | null): string => (s ?? '').toLowerCase();

/** Package purl vs finding package: type, namespace, name (or the source package's name); version if the purl has one. */
function packageMatches(p: PackageURL, f: Finding): boolean {
  if (f.kind !== 'vulnerability') return false;
  const mine = purlOf(f.package.purl);
  if (!mine || lower(p.type) !== lower(mine.type)) return false;
  if (p.namespace && lower(p.namespace) !== lower(mine.namespace)) return false;
  const names = [f.package.name, ...(f.package.source ? [f.package.source.name] : [])].map(lower);
  if (!names.includes(lower(p.name))) return false;
  if (p.version && p.version !== f.package.version && p.version !== f.package.source?.version) return false;
  return true;
}

/** Docker Hub's host names, as a repository URL or a purl namespace may write them. */
const DOCKER_HUB = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com)\//;

/**
 * A repository (`ghcr.io/org/app`, `https://docker.io/library/app`) in the form of the scanned image's name
 * (image/reference.ts `stableName`): no scheme, no trailing slash, Docker Hub without host and `library/`.
 */
function stableRepository(repo: string): string {
  let r = lower(repo)
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/\/+$/, '');
  if (DOCKER_HUB.test(r)) r = r.replace(DOCKER_HUB, '');
  const first = r.split('/')[0];
  // No registry host in front (no dot, no port, not localhost): Docker Hub, whose official images drop `library/`.
  const hub = !r.includes('/') || !(first.includes('.') || first.includes(':') || first === 'localhost');
  return hub ? r.replace(/^library\//, '') : r;
}

/** An OCI digest (image-spec descriptor.md grammar): `algorithm:encoded`. */
const isDigest = (v: string | undefined | null): boolean =>
  /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(v ?? '');

/**
 * Image purl (`pkg:oci/name@digest?repository_url=…&tag=…`, `pkg:docker/ns/name@tag`) vs the scanned image. The
 * image's full repository (registry and path) must be the product's: `repository_url`, else — as Docker reads an
 * unqualified name — Docker Hub's `library/<name>`; so `pkg:oci/app` is not every `…/app` on every registry. A
 * product pinned to a digest names content, not a place: it matches that content under the same last name segment
 * wherever it was pulled from.
 */
function imageMatches(p: PackageURL, img: ImageInfo): boolean {
  const type = lower(p.type);
  if (type !== 'oci' && type !== 'docker') return false;
  const name = lower(img.name);
  const last = name.split('/').pop() ?? name;
  const versions = [
    img.manifestDigest,
    img.imageId,
    ...img.repoDigests.map((d) => d.split('@')[1] ?? ''),
    img.tag ?? '',
  ].map(lower);
  if (type === 'oci') {
    if (lower(p.name) !== last) return false;
    const repo = p.qualifiers?.repository_url;
    const pinned = isDigest(p.version) && !repo;
    if (!pinned && stableRepository(repo || lower(p.name)) !== name) return false;
  } else if (stableRepository([p.namespace, p.name].filter(Boolean).join('/')) !== name) {
    return false;
  }
  if (p.version && !versions.includes(lower(p.version))) return false;
  const tag = p.qualifiers?.tag;
  if (tag && img.tag && tag !== img.tag && !p.version) return false;
  return true;
}

function statementCovers(s: VexStatement, f: Finding, img: ImageInfo): boolean {
  if (f.kind !== 'vulnerability') return false;
  const ids = [f.id, ...f.aliases, f.name].map(lower);
  if (!s.ids.some((i) => ids.includes(lower(i)))) return false;
  return s.products.some((p) => {
    if (!p.purl) return false;
    if (imageMatches(p.purl, img)) return p.sub.length === 0 || p.sub.some((c) => packageMatches(c, f));
    return packageMatches(p.purl, f);
  });
}

/**
 * The statements as allowlist entries: one per suppressing statement, matching a finding only when that statement
 * is the newest about it (over all statements of all files; on equal times, the later file and position wins).
 * Statements dated after `now` are left out.
 */
export function vexEntries(statements: VexStatement[], now: Date = new Date()): AllowlistEntry[] {
  const inEffect = statements.filter((s) => {
    if (s.time > now.getTime()) {
      log.warn(
        `vex ${s.source}: the statement is dated in the future (${new Date(s.time).toISOString()}); it does not apply yet.`,
      );
      return false;
    }
    return true;
  });
  const order = (s: VexStatement): number => (Number.isNaN(s.time) ? Number.NEGATIVE_INFINITY : s.time);
  return inEffect
    .filter((s) => s.suppresses)
    .map((s) => ({
      format: 'vex' as const,
      source: s.source,
      id: s.ids[0] ?? '',
      reason: s.reason,
      matches: (f: Finding, img: ImageInfo): boolean => {
        if (!statementCovers(s, f, img)) return false;
        const idx = inEffect.indexOf(s);
        // Newest wins; on a tie, the one given later.
        return !inEffect.some(
          (o, j) =>
            o !== s && (order(o) > order(s) || (order(o) === order(s) && j > idx)) && statementCovers(o, f, img),
        );
      },
    }));
}

/** Like loadVex, over documents already read (the base branch's versions: policy/base.ts). */
export async function vexEntriesOf(
  docs: { text: string; source: string }[],
  now: Date = new Date(),
): Promise<AllowlistEntry[]> {
  if (docs.length === 0) return [];
  const schema = await loadVexSchema();
  return vexEntries(
    docs.flatMap((d) => parseVex(d.text, d.source, schema)),
    now,
  );
}

/** Reads the VEX files and returns their suppressing statements as allowlist entries (see vexEntries). */
export async function loadVex(files: string[], now: Date = new Date()): Promise<AllowlistEntry[]> {
  if (files.length === 0) return [];
  return vexEntries(await loadVexStatements(files), now);
}
