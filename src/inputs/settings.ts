/**
 * Settings: every input parsed and validated once, into one typed object that the rest of the code reads.
 * The action, the CLI and the GitLab template differ only in where the raw strings come from (`RawInputs`).
 *
 * inputs/ holds definitions.ts (the one list of inputs and outputs), settings.ts and action-inputs.ts.
 *
 * May import: util/, findings/model (severities), image/reference (image names, source prefixes),
 * image/platform (the `platform` input), image/layer-server (`parseBindAddress`) and report/formats (the report formats' names). Everything else reads a parsed `Settings`; nothing here starts anything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClairScanError, errorMessage } from '../util/errors';
import { loadCaBundle, type CaBundle } from '../util/ca';
import { INPUTS, InputDefinition, type CheckInput, type InputName, type InputType } from './definitions';
import { parseSeverity, Severity } from '../findings/model';
import {
  credentialHosts,
  parseImageRequest,
  parseReference,
  type ImageRequest,
  type ImageSourceKind,
} from '../image/reference';
import { parseBindAddress } from '../image/layer-server';
import { parsePlatformSpec, type PlatformSpec } from '../image/platform';
import { DATA_PUBLIC_KEY_INPUT, loadPublicKey } from '../image/cosign';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats';
import type { ReportGate } from '../report/format';

export { parseImageRequest };
export type { ImageRequest, ImageSourceKind };

/** Returns the raw string the user gave for an input, or undefined / '' when not given. */
export type RawInputs = (name: string) => string | undefined;

// The report formats are report/formats.ts's list (one descriptor per format).
export { REPORT_FORMATS, type ReportFormat };

export interface Settings {
  images: ImageRequest[];
  imageSource: 'auto' | ImageSourceKind;
  /** `platform` (image/platform.ts): unset = the default choice, one platform, or `all` (one target per platform). */
  platform?: PlatformSpec;
  dockerHost?: string;
  /** `hosts`: where username/password may be sent (`registry-host`: the one registry, then its token hosts; default: the first image's registry). */
  registry: { username?: string; password?: string; insecure: boolean; hosts: string[]; ca?: CaBundle };
  layerServerAddress?: string;

  clairUrl?: string;
  clairPsk?: string;
  /** `clair-mode`: the run's own Clair as containers (default) or as a child process (environment/clair-process.ts). */
  clairMode: 'container' | 'process';
  /** `postgres-url` (process mode only): the PostgreSQL that holds Clair's database and its data. */
  postgresUrl?: string;
  clairImage: string;
  postgresImage: string;
  pull: 'missing' | 'always' | 'never';
  clairConfig?: string;
  /** `rhel-repo2cpe`: a Red Hat repository-to-CPE mapping file for the ephemeral Clair. */
  rhelRepo2cpe?: string;
  /** `rhel-name2repos`: a Red Hat container name-to-repositories mapping file for the ephemeral Clair. */
  rhelName2repos?: string;
  startupTimeoutSec: number;
  scanTimeoutSec: number;

  /** 'online', a path/URL of an updater bundle, `oci://…`, or `db-image:<ref>`. */
  vulnData: string;
  /** `vuln-data: db-image:<ref>`: the database image PostgreSQL starts from (data/db-image.ts); no import runs. */
  vulnDbImage?: string;
  /** `vuln-data-max-age` as written (e.g. `24h`); '' = no limit. */
  vulnDataMaxAge: string;
  /** `vuln-data-public-key`: a PEM public key (path or PEM text) every snapshot / database image must be signed with. */
  vulnDataPublicKey?: string;
  updaters: string[];
  dataTimeoutSec: number;

