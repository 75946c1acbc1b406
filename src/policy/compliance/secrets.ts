/**
 * secrets: credential files and key/token patterns in ANY layer of the image (deleted files too: still in its
 * history), and in its config (history `created_by`, Config.Env). Each layer's tar is streamed once, nothing
 * unpacked or held; text files up to a size are content-scanned with an overlap so a split secret is still found.
 * Findings name rule, layer, path and line — NEVER the secret's value nor a `created_by` command.
 * How and why: docs/decisions/secrets-check.md.
 */
import type { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import type { ComplianceFinding } from '../../findings/model';
import { assignmentsIn, findTokens, isSecretAssignment, TOKEN_RULES } from '../../findings/redact';
import type { ResolvedImage } from '../../image/types';
import { ClairScanError, errorMessage } from '../../util/errors';
import { log } from '../../util/log';
import type { ComplianceCheck } from './check';

const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** Bytes checked for a NUL to call a file binary (what git and grep do, roughly). */
const BINARY_SNIFF = 8192;
/** Kept from the previous window; larger than the longest match of any content rule plus one. */
const OVERLAP = 512;

interface ContentRule {
  rule: string;
  what: string;
  re: RegExp;
  /** Matches that are documentation examples, not secrets. Gets the match but never reports it. */
  ignore?: (match: string) => boolean;
}

/** Every pattern is bounded in length (see OVERLAP) and has no nested quantifiers. */
const CONTENT_RULES: readonly ContentRule[] = [
  {
    rule: 'secret/private-key',
    what: 'a private key (PEM "BEGIN … PRIVATE KEY" block)',
    re: /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
  },
  ...TOKEN_RULES,
];

interface PathRule {
  rule: string;
  what: string;
  test: (path: string, base: string) => boolean;
  /** When set, the file only counts if its content (read whole, up to maxFileSize) passes this test. */
  content?: (text: string) => boolean;
}

const SSH_KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519']);

function dockerConfigHasAuth(text: string): boolean {
  try {
    const cfg = JSON.parse(text) as { auths?: unknown };
    if (!cfg.auths || typeof cfg.auths !== 'object') return false;
    return Object.values(cfg.auths as Record<string, unknown>).some(
      (a) =>
        !!a &&
        typeof a === 'object' &&
        typeof (a as { auth?: unknown }).auth === 'string' &&
        (a as { auth: string }).auth.trim() !== '',
    );
  } catch {
    return false;
  }
}

/** A value that is a reference to an environment variable (`${NPM_TOKEN}`) is not a secret. */
const NOT_ENV_REF = '(?!\\$\\{|\\$[A-Za-z_])';

const PATH_RULES: readonly PathRule[] = [
  { rule: 'secret/ssh-private-key-file', what: 'an SSH private key file', test: (_p, b) => SSH_KEY_NAMES.has(b) },
  {
    rule: 'secret/aws-credentials-file',
    what: 'an AWS credentials file',
    test: (p) => p === '/.aws/credentials' || p.endsWith('/.aws/credentials'),
  },
  {
    rule: 'secret/git-credentials-file',
    what: 'a git credential store (.git-credentials)',
    test: (_p, b) => b === '.git-credentials',
  },
  {
    rule: 'secret/docker-config-auth',
    what: 'a Docker config.json with registry credentials (auths.*.auth)',
    test: (p) => p.endsWith('/.docker/config.json'),
    content: dockerConfigHasAuth,
  },
  {
    rule: 'secret/npmrc-token',
    what: 'an .npmrc with an auth token (_authToken / _auth)',
    test: (_p, b) => b === '.npmrc',
    content: (t) => new RegExp(`(?:^|\\n)[^\\n#;]*?_(?:authToken|auth)\\s*=\\s*${NOT_ENV_REF}[^\\s]`).test(t),
  },
  {
    rule: 'secret/pypirc-password',
    what: 'a .pypirc with a password',
    test: (_p, b) => b === '.pypirc',
    content: (t) => new RegExp(`(?:^|\\n)[ \\t]*password[ \\t]*[=:][ \\t]*${NOT_ENV_REF}[^\\s]`).test(t),
  },
  {
    rule: 'secret/netrc-password',
    what: 'a .netrc with a password',
    test: (_p, b) => b === '.netrc' || b === '_netrc',
    content: (t) => new RegExp(`(?:^|\\s)password\\s+${NOT_ENV_REF}\\S`).test(t),
  },
];

/**
 * Scans one file's content, fed in chunks, for CONTENT_RULES. Keeps the last OVERLAP characters of each
 * window so a match split across chunks is seen whole in the next window. Bytes are decoded as latin1
 * (one char per byte) so chunk boundaries never split a character.
 */
export class ContentScanner {
  /** rule → 1-based line of its first match. */
  readonly found = new Map<string, number>();
  private carry = '';
  private carryStart = 0;
  private linesBeforeCarry = 0;

  push(chunk: string, final = false): void {
    const window = this.carry + chunk;
    for (const r of CONTENT_RULES) {
      if (this.found.has(r.rule)) continue;
      r.re.lastIndex = 0;
      for (let m = r.re.exec(window); m; m = r.re.exec(window)) {
        const end = m.index + m[0].length;
        // A match touching the window's start lacks its left context (unless it is the file's start): it was
        // already judged in the previous window. One touching the end may continue: judge it next time.
        if (m.index === 0 && this.carryStart > 0) continue;
        if (end >= window.length && !final) break;
        if (r.ignore?.(m[0])) continue;
        this.found.set(r.rule, this.linesBeforeCarry + countNewlines(window, 0, m.index) + 1);
        break;
      }
    }
    if (window.length > OVERLAP) {
      const drop = window.length - OVERLAP;
      this.linesBeforeCarry += countNewlines(window, 0, drop);
      this.carryStart += drop;
      this.carry = window.slice(drop);
    } else {
      this.carry = window;
    }
  }

  end(): void {
    this.push('', true);
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export interface SecretsStats {
  layers: number;
  /** Regular files seen in all layers. */
  files: number;
  /** Files whose content was scanned. */
  scanned: number;
  /** Files larger than the limit (paths checked, content not). */
  skippedLarge: number;
  /** Files with a NUL byte in their first 8 KiB (paths checked, content not). */
  skippedBinary: number;
  maxFileSize: number;
}

interface RawHit {
  rule: string;
  what: string;
  layerIndex: number;
  path: string;
  line?: number;
}

/** "./etc/x" and "etc/x" → "/etc/x". */
function normalizePath(name: string): string {
  return `/${name.replace(/^(?:\.\/|\/)+/, '').replace(/\/+$/, '')}`;
}

export async function checkSecrets(
  image: ResolvedImage,
  opts: { maxFileSize?: number } = {},
): Promise<{ findings: ComplianceFinding[]; stats: SecretsStats }> {
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const stats: SecretsStats = { layers: 0, files: 0, scanned: 0, skippedLarge: 0, skippedBinary: 0, maxFileSize };
  const hits: RawHit[] = [];
  /** Whiteouts seen: a deleted path (and everything below it), or an opaque directory's contents. */
  const deletions: { layerIndex: number; path: string; opaque: boolean }[] = [];
  /** Paths of hits → the first later layer that wrote the same path again. */
  const hitPaths = new Map<string, number>();
  const replacedIn = new Map<RawHit, number>();
  const addHit = (hit: RawHit): void => {
    hits.push(hit);
    if (!hitPaths.has(hit.path)) hitPaths.set(hit.path, hit.layerIndex);
  };

  for (let li = 0; li < image.layers.length; li++) {
    const layer = image.layers[li];
    stats.layers++;
    let src: Readable;
    try {
      src = await layer.openTar();
    } catch (err) {
      throw layerError(li, layer.diffId, err);
    }
    const extract = tar.extract();
    src.on('error', (err) => extract.destroy(err));
    src.pipe(extract);
    try {
      for await (const entry of extract) {
        const h = entry.header;
        const full = normalizePath(h.name);
        const slash = full.lastIndexOf('/');
        const dir = full.slice(0, slash);
        const base = full.slice(slash + 1);

        if (hitPaths.has(full)) {
          for (const hit of hits)
            if (hit.path === full && hit.layerIndex < li && !replacedIn.has(hit)) replacedIn.set(hit, li);
        }
        if (base.startsWith('.wh.')) {
          if (base === '.wh..wh..opq') deletions.push({ layerIndex: li, path: dir, opaque: true });
          else deletions.push({ layerIndex: li, path: `${dir}/${base.slice(4)}`, opaque: false });
          entry.resume();
          continue;
        }
        if (h.type !== 'file' && h.type !== 'contiguous-file') {
          entry.resume();
          continue;
        }
        stats.files++;

        const pathHits = PATH_RULES.filter((r) => r.test(full, base));
        for (const r of pathHits) if (!r.content) addHit({ rule: r.rule, what: r.what, layerIndex: li, path: full });
        const needsContent = pathHits.filter((r) => r.content);

        const size = h.size ?? 0;
        if (size > maxFileSize) {
          stats.skippedLarge++;
          entry.resume();
          continue;
        }
        const scanner = new ContentScanner();
        const whole: Buffer[] = [];
        let sniffed = 0;
        let binary = false;
        for await (const chunk of entry as AsyncIterable<Buffer>) {
          if (binary) continue; // drain
          if (sniffed < BINARY_SNIFF) {
            const part = chunk.subarray(0, BINARY_SNIFF - sniffed);
            sniffed += part.length;
            if (part.includes(0)) {
              binary = true;
              continue;
            }
          }
          scanner.push(chunk.toString('latin1'));
          if (needsContent.length > 0) whole.push(chunk);
        }
        if (binary) {
          stats.skippedBinary++;
          continue;
        }
        scanner.end();
        stats.scanned++;
        for (const r of CONTENT_RULES) {
          const line = scanner.found.get(r.rule);
          if (line !== undefined) addHit({ rule: r.rule, what: r.what, layerIndex: li, path: full, line });
        }
        if (needsContent.length > 0) {
          const text = Buffer.concat(whole).toString('utf8');
          for (const r of needsContent)
            if (r.content?.(text)) addHit({ rule: r.rule, what: r.what, layerIndex: li, path: full });
        }
      }
    } catch (err) {
      throw layerError(li, layer.diffId, err);
    } finally {
      src.unpipe(extract);
      src.destroy();
      extract.destroy();
    }
  }

  return { findings: [...checkConfigSecrets(image), ...toFindings(image, hits, deletions, replacedIn)], stats };
}

const CONFIG_ADVICE =
  ' Revoke/rotate the credential, then rebuild passing it as a build secret (`RUN --mount=type=secret,id=…`, `docker build --secret`) ' +
  'instead of a build argument or ENV, or allowlist the rule for this image with a reason if it is not a secret.';

/**
 * Secrets in the image config: history lines and Config.Env (raw, from `image.rawConfig`; without it, the
 * history of the layers in `image.info`). Names and locations only, never values.
 */
function checkConfigSecrets(image: ResolvedImage): ComplianceFinding[] {
  const history =
    image.rawConfig?.history ?? image.info.layers.map((l) => ({ createdBy: l.createdBy ?? '', emptyLayer: false }));
  const env = image.rawConfig?.env ?? [];
  const total = image.info.layers.length;
  const out: ComplianceFinding[] = [];
  const seen = new Set<string>();
  const add = (f: Omit<ComplianceFinding, 'kind' | 'severity' | 'key'>, where: string): void => {
    const key = `${image.info.name}|${f.rule}|${where}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind: 'compliance', key, severity: 'Critical', ...f });
  };

  const envNames = new Set<string>();
  for (const entry of env) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const name = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    const named = isSecretAssignment(name, value);
    if (named) {
      envNames.add(name);
      add(
        {
          rule: 'secret/env-variable',
          title: `Secret in image config: environment variable ${name}`,
          message: `The image's configured environment (Config.Env) sets ${name} to a non-empty value, which every container of the image gets and anyone who can pull the image can read (\`docker inspect\`).${CONFIG_ADVICE}`,
        },
        `env:${name}`,
      );
    }
    // A token in a value already reported by its name is the same secret: one finding.
    for (const t of named ? [] : findTokens(value)) {
      add(
        {
          rule: t.rule.rule,
          title: `Secret in image config: ${t.rule.what}`,
          message: `The value of the environment variable ${name} (Config.Env) contains ${t.rule.what}, readable by anyone who can pull the image.${CONFIG_ADVICE}`,
        },
        `env:${name}`,
      );
    }
  }

  let layerIndex = -1;
  history.forEach((h, i) => {
    if (!h.emptyLayer) layerIndex++;
    const layer = !h.emptyLayer && layerIndex < total ? image.info.layers[layerIndex] : undefined;
    const at = `history entry ${i + 1} of ${history.length}${layer ? ` (layer ${layerIndex + 1} of ${total}, ${layer.diffId})` : ''}`;
    const layerField = layer ? { layer: layer.diffId } : {};
    const isEnvLine = /^\s*(?:\/bin\/sh -c #\(nop\)\s*)?ENV\s/.test(h.createdBy);
    const reported: { start: number; end: number }[] = [];
    for (const a of assignmentsIn(h.createdBy)) {
      if (!isSecretAssignment(a.name, a.value)) continue;
      reported.push(a);
      if (a.buildArg) {
        add(
          {
            rule: 'secret/build-arg',
            title: `Secret in image history: build argument ${a.name}`,
            message: `The build argument ${a.name} had a value when the image was built, and Docker records build-argument values in the image history (${at}): anyone who can pull the image can read it with \`docker history --no-trunc\`.${CONFIG_ADVICE}`,
            ...layerField,
          },
          `history:${a.name}`,
        );
      } else if (!(isEnvLine && envNames.has(a.name))) {
        add(
          {
            rule: 'secret/history-variable',
            title: `Secret in image history: ${a.name}`,
            message: `The image history (${at}) sets ${a.name} to a non-empty value: anyone who can pull the image can read it with \`docker history --no-trunc\`.${CONFIG_ADVICE}`,
            ...layerField,
          },
          `history:${a.name}`,
        );
      }
    }
    for (const t of findTokens(h.createdBy)) {
      if (reported.some((r) => t.index >= r.start && t.index < r.end)) continue;
      add(
        {
          rule: t.rule.rule,
          title: `Secret in image history: ${t.rule.what}`,
          message: `The image history (${at}) contains ${t.rule.what} in the command that built it: anyone who can pull the image can read it with \`docker history --no-trunc\`.${CONFIG_ADVICE}`,
          ...layerField,
        },
        `history#${i + 1}`,
      );
    }
  });
  return out;
}

function layerError(index: number, diffId: string, err: unknown): ClairScanError {
  if (err instanceof ClairScanError) return err;
  return new ClairScanError(`secrets check: cannot read layer ${index + 1} (${diffId}): ${errorMessage(err)}`, {
    hint: 'the layer is not a readable tar stream; check that the image is complete (re-save or re-pull it), or turn off "check-secrets".',
    cause: err,
  });
}

function toFindings(
  image: ResolvedImage,
  hits: RawHit[],
  deletions: { layerIndex: number; path: string; opaque: boolean }[],
  replacedIn: Map<RawHit, number>,
): ComplianceFinding[] {
  const total = image.layers.length;
  const keys = new Map<string, number>();
  return hits.map((hit) => {
    const layer = image.layers[hit.layerIndex];
    const deleted = deletions.find(
      (d) =>
        d.layerIndex > hit.layerIndex &&
        (d.opaque ? hit.path.startsWith(`${d.path}/`) : hit.path === d.path || hit.path.startsWith(`${d.path}/`)),
    );
    const replaced = replacedIn.get(hit);
    const at = `${hit.path}${hit.line !== undefined ? ` (line ${hit.line})` : ''}`;
    let message = `Found ${hit.what} in ${at}, added in layer ${hit.layerIndex + 1} of ${total} (${layer.diffId}).`;
    if (deleted) {
      message += ` It was deleted later (layer ${deleted.layerIndex + 1}) but is still in the image's history: anyone who can pull the image can read it from layer ${hit.layerIndex + 1}.`;
    } else if (replaced !== undefined) {
      message += ` It was overwritten later (layer ${replaced + 1}) but the original is still in the image's history (layer ${hit.layerIndex + 1}).`;
    }
    message +=
      ' Revoke/rotate the credential, then rebuild without it (use build secrets, e.g. `RUN --mount=type=secret`, or a multi-stage build), ' +
      'or allowlist the rule for this path with a reason if it is a test fixture.';
    const baseKey = `${image.info.name}|${hit.rule}|${hit.path}`;
    const n = (keys.get(baseKey) ?? 0) + 1;
    keys.set(baseKey, n);
    return {
      kind: 'compliance' as const,
      key: n === 1 ? baseKey : `${baseKey}#${n}`,
      rule: hit.rule,
      title: `Secret in image: ${hit.what}`,
      message,
      severity: 'Critical' as const,
      layer: layer.diffId,
      path: hit.path,
    };
  });
}

export const secretsCheck: ComplianceCheck = {
  inputs: ['check-secrets'],
  enabled: (p) => p.checkSecrets === true,
  label: () => 'check-secrets',
  owns: (rule) => rule.startsWith('secret/'),
  readsLayers: true,
  run: async (image, _policy, ctx) => {
    const { findings, stats } = await checkSecrets(image);
    const mib = (stats.maxFileSize / (1024 * 1024)).toString();
    const note =
      `secrets check: ${stats.files} files in ${stats.layers} layers; content of ${stats.scanned} text files scanned` +
      (stats.skippedLarge || stats.skippedBinary
        ? `; not content-scanned (paths only): ${stats.skippedLarge} files over ${mib} MiB, ${stats.skippedBinary} binary files`
        : '');
    log.info(note);
    ctx.notes?.push(note);
    return findings;
  },
};
