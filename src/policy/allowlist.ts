/**
 * Allowlist files, in three formats detected by content:
 *  - native (docs/policy.md): `version: 1` + `allowlist: [{id, package?, image?, path?, reason, expires?}]`
 *  - clair-scanner whitelist: `generalwhitelist: {CVE: comment}` + `images: {image: {CVE: comment}}`
 *  - GitLab `vulnerability-allowlist.yml`: `generalallowlist: {CVE: comment}` + `images: {image: {CVE: comment}}`
 *  - other scanners' (policy/migrate.ts): Trivy's `.trivyignore` and `.trivyignore.yaml` (by file name), Grype's
 *    `ignore:` rules (a `.grype.yaml`, by its `ignore` key)
 * Parsed with the `yaml` package's Document API so every error and every entry carries file:line:column.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar, YAMLMap } from 'yaml';
import { ClairScanError } from '../util/errors';
import type { AllowlistEntryRef, AllowlistMatch, Finding, ImageInfo } from '../findings/model';
import { globMatch } from './glob';
import { splitSourcePrefix, stripTag } from '../image/reference';
import {
  isTrivyIgnoreName,
  isTrivyIgnoreYamlName,
  parseGrypeIgnore,
  parseTrivyIgnore,
  parseTrivyIgnoreYaml,
} from './migrate';

export type AllowlistFormat = 'native' | 'clair-scanner' | 'gitlab' | 'vex' | 'trivy' | 'grype';

/** An allowlist file larger than this is refused before it is read (a real one is kilobytes). */
export const MAX_ALLOWLIST_BYTES = 4 * 1024 * 1024;

export interface AllowlistEntry {
  format: AllowlistFormat;
  /** "file.yaml:12" */
  source: string;
  /** Vulnerability id or alias (native: a glob, also matching compliance rule ids; others: exact CVE id). */
  id: string;
  /** Native only: glob on the package name (or its source package name). */
  package?: string;
  /** Native only: glob on the image name (no tag), the reference as given, or name:tag. */
  image?: string;
  /** Native only: glob on a compliance finding's path. */
  path?: string;
  /** clair-scanner / GitLab `images:` key: an image name without tag. */
  imageKey?: string;
  reason: string;
  /** YYYY-MM-DD: the last day the entry applies. */
  expires?: string;
  /** VEX statements (policy/vex.ts) decide themselves which findings they cover. */
  matches?: (finding: Finding, image: ImageInfo) => boolean;
}

const NATIVE_KEYS = ['id', 'package', 'image', 'path', 'reason', 'expires'] as const;
const HINT_FORMATS =
  'use the native format (`version: 1` and an `allowlist:` list of entries with `id` and `reason`, see docs/policy.md), ' +
  "a clair-scanner whitelist (`generalwhitelist:` / `images:`), GitLab's vulnerability-allowlist.yml (`generalallowlist:` / `images:`), " +
  'a `.trivyignore` / `.trivyignore.yaml` (by file name) or a `.grype.yaml` with `ignore:` rules.';

class Located {
  constructor(
    readonly file: string,
    private readonly lc: LineCounter,
  ) {}
  pos(node: Node | null | undefined, fallback = 0): { line: number; col: number } {
    const offset = node?.range?.[0] ?? fallback;
    return this.lc.linePos(offset);
  }
  where(node: Node | null | undefined, fallback = 0): string {
    const p = this.pos(node, fallback);
    return `${this.file}:${p.line}:${p.col}`;
  }
  error(node: Node | null | undefined, what: string, hint = HINT_FORMATS): ClairScanError {
    return new ClairScanError(`allowlist ${this.where(node)}: ${what}`, { hint });
  }
}

function scalarText(n: unknown): string | undefined {
  if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')) return String(n.value);
  return undefined;
}

/** A valid YYYY-MM-DD calendar date. */
function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Parses one allowlist file's text. `file` is used in messages and entry sources. */
export function parseAllowlist(text: string, file: string): AllowlistEntry[] {
  // Trivy's plain .trivyignore is not YAML: known by its name, as Trivy finds it.
  if (isTrivyIgnoreName(file)) return parseTrivyIgnore(text, file);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const loc = new Located(file, lc);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const p = lc.linePos(e.pos[0]);
    throw new ClairScanError(`allowlist ${file}:${p.line}:${p.col}: not valid YAML: ${e.message.split('\n')[0]}`, {
      hint: 'fix the YAML syntax (indentation, quoting, duplicate keys) at that position.',
    });
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    throw new ClairScanError(`allowlist ${file}: the file is empty`, { hint: HINT_FORMATS });
  }
  if (!isMap(root)) throw loc.error(root, 'expected a mapping at the top level');
  const keys = new Map<string, { key: Node; value: Node | null }>();
  for (const pair of root.items) {
    const k = scalarText(pair.key);
    if (k === undefined) throw loc.error(pair.key as Node, 'expected a text key');
    keys.set(k, { key: pair.key as Node, value: (pair.value as Node | null) ?? null });
  }

  if (isTrivyIgnoreYamlName(file)) return parseTrivyIgnoreYaml(keys, loc, file);
  let format: AllowlistFormat;
  if (keys.has('allowlist') || keys.has('version')) format = 'native';
  else if (keys.has('generalwhitelist')) format = 'clair-scanner';
  else if (keys.has('generalallowlist')) format = 'gitlab';
  else if (keys.has('images')) format = /allowlist/i.test(path.basename(file)) ? 'gitlab' : 'clair-scanner';
  // Grype's whole configuration file: only its `ignore:` rules are allowlist entries.
  else if (keys.has('ignore')) return parseGrypeIgnore(keys, loc, file);
  else throw loc.error(root, `not a known allowlist format (top-level keys: ${[...keys.keys()].join(', ') || 'none'})`);

  const allowed =
    format === 'native'
      ? ['version', 'allowlist']
      : format === 'gitlab'
        ? ['generalallowlist', 'images']
        : ['generalwhitelist', 'images'];
  for (const [k, { key }] of keys) {
    if (!allowed.includes(k))
      throw loc.error(key, `unknown key "${k}" in a ${format} allowlist (expected ${allowed.join(', ')})`);
  }
  return format === 'native' ? parseNative(keys, loc) : parseCveMaps(keys, loc, format);
}