  policy: {
    /** undefined = no threshold ("none"). */
    severityThreshold?: Severity;
    failOn?: string;
    ignoreUnfixed: boolean;
    /** false = report-only. */
    fail: boolean;
    allowlists: string[];
    /** VEX documents (OpenVEX, CycloneDX) whose not_affected / false_positive statements suppress findings. */
    vex?: string[];
    /** The severity threshold counts only findings new against the baseline. */
    failOnNew?: boolean;
    /** In a pull / merge request, the allowlist and VEX files are read from the base branch (policy/base.ts). */
    policyFromBase?: boolean;
    /** kev-data / epss-data: the CISA KEV catalogue and FIRST EPSS scores (data/exploit.ts); undefined = not enriched. */
    kevData?: string;
    epssData?: string;
  } & CheckOptions;

  /** `baseline`: '' = automatic (the base branch's result in a PR/MR pipeline), `none`, a file path, or a GitHub run id. */
  baseline?: string;

  /** Batch mode (src/batch/): images-file, tags, concurrency, resume, image-timeout. */
  batch: { imagesFile?: string; tags: string[]; concurrency: number; resume: boolean; imageTimeoutSec: number };

  /** `severities`: what goes into the SARIF/GitLab reports and the summary (report-severities); empty = all. */
  reports: {
    outputDir: string;
    formats: ReportFormat[];
    dockerfile: string;
    severities?: Severity[];
    ignoreUnfixed?: boolean;
    defaultBranchImage?: string;
    /** The policy's per-finding part, for reports that show what fails the gate (JUnit); filled from `policy`. */
    gate?: ReportGate;
  };

  publish: {
    githubToken?: string;
    comment: boolean;
    jobSummary: boolean;
    uploadArtifact: boolean;
    artifactName: string;
    gitlabToken?: string;
  };
}

type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type InputValue<T extends InputType> = T extends 'boolean'
  ? boolean
  : T extends 'integer'
    ? number
    : T extends 'list'
      ? string[]
      : string;

/**
 * The compliance checks' inputs (definitions.ts rows with `check: true`) in `Settings.policy`, each under its
 * camelCase name (`check-non-root` → `checkNonRoot: boolean`, `required-base-image` → `requiredBaseImage: string`):
 * a check reads its own options, so adding one changes nothing here. Optional, so that a policy written by hand (tests)
 * need not name every check; parseSettings always sets each one.
 */
export type CheckOptions = { [D in CheckInput as CamelCase<D['name']>]?: InputValue<D['type']> };

/** An input name as its `Settings.policy` field (`CheckOptions`): `base-image-public-key` → `baseImagePublicKey`. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function bad(name: string, value: string, expected: string): ClairScanError {
  return new ClairScanError(`input "${name}" has an invalid value "${value}"`, {
    hint: `set "${name}" to ${expected}.`,
  });
}

/** The words a boolean input accepts (case-insensitive); undefined for anything else. */
export function parseBoolean(text: string): boolean | undefined {
  const v = text.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  return undefined;
}

/**
 * The reports are written after the whole scan: a directory that cannot be one (a file in the way) or cannot
 * be created or written must fail before anything starts, not after minutes of scanning.
 */
function validateOutputDir(dir: string): void {
  const abs = path.resolve(dir);
  const fail = (what: string, hint: string): never => {
    throw new ClairScanError(`input "output-dir" ("${dir}") ${what}`, { hint });
  };
  // The directory itself, or the nearest ancestor that exists (where it would be created).
  let existing = abs;
  for (;;) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(existing);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        fail(
          `cannot be checked: ${errorMessage(err)}`,
          'set "output-dir" to a directory this user can create and write.',
        );
    }
    if (st) {
      if (!st.isDirectory()) {
        if (existing === abs)
          fail('exists and is not a directory', 'remove or rename that file, or set "output-dir" to a directory path.');
        fail(
          `cannot be created: "${existing}" is a file, not a directory`,
          'set "output-dir" to a path whose parent directories are directories.',
        );
      }
      break;
    }
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  try {
    fs.accessSync(existing, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    fail(
      existing === abs ? 'is not writable' : `cannot be created: "${existing}" is not writable`,
      'set "output-dir" to a directory this user can create and write, or fix its permissions.',
    );
  }
}

