/**
 * Secret values in image metadata. The image history (`created_by`) records build-argument values
 * (`|1 NPM_TOKEN=… /bin/sh -c npm ci`) and `ENV` lines, and the config's `Env` holds the variables as set: text
 * that reports, artifacts and comments must never repeat. This module is the one owner of
 * - what a secret-looking variable *name* is (`*_TOKEN`, `*_PASSWORD`, `*_SECRET`, `*_KEY`, …),
 * - the known token *formats* (GitHub, GitLab, AWS, Slack, Google), also used by the secrets check,
 * - `redactCommand()`: a history line with every such value replaced by `***`,
 * - `redactImageInfo()`: what `normalizeReport` calls, so the model — and so every reporter and publisher — only
 *   ever holds redacted history. The raw history stays on the ResolvedImage for the secrets check.
 */
import type { ImageInfo } from './model';

const REDACTED = '***';

export interface TokenRule {
  rule: string;
  what: string;
  re: RegExp;
  /** Matches that are documentation examples, not secrets. */
  ignore?: (match: string) => boolean;
}

/** Known credential formats. Every pattern is bounded in length and has no nested quantifiers. */
export const TOKEN_RULES: readonly TokenRule[] = [
  {
    rule: 'secret/aws-access-key-id',
    what: 'an AWS access key id',
    re: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    // AWS's documentation example (AKIAIOSFODNN7EXAMPLE) ships in many SDKs' docs.
    ignore: (m) => m.endsWith('EXAMPLE'),
  },
  {
    rule: 'secret/github-token',
    what: 'a GitHub token',
    re: /(?<![A-Za-z0-9_])(?:gh[opsur]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g,
  },
  {
    rule: 'secret/gitlab-token',
    what: 'a GitLab personal access token',
    re: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,200}/g,
  },
  { rule: 'secret/slack-token', what: 'a Slack token', re: /(?<![A-Za-z0-9])xox[baprs]-[A-Za-z0-9-]{10,200}/g },
  {
    rule: 'secret/google-api-key',
    what: 'a Google API key',
    re: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g,
  },
];

/** `NPM_TOKEN`, `DB_PASSWORD`, `API_KEY`, `CLIENT_SECRET`, `TOKEN`, `GITHUB_PAT`, `AWS_CREDENTIALS`, `NPM_AUTH` … */
const SECRET_NAME = /(?:^|_)(?:TOKEN|PASSWORD|PASSWD|SECRET|KEY|APIKEY|CREDENTIALS?|AUTH|PAT)$/i;
/** Public by design: release-signing key fingerprints (`ENV GPG_KEY=…` in the official python images) and public keys. */
const PUBLIC_NAME = /(?:^|_)(?:GPG|PGP|PUBLIC|PUB)_KEYS?$|^GPG_KEY/i;

function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !PUBLIC_NAME.test(name);
}

/**
 * Whether `NAME=value` gives a secret-looking variable a real value: not empty, not a reference to another variable
 * (`${NPM_TOKEN}`, `$NPM_TOKEN`) and not a file path (`SSL_KEY=/run/secrets/key.pem` names where the secret is).
 */