function parseNative(keys: Map<string, { key: Node; value: Node | null }>, loc: Located): AllowlistEntry[] {
  const version = keys.get('version');
  if (version && scalarText(version.value) !== '1') {
    throw loc.error(
      version.value ?? version.key,
      `unsupported version "${scalarText(version.value) ?? ''}" (expected 1)`,
    );
  }
  const list = keys.get('allowlist');
  if (!list) throw loc.error(null, 'missing the `allowlist:` list');
  if (list.value === null || (isScalar(list.value) && list.value.value === null)) return [];
  if (!isSeq(list.value)) throw loc.error(list.value, 'expected `allowlist` to be a list of entries');

  const entries: AllowlistEntry[] = [];
  for (const item of list.value.items as Node[]) {
    if (!isMap(item)) throw loc.error(item, 'expected an entry mapping with `id` and `reason`');
    const fields: Partial<Record<(typeof NATIVE_KEYS)[number], { node: Node; text: string }>> = {};
    for (const pair of (item as YAMLMap).items) {
      const k = scalarText(pair.key);
      if (k === undefined || !(NATIVE_KEYS as readonly string[]).includes(k)) {
        throw loc.error(
          pair.key as Node,
          `unknown key "${k ?? String(pair.key)}" (expected ${NATIVE_KEYS.join(', ')})`,
        );
      }
      const v = pair.value as Node | null;
      const text = isScalar(v) && typeof (v as Scalar).value === 'string' ? ((v as Scalar).value as string) : undefined;
      if (text === undefined) {
        throw loc.error(v ?? (pair.key as Node), `"${k}" must be text${k === 'expires' ? ' (a date YYYY-MM-DD)' : ''}`);
      }
      fields[k as (typeof NATIVE_KEYS)[number]] = { node: v as Node, text };
    }
    const where = loc.pos(item);
    const source = `${loc.file}:${where.line}`;
    if (!fields.id || fields.id.text.trim() === '')
      throw loc.error(item, 'entry has no `id` (a vulnerability id or alias, or a compliance rule id)');
    if (!fields.reason || fields.reason.text.trim() === '') {
      throw loc.error(
        fields.reason?.node ?? item,
        `entry "${fields.id.text}" has no \`reason\``,
        'say why the finding is acceptable in `reason:`; it is shown in every report.',
      );
    }
    if (fields.expires && !isDate(fields.expires.text.trim())) {
      throw loc.error(
        fields.expires.node,
        `"expires" is not a valid date: "${fields.expires.text}"`,
        'write the date as YYYY-MM-DD, e.g. 2026-12-31.',
      );
    }
    entries.push({
      format: 'native',
      source,
      id: fields.id.text.trim(),
      package: fields.package?.text.trim() || undefined,
      image: fields.image?.text.trim() || undefined,
      path: fields.path?.text.trim() || undefined,
      reason: fields.reason.text.trim(),
      expires: fields.expires?.text.trim(),
    });
  }
  return entries;
}