/**
 * Reads inputs by name: the user's value, else the input table's default, checked against the table (an integer's
 * bounds are the definition's `min`/`max`). The one reader: parseSettings and batch mode's early checks use it.
 * Names are `InputName`s: a misspelt one is a compile error, and (cast past the type) a thrown bug, never undefined.
 */
export function inputReader(raw: RawInputs, defs: readonly InputDefinition[] = INPUTS) {
  const get = (def: InputDefinition): string => {
    const v = raw(def.name);
    return v === undefined || v.trim() === '' ? def.default : v.trim();
  };
  const values = new Map<string, string>();
  for (const def of defs) values.set(def.name, get(def));
  const str = (n: InputName): string => {
    const v = values.get(n);
    if (v === undefined) throw new Error(`unknown input ${n}`);
    return v;
  };
  const opt = (n: InputName): string | undefined => str(n) || undefined;
  const bool = (n: InputName): boolean => {
    const v = parseBoolean(str(n));
    if (v === undefined) throw bad(n, str(n), '`true` or `false`');
    return v;
  };
  const int = (n: InputName): number => {
    const { min = 0, max } = defs.find((d) => d.name === n) as InputDefinition;
    const v = str(n);
    if (!/^\d+$/.test(v) || Number(v) < min || (max !== undefined && Number(v) > max)) {
      throw bad(n, v, max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`);
    }
    return Number(v);
  };
  const list = (n: InputName): string[] =>
    str(n)
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);
  const oneOf = <T extends string>(n: InputName, allowed: readonly T[]): T => {
    const v = str(n).toLowerCase();
    if (!(allowed as readonly string[]).includes(v)) throw bad(n, str(n), allowed.map((a) => `\`${a}\``).join(', '));
    return v as T;
  };
  return { str, opt, bool, int, list, oneOf };
}

/**
 * Every compliance check's input, read by its type (a string left empty is undefined, as `opt` reads it), in table
 * order: the bad value of a boolean or integer is the same ClairScanError as any other input's.
 */
export function parseCheckOptions(
  read: ReturnType<typeof inputReader>,
  defs: readonly InputDefinition[] = INPUTS,
): CheckOptions {
  const options: Record<string, boolean | number | string[] | string | undefined> = {};
  for (const d of defs) {
    if (!d.check) continue;
    const n = d.name as InputName;
    options[camelCase(d.name)] =
      d.type === 'boolean'
        ? read.bool(n)
        : d.type === 'integer'
          ? read.int(n)
          : d.type === 'list'
            ? read.list(n)
            : read.opt(n);
  }
  return options as CheckOptions;
}

/** Batch mode's inputs (src/batch/): also read on their own, so a bad value fails before a registry is listed. */
export function parseBatchSettings(raw: RawInputs): Settings['batch'] {
  const { opt, list, int, bool } = inputReader(raw);
  return {
    imagesFile: opt('images-file'),
    tags: list('tags'),
    concurrency: int('concurrency'),
    resume: bool('resume'),
    imageTimeoutSec: int('image-timeout'),
  };
}