export function isSecretAssignment(name: string, value: string): boolean {
  const v = value.replace(/^(["'])(.*)\1$/s, '$2').trim();
  return isSecretName(name) && v !== '' && !/^\$\{?[A-Za-z_]/.test(v) && !v.startsWith('/');
}

/** Every known-format token in `text`: rule and position (never to be printed). */
export function findTokens(text: string): { rule: TokenRule; index: number; length: number }[] {
  const out: { rule: TokenRule; index: number; length: number }[] = [];
  for (const rule of TOKEN_RULES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      if (rule.ignore?.(m[0])) continue;
      out.push({ rule, index: m.index ?? 0, length: m[0].length });
    }
  }
  return out;
}

export interface Assignment {
  name: string;
  value: string;
  /** Where the value starts and ends in the text. */
  start: number;
  end: number;
  /** True for the `|N NAME=value …` build-argument prefix Docker writes before a RUN command. */
  buildArg: boolean;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
/** What follows the build arguments of a RUN in the history: the shell (`/bin/sh -c`) or an exec-form command. */
const SHELL_START = new RegExp(`^ (?:/bin/|/usr/bin/|/usr/local/bin/|cmd /S /C |powershell )`);

/** The `|N A=1 B=2 ` build-argument prefix (classic builder and BuildKit, with or without a leading "RUN "). */
function buildArgs(text: string): Assignment[] {
  const m = /^\s*(?:RUN\s+)?\|(\d{1,4}) /.exec(text);
  if (!m) return [];
  const n = Number(m[1]);
  const out: Assignment[] = [];
  let pos = m[0].length;
  for (let i = 0; i < n; i++) {
    const nm = new RegExp(`^(${NAME})=`).exec(text.slice(pos));
    if (!nm) break;
    const start = pos + nm[0].length;
    let end: number;
    if (i < n - 1) {
      // Up to the next " NAME=" (a value may hold spaces).
      const next = new RegExp(` ${NAME}=`, 'g');
      next.lastIndex = start;
      const hit = next.exec(text);
      end = hit ? hit.index : text.indexOf(' ', start) === -1 ? text.length : text.indexOf(' ', start);
    } else {
      // The last one runs up to the command (the shell), else to the next space.
      let shell = -1;
      for (let j = text.indexOf(' ', start); j !== -1; j = text.indexOf(' ', j + 1)) {
        if (SHELL_START.test(text.slice(j))) {
          shell = j;
          break;
        }
      }
      const space = text.indexOf(' ', start);
      end = shell !== -1 ? shell : space === -1 ? text.length : space;
    }
    out.push({ name: nm[1], value: text.slice(start, end), start, end, buildArg: true });
    pos = end + 1;
  }
  return out;
}

/** Shell/ENV-style `NAME=value` anywhere (quoted values whole). */
function inlineAssignments(text: string, skipBefore: number): Assignment[] {
  const out: Assignment[] = [];
  const re = new RegExp(`(?<![A-Za-z0-9_$\\-])(${NAME})=("[^"\\n]*"|'[^'\\n]*'|[^\\s;&|"'\`)]*)`, 'g');
  for (const m of text.matchAll(re)) {
    const start = (m.index ?? 0) + m[1].length + 1;
    if (start < skipBefore) continue;
    out.push({ name: m[1], value: m[2], start, end: start + m[2].length, buildArg: false });
  }
  return out;
}

/** Build arguments (every one, secret-looking or not) and other `NAME=value` assignments of a history line. */
export function assignmentsIn(text: string): Assignment[] {
  const args = buildArgs(text);
  const after = args.length ? args[args.length - 1].end : 0;
  return [...args, ...inlineAssignments(text, after)];
}

/**
 * A history `created_by` with its secrets replaced by `***`:
 * - every build-argument value (`|2 NPM_TOKEN=*** VERSION=*** /bin/sh -c …`): they are invisible in the
 *   Dockerfile and are how secrets usually get there;
 * - the value of any other secret-looking assignment (`ENV API_KEY=***`, `export DB_PASSWORD=***`);
 * - known token formats anywhere (`ghp_…`, `glpat-…`, `AKIA…`), URL credentials (`https://user:***@host`) and
 *   `Authorization:` header values.
 */
export function redactCommand(text: string): string {
  const cuts: { start: number; end: number }[] = [];
  for (const a of assignmentsIn(text)) {
    if (a.value === '') continue;
    if (a.buildArg || isSecretAssignment(a.name, a.value)) cuts.push({ start: a.start, end: a.end });
  }
  for (const t of findTokens(text)) cuts.push({ start: t.index, end: t.index + t.length });
  for (const m of text.matchAll(/\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/'"]{1,200}:([^\s@/'"]{1,200})@/gi)) {
    const end = (m.index ?? 0) + m[0].length - 1;
    cuts.push({ start: end - m[1].length, end });
  }
  for (const m of text.matchAll(/\b(authorization:\s*(?:bearer|token|basic)?\s*)([^\s'"]{1,400})/gi)) {
    const start = (m.index ?? 0) + m[1].length;
    cuts.push({ start, end: start + m[2].length });
  }
  if (cuts.length === 0) return text;
  cuts.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const c of cuts) {
    if (c.end <= pos) continue;
    // An overlapping cut (a token inside a build-argument value) extends the one already made.
    if (c.start >= pos) out += text.slice(pos, Math.max(pos, c.start)) + REDACTED;
    pos = c.end;
  }
  return out + text.slice(pos);
}

/** The image info as the model keeps it: history lines redacted. Returns a copy; the input is not changed. */
export function redactImageInfo(info: ImageInfo): ImageInfo {
  return {
    ...info,
    layers: info.layers.map((l) =>
      l.createdBy === undefined ? { ...l } : { ...l, createdBy: redactCommand(l.createdBy) },
    ),
  };
}