function parseCveMaps(
  keys: Map<string, { key: Node; value: Node | null }>,
  loc: Located,
  format: 'clair-scanner' | 'gitlab',
): AllowlistEntry[] {
  const label = format === 'gitlab' ? 'GitLab vulnerability-allowlist' : 'clair-scanner whitelist';
  const entries: AllowlistEntry[] = [];
  const readCves = (map: Node | null, imageKey?: string): void => {
    if (map === null || (isScalar(map) && map.value === null)) return;
    if (!isMap(map)) throw loc.error(map, 'expected a mapping of vulnerability ids to comments');
    for (const pair of map.items) {
      const id = scalarText(pair.key);
      if (id === undefined || id.trim() === '')
        throw loc.error(pair.key as Node, 'expected a vulnerability id as the key');
      const v = pair.value as Node | null;
      if (v !== null && !isScalar(v))
        throw loc.error(v, `the value of "${id}" must be a comment (text), not a ${isMap(v) ? 'mapping' : 'list'}`);
      const comment = v === null || v.value === null ? '' : String(v.value).trim();
      const p = loc.pos(pair.key as Node);
      entries.push({
        format,
        source: `${loc.file}:${p.line}`,
        id: id.trim(),
        imageKey,
        reason: comment ? `${label}: ${comment}` : label,
      });
    }
  };
  const general = keys.get(format === 'gitlab' ? 'generalallowlist' : 'generalwhitelist');
  if (general) readCves(general.value);
  const images = keys.get('images');
  if (images && images.value !== null && !(isScalar(images.value) && images.value.value === null)) {
    if (!isMap(images.value))
      throw loc.error(images.value, 'expected `images` to map image names to vulnerability ids');
    for (const pair of images.value.items) {
      const key = scalarText(pair.key);
      if (key === undefined || key.trim() === '')
        throw loc.error(pair.key as Node, 'expected an image name as the key');
      readCves((pair.value as Node | null) ?? null, key.trim());
    }
  }
  return entries;
}

/** Reads and parses the allowlist files, in order. */
export async function loadAllowlists(files: string[]): Promise<AllowlistEntry[]> {
  const all: AllowlistEntry[] = [];
  for (const file of files) {
    let text: string;
    try {
      const size = (await fs.stat(file)).size;
      if (size > MAX_ALLOWLIST_BYTES) {
        throw new ClairScanError(
          `allowlist file "${file}" is ${size} bytes, more than the ${MAX_ALLOWLIST_BYTES} an allowlist may have`,
          {
            hint: 'an allowlist lists findings one by one and is kilobytes long: check that the "allowlist" input names the right file.',
          },
        );
      }
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if (err instanceof ClairScanError) throw err;
      throw new ClairScanError(
        `cannot read allowlist file "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        {
          hint: 'check the path given in the "allowlist" input (relative paths are resolved from the working directory).',
          cause: err,
        },
      );
    }
    all.push(...parseAllowlist(text, file));
  }
  return all;
}

/** True when `now` is after the entry's expiry day (the entry applies through the whole day, UTC). */
export function isExpired(entry: { expires?: string }, now: Date): boolean {
  if (!entry.expires) return false;
  const [y, m, d] = entry.expires.split('-').map(Number);
  return now.getTime() >= Date.UTC(y, m - 1, d + 1);
}

/** Docker Hub spellings of the same repository: "docker.io/library/alpine" = "alpine". */
function canonicalRepo(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '');
}

/**
 * clair-scanner / GitLab image keys: the image name without tag — bare name, registry/name, or
 * registry/name@sha256 with the digest value omitted (gitlab-notes.md §5).
 */
export function imageKeyMatches(key: string, image: ImageInfo): boolean {
  const k = canonicalRepo(key.replace(/@(?:sha256:?)?$/, ''));
  const candidates = [image.name, stripTag(splitSourcePrefix(image.ref).ref)];
  return candidates.some((c) => c !== '' && canonicalRepo(c) === k);
}

function idMatches(entry: AllowlistEntry, ids: string[]): boolean {
  if (entry.format === 'native') return ids.some((i) => globMatch(entry.id, i));
  const want = entry.id.toLowerCase();
  return ids.some((i) => i.toLowerCase() === want);
}

/** Whether a (non-expired) entry covers a finding of an image. */
export function entryMatches(entry: AllowlistEntry, finding: Finding, image: ImageInfo): boolean {
  if (entry.matches) return entry.matches(finding, image);
  if (entry.imageKey !== undefined && !imageKeyMatches(entry.imageKey, image)) return false;
  if (entry.image !== undefined) {
    const names = [image.name, image.ref, ...(image.tag ? [`${image.name}:${image.tag}`] : [])];
    if (!names.some((n) => globMatch(entry.image as string, n))) return false;
  }
  if (finding.kind === 'vulnerability') {
    if (entry.path !== undefined) return false;
    if (entry.package !== undefined) {
      const pkgs = [finding.package.name, ...(finding.package.source ? [finding.package.source.name] : [])];
      if (!pkgs.some((p) => globMatch(entry.package as string, p))) return false;
    }
    return idMatches(entry, [finding.id, ...finding.aliases, finding.name]);
  }
  // Compliance findings: only native entries (the other formats hold CVE ids only).
  if (entry.format !== 'native' || entry.package !== undefined) return false;
  const noSlash = (p: string): string => p.replace(/^\/+/, '');
  if (
    entry.path !== undefined &&
    !(finding.path !== undefined && globMatch(noSlash(entry.path), noSlash(finding.path)))
  )
    return false;
  return idMatches(entry, [finding.rule]);
}

export function toRef(entry: AllowlistEntry): AllowlistEntryRef {
  return {
    source: entry.source,
    id: entry.imageKey ? `${entry.id} (image ${entry.imageKey})` : entry.id,
    reason: entry.reason,
    ...(entry.expires ? { expires: entry.expires } : {}),
  };
}

export function toMatch(entry: AllowlistEntry): AllowlistMatch {
  return { source: entry.source, reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}) };
}