export function parseSettings(raw: RawInputs): Settings {
  const reader = inputReader(raw);
  const { str, opt, bool, int, list, oneOf } = reader;

  const imageInputs = list('image');
  if (imageInputs.length === 0) {
    throw new ClairScanError('no image to scan was given', {
      hint: 'set the "image" input (CLI: pass the image name as an argument), e.g. `myapp:ci`.',
    });
  }
  const images = imageInputs.map(parseImageRequest);

  // Without a value: `high`, unless fail-on is set — then fail-on replaces it (a threshold given as well applies too).
  const thresholdText = str('severity-threshold') || (opt('fail-on') ? 'none' : 'high');
  let severityThreshold: Severity | undefined;
  if (thresholdText.toLowerCase() !== 'none') {
    severityThreshold = parseSeverity(thresholdText);
    if (!severityThreshold)
      throw bad('severity-threshold', thresholdText, 'one of unknown, negligible, low, medium, high, critical, none');
  }

  const formats = list('formats').map((f) => f.toLowerCase());
  for (const f of formats) {
    if (!(REPORT_FORMATS as string[]).includes(f)) throw bad('formats', f, `a list of ${REPORT_FORMATS.join(', ')}`);
  }

  validateOutputDir(str('output-dir'));

  const clairUrl = opt('clair-url');
  if (clairUrl && !/^https?:\/\/[^\s]+$/.test(clairUrl))
    throw bad('clair-url', clairUrl, 'an http(s) URL such as http://clair:6060');
  const clairMode = oneOf('clair-mode', ['container', 'process'] as const);
  validateClairMode(clairMode, clairUrl, opt('postgres-url'), str('vuln-data'));
  if (!clairUrl) validateDataSource(str('vuln-data'));
  const layerServerAddress = opt('layer-server-address');
  if (layerServerAddress) parseBindAddress(layerServerAddress);

  return {
    images,
    imageSource: oneOf('image-source', ['auto', 'docker', 'archive', 'registry'] as const),
    platform: parsePlatformSpec(opt('platform')),
    dockerHost: opt('docker-host'),
    registry: {
      username: opt('registry-username'),
      password: opt('registry-password'),
      insecure: bool('registry-insecure'),
      // `registry-ca-file`, read and checked here (exit 2 before anything starts); trusted by every HTTPS client.
      ca: loadCaBundle(opt('registry-ca-file')),
      // One registry: the first image's; an oci:// snapshot in vuln-data is bound when no image names a registry.
      hosts: credentialHosts(
        list('registry-host'),
        [...images, ...snapshotRegistry(str('vuln-data'))],
        str('image-source').toLowerCase(),
      ),
    },
    layerServerAddress,
    clairUrl: clairUrl?.replace(/\/+$/, ''),
    clairPsk: opt('clair-psk'),
    clairMode,
    postgresUrl: opt('postgres-url'),
    clairImage: str('clair-image'),
    postgresImage: str('postgres-image'),
    pull: oneOf('pull', ['missing', 'always', 'never'] as const),
    clairConfig: opt('clair-config'),
    rhelRepo2cpe: opt('rhel-repo2cpe'),
    rhelName2repos: opt('rhel-name2repos'),
    startupTimeoutSec: int('startup-timeout'),
    scanTimeoutSec: int('scan-timeout'),
    vulnData: str('vuln-data'),
    vulnDbImage: clairUrl ? undefined : dbImageRef(str('vuln-data')),
    vulnDataMaxAge: str('vuln-data-max-age'),
    vulnDataPublicKey: validDataPublicKey(opt('vuln-data-public-key'), clairUrl),
    updaters: list('updaters'),
    dataTimeoutSec: int('data-timeout'),
    policy: {
      severityThreshold,
      failOn: opt('fail-on'),
      ignoreUnfixed: bool('ignore-unfixed'),
      fail: bool('fail'),
      allowlists: list('allowlist'),
      // The compliance checks' own inputs (check-non-root, check-secrets, required-base-image, …), here in table order.
      ...parseCheckOptions(reader),
      vex: list('vex'),
      failOnNew: bool('fail-on-new'),
      policyFromBase: bool('policy-from-base'),
      kevData: opt('kev-data'),
      epssData: opt('epss-data'),
    },
    baseline: str('baseline'),
    batch: parseBatchSettings(raw),
    reports: {
      outputDir: str('output-dir'),
      formats: [...new Set(formats)] as ReportFormat[],
      dockerfile: str('dockerfile'),
      severities: reportSeverities(list('report-severities')),
      ignoreUnfixed: bool('ignore-unfixed'),
      defaultBranchImage: defaultBranchImage(opt('default-branch-image'), images.length),
      gate: {
        severityThreshold,
        failOn: opt('fail-on'),
        ignoreUnfixed: bool('ignore-unfixed'),
        failOnNew: bool('fail-on-new'),
      },
    },
    publish: {
      githubToken: opt('github-token'),
      comment: bool('comment'),
      jobSummary: bool('job-summary'),
      uploadArtifact: bool('upload-artifact'),
      artifactName: str('artifact-name'),
      gitlabToken: opt('gitlab-token'),
    },
  };
}

/**
 * `default-branch-image` (GitLab's CS_DEFAULT_BRANCH_IMAGE): one name for one image. With several images each
 * would claim the same default-branch name, merging their findings in GitLab: refused, not applied to all.
 */
function defaultBranchImage(name: string | undefined, images: number): string | undefined {
  if (!name) return undefined;
  if (images > 1) {
    throw new ClairScanError(
      `default-branch-image is set, but ${images} images are scanned: it names the default branch's image of one`,
      {
        hint: 'scan that one image in its own run (job) with default-branch-image, or leave default-branch-image (CS_DEFAULT_BRANCH_IMAGE) empty.',
      },
    );
  }
  // GitLab's schema: at most 255 characters; an image reference has no whitespace.
  if (name.length > 255 || /\s/.test(name))
    throw bad(
      'default-branch-image',
      name,
      'an image name of at most 255 characters without spaces, e.g. registry.example.com/group/app/main:latest',
    );
  return name;
}

/**
 * `vuln-data-public-key`, checked now (a bad key fails in a second, not after Clair started). With `clair-url` the
 * data is the other Clair's, which nothing here can verify: a key that would check nothing is refused, not ignored.
 */
function validDataPublicKey(key: string | undefined, clairUrl: string | undefined): string | undefined {
  if (!key) return undefined;
  if (clairUrl) {
    throw new ClairScanError(
      'vuln-data-public-key is set but so is clair-url: the data of an existing Clair cannot be verified here',
      {
        hint: 'remove vuln-data-public-key, or remove clair-url so that an ephemeral Clair loads the signed vuln-data.',
      },
    );
  }
  loadPublicKey(key, DATA_PUBLIC_KEY_INPUT);
  return key;
}

/**
 * `vuln-data` for an ephemeral Clair: `online`, an http(s) URL and `oci://` need nothing here; a file must exist
 * and hold something (an empty bundle makes clairctl panic). Checked at parse time so the scan fails in a second.
 */
export function validateDataSource(vulnData: string): void {
  const v = vulnData;
  if (v.toLowerCase() === 'online' || /^(https?|oci):\/\//i.test(v)) return;
  if (DB_IMAGE_PREFIX.test(v)) return void dbImageRef(v);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(v);
  } catch {
    throw new ClairScanError(`vulnerability data file "${v}" does not exist`, {
      hint: 'set vuln-data to a snapshot or bundle made by `clair-scan data export` / `clairctl export-updaters` (.json, .json.gz or .json.zst), an http(s) URL, oci://REGISTRY/REPO:TAG, or `online`.',
    });
  }
  if (!st.isFile() || st.size === 0) {
    throw new ClairScanError(`vulnerability data file "${v}" is empty or not a file`, {
      hint: 'regenerate it with `clairctl export-updaters`; an empty bundle holds no vulnerabilities.',
    });
  }
}

/**
 * `clair-mode` / `postgres-url`. `process` runs clair from the PATH against `postgres-url`, whose database holds the
 * data already (a database image: `vuln-data: db-image:<ref>`) or gets a snapshot imported; never `online`. With
 * `clair-url` no Clair is started at all, so `process` there is a contradiction, refused rather than silently ignored.
 * `postgres-url` is read by process mode only (a CI config may set it for both modes; it changes nothing else). The
 * URL is never echoed: it holds a password.
 */
export function validateClairMode(
  mode: 'container' | 'process',
  clairUrl: string | undefined,
  postgresUrl: string | undefined,
  vulnData: string,
): void {
  if (mode === 'container') return;
  if (clairUrl) {
    throw new ClairScanError('clair-url cannot be combined with clair-mode: process', {
      hint: 'clair-url uses an existing Clair and starts none: remove clair-mode, or remove clair-url to run Clair as a process against postgres-url.',
    });
  }
  if (!postgresUrl) {
    throw new ClairScanError('clair-mode: process needs postgres-url', {
      hint: 'set postgres-url to the PostgreSQL holding the vulnerability database, e.g. postgres://postgres:PASSWORD@clair-db:5432/postgres (the database image as a GitLab service; docs/process-mode.md).',
    });
  }
  parsePostgresUrl(postgresUrl);
  // Clair's updaters would have to run in the job for every scan (minutes): the data comes as a database image or a snapshot.
  if (vulnData.trim().toLowerCase() === 'online') {
    throw new ClairScanError("clair-mode: process does not run Clair's updaters (vuln-data: online)", {
      hint: 'set vuln-data to a database image (db-image:<ref>, started as the PostgreSQL of postgres-url: no import at all) or a snapshot (a file, URL or oci://, imported with clairctl); or use clair-mode: container for online data.',
    });
  }
}

/** A `postgres-url`: postgres:// or postgresql:// with a host. Errors never show the URL (it holds the password). */
export function parsePostgresUrl(text: string): URL {
  const hint =
    'write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE (percent-encode special characters in the password).';
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    throw new ClairScanError('postgres-url is not a URL', { hint });
  }
  if (!/^postgres(ql)?:$/i.test(u.protocol))
    throw new ClairScanError(
      `postgres-url must start with postgres:// or postgresql://, not ${u.protocol.replace(/[^a-z0-9+.:-]/gi, '').slice(0, 20)}//`,
      { hint },
    );
  if (!u.hostname) throw new ClairScanError('postgres-url names no host', { hint });
  return u;
}

function reportSeverities(names: string[]): Severity[] {
  return [
    ...new Set(
      names.map((n) => {
        const s = parseSeverity(n);
        if (!s) throw bad('report-severities', n, 'a list of unknown, negligible, low, medium, high, critical');
        return s;
      }),
    ),
  ];
}

/**
 * `vuln-data: oci://REGISTRY/REPO:TAG` as an image read from a registry, `db-image:REF` as an image the daemon pulls
 * (for the credential hosts); else nothing.
 */
function snapshotRegistry(vulnData: string): { ref: string; source: string }[] {
  const m = /^oci:\/\/(.+)$/i.exec(vulnData.trim());
  if (m) return [{ ref: m[1], source: 'registry' }];
  const db = DB_IMAGE_PREFIX.test(vulnData.trim()) ? dbImageRef(vulnData) : undefined;
  return db ? [{ ref: db, source: 'docker-pull' }] : [];
}

const DB_IMAGE_PREFIX = /^db-image:/i;

/** `db-image:<ref>` → the image reference (checked); undefined for any other vuln-data. */
export function dbImageRef(vulnData: string): string | undefined {
  const v = vulnData.trim();
  if (!DB_IMAGE_PREFIX.test(v)) return undefined;
  const ref = v.replace(DB_IMAGE_PREFIX, '').trim();
  if (!parseReference(ref) || !/^[A-Za-z0-9][A-Za-z0-9._:@/-]*$/.test(ref) || ref.includes('://')) {
    throw new ClairScanError(`vuln-data "${vulnData}" does not name a database image`, {
      hint: 'write vuln-data: db-image:REGISTRY/REPOSITORY:TAG, e.g. db-image:ghcr.io/org/clair-db:v4.9.0 (built with `clair-scan data image build`).',
    });
  }
  return ref;
}
