/**
 * Vulnerability data as a database image: a PostgreSQL image whose data directory already holds Clair's migrated
 * schema and the imported data, so a scan starts PostgreSQL from it and runs no import (`vuln-data: db-image:<ref>`,
 * `clair-scan data image build`, `data info db-image:<ref>`).
 *
 * Built from the scans' own PostgreSQL image with PGDATA at /var/lib/postgresql/baked — not the declared VOLUME
 * /var/lib/postgresql/data, so the data lives in an image layer — by the same code paths a scan uses (source.ts,
 * importBundle with range-import, export.ts for `online`), then VACUUM, CHECKPOINT, a clean stop and `docker
 * commit`. What it holds is said twice: in the image's labels (readable from a registry without pulling layers)
 * and in the row of `clair_scan.data_image` inside the database (readable by whoever reaches only the database).
 * The exploit data it carries lives in its layer beside the data directory, bound by sha256 in a label.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import { formatDuration } from '../util/progress';
import type { ClairTarget, DbImageUse, ServiceDataTrust } from '../environment';
import type { Settings } from '../inputs/settings';
import { DockerClient, type RegistryCredentials } from '../environment/docker';
import { newRunId, type RunState } from '../environment/run-state';
import { cleanupRun } from '../environment/cleanup';
import { DB_IMAGE_PASSWORD, query, startPostgres, type BakedDatabase, sqlLiteral } from '../environment/postgres';
import { startClair } from '../environment/clair-container';
import { clairListenAddressFor } from '../environment/address';
import { importBundle } from '../environment/vuln-data';
import {
  credentialsFor,
  normalizeHost,
  RegistryClient,
  REGISTRY_MANIFEST_ACCEPT,
  type RegistryAuth,
} from '../image/registry';
import { parseReference } from '../image/reference';
import { pickPlatform, type OciDescriptor } from '../image/oci';
import { makeTempDir } from '../image/temp';
import { prepareVulnData } from './source';
import { clairVersionOf, type EphemeralOptions, exportSnapshot } from './export';
import {
  hashFile,
  memberPathFor,
  MEMBER_NAMES,
  type MemberName,
  type MemberSource,
  openSnapshot,
  parseMaxAge,
  parseMembers,
  scanBundle,
  type SnapshotMembers,
} from './snapshot';
import type { DataMembersSink } from './index';
import { loadDataPublicKey, UNAUTHENTICATED_NOTE, verifyDbImageSignature } from './signing';

/** The image's data directory: outside the declared VOLUME, so it is part of the image. */
export const DB_IMAGE_PGDATA = '/var/lib/postgresql/baked';
/**
 * The database's user, password and name. The password is fixed and documented, not secret: the database holds only
 * public vulnerability data, an ephemeral scan replaces it with a random one before anything else connects
 * (environment/postgres.ts adoptBakedDatabase), and as a CI service it is reachable only on the job's network.
 */
export const DB_IMAGE_USER = 'clair';
export { DB_IMAGE_PASSWORD };
export const DB_IMAGE_DATABASE = 'clair';
export const DB_IMAGE_FORMAT_VERSION = 1;

export const DB_IMAGE_LABELS = {
  created: 'org.opencontainers.image.created',
  formatVersion: 'io.clair-scan.data.format-version',
  clairVersion: 'io.clair-scan.data.clair-version',
  updaterSets: 'io.clair-scan.data.updater-sets',
  updaters: 'io.clair-scan.data.updaters',
  records: 'io.clair-scan.data.records',
  sourceSha256: 'io.clair-scan.data.source-sha256',
  buildId: 'io.clair-scan.data.build-id',
  postgresMajor: 'io.clair-scan.data.postgres-major',
  /** The exploit data it carries (issue 22): {kev|epss|eol: {file, sha256, size, date, version}}, files in DB_IMAGE_MEMBER_DIR. */
  members: 'io.clair-scan.data.members',
} as const;

/** Where the image keeps its members: outside PGDATA, in the image's layer; bound by sha256 in the members label. */
export const DB_IMAGE_MEMBER_DIR = '/var/lib/postgresql/clair-scan-members';

/** A clock this far ahead of ours is tolerated in `createdAt` (runners' clocks differ a little). */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface DbImageUpdater {
  name: string;
  /** When the updater ran (RFC 3339), when known. */
  date?: string;
  records: number;
}

/** What a database image holds: its labels (or the row in `clair_scan.data_image`), parsed. */
export interface DbImageInfo {
  createdAt: string;
  formatVersion: number;
  clairVersion: string;
  updaterSets: string[];
  updaters: DbImageUpdater[];
  records: number;
  sourceSha256: string;
  buildId: string;
  postgresMajor: string;
  /** Exploit data the image carries (absent: none). */
  members?: SnapshotMembers;
}

function notADbImage(ref: string, why: string): ClairScanError {
  return new ClairScanError(`${ref} is not a clair-scan database image: ${why}`, {
    hint: 'build one with `clair-scan data image build --from <snapshot> --tag <ref>` and give it as vuln-data: db-image:<ref>; a plain PostgreSQL image holds no vulnerability data.',
  });
}

/** The labels of a database image. */
export function dbImageLabels(info: DbImageInfo): Record<string, string> {
  const L = DB_IMAGE_LABELS;
  return {
    [L.created]: info.createdAt,
    [L.formatVersion]: String(info.formatVersion),
    [L.clairVersion]: info.clairVersion,
    [L.updaterSets]: info.updaterSets.join(','),
    [L.updaters]: JSON.stringify(info.updaters),
    [L.records]: String(info.records),
    [L.sourceSha256]: info.sourceSha256,
    [L.buildId]: info.buildId,
    [L.postgresMajor]: info.postgresMajor,
    ...(info.members && Object.keys(info.members).length ? { [L.members]: JSON.stringify(info.members) } : {}),
  };
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The labels of an image (local or registry) → what it holds. Labels are untrusted text: each is checked for its
 * shape, and an image without them is "not a clair-scan database image".
 */
export function readDbImageLabels(labels: Record<string, string> | null | undefined, ref: string): DbImageInfo {
  const L = DB_IMAGE_LABELS;
  const l = labels ?? {};
  if (!l[L.formatVersion] && !l[L.buildId]) throw notADbImage(ref, 'it carries no io.clair-scan.data.* labels');
  const get = (key: string): string => {
    const v = l[key];
    if (typeof v !== 'string' || v === '') throw notADbImage(ref, `its label ${key} is missing`);
    return v;
  };
  const bad = (key: string, what: string): never => {
    throw notADbImage(ref, `its label ${key} is not ${what} ("${String(l[key]).slice(0, 80)}")`);
  };
  const formatVersion = Number(get(L.formatVersion));
  if (formatVersion !== DB_IMAGE_FORMAT_VERSION) {
    throw new ClairScanError(
      `${ref} is a database image of format version ${get(L.formatVersion)}; this clair-scan reads version ${DB_IMAGE_FORMAT_VERSION}`,
      {
        hint: 'use an image built by this clair-scan version (`clair-scan data image build`), or upgrade clair-scan.',
      },
    );
  }
  const createdAt = get(L.created);
  if (!ISO_UTC.test(createdAt) || Number.isNaN(Date.parse(createdAt))) bad(L.created, 'an ISO 8601 UTC time');
  const clairVersion = get(L.clairVersion);
  if (!/^v?\d+\.\d+\.\d+[A-Za-z0-9.+-]*$/.test(clairVersion)) bad(L.clairVersion, 'a Clair version such as v4.9.0');
  const recordsText = get(L.records);
  if (!/^\d{1,15}$/.test(recordsText)) bad(L.records, 'a record count');
  const sourceSha256 = get(L.sourceSha256);
  if (!/^[0-9a-f]{64}$/.test(sourceSha256)) bad(L.sourceSha256, 'a sha256 in hex');
  const buildId = get(L.buildId);
  if (!UUID.test(buildId)) bad(L.buildId, 'a UUID');
  const postgresMajor = get(L.postgresMajor);
  if (!/^\d{1,3}$/.test(postgresMajor)) bad(L.postgresMajor, 'a PostgreSQL major version');
  const sets = l[L.updaterSets] ?? '';
  const updaterSets = sets ? sets.split(',') : [];
  if (updaterSets.some((s) => !/^[a-z0-9][a-z0-9._-]*$/.test(s)))
    bad(L.updaterSets, 'a comma-separated list of updater sets');
  let updaters: DbImageUpdater[];
  try {
    updaters = parseUpdaters(JSON.parse(get(L.updaters)));
  } catch (err) {
    if (err instanceof ClairScanError) throw err;
    return bad(L.updaters, `a JSON array of {name, date, records} (${errorMessage(err)})`);
  }
  let members: SnapshotMembers | undefined;
  if (l[L.members]) {
    let v: unknown;
    try {
      v = JSON.parse(l[L.members]);
    } catch (err) {
      return bad(L.members, `JSON (${errorMessage(err)})`);
    }
    members = parseMembers(v, (what) => notADbImage(ref, `its label ${L.members}: ${what}`));
  }
  return {
    createdAt,
    formatVersion,
    clairVersion,
    updaterSets,
    updaters,
    records: Number(recordsText),
    sourceSha256,
    buildId,
    postgresMajor,
    ...(members ? { members } : {}),
  };
}

function parseUpdaters(v: unknown): DbImageUpdater[] {
  if (!Array.isArray(v) || v.length > 10_000) throw new Error('not an array');
  return v.map((u: unknown) => {
    const o = u as { name?: unknown; date?: unknown; records?: unknown };
    if (!o || typeof o.name !== 'string' || !o.name || o.name.length > 200) throw new Error('an entry without a name');
    if (typeof o.records !== 'number' || !Number.isInteger(o.records) || o.records < 0)
      throw new Error(`no record count for ${o.name}`);
    if (o.date !== undefined && o.date !== null && (typeof o.date !== 'string' || Number.isNaN(Date.parse(o.date))))
      throw new Error(`a bad date for ${o.name}`);
    return { name: o.name, records: o.records, ...(typeof o.date === 'string' ? { date: o.date } : {}) };
  });
}

/** `v4.9.0` and `4.9.0` are the same version. */
export function sameClairVersion(a: string, b: string): boolean {
  return a.trim().replace(/^v/i, '') === b.trim().replace(/^v/i, '');
}

/**
 * The checks on the labels before anything starts: `createdAt` not in the future (beyond a little clock skew) and,
 * with `vuln-data-max-age`, not older than that. A stale database image is refused, not used with a warning: it
 * cannot be refreshed in place, and its replacement is one pull away.
 */
export function checkDbImageAge(info: DbImageInfo, ref: string, maxAgeMs: number | undefined, now = new Date()): void {
  const ageMs = now.getTime() - Date.parse(info.createdAt);
  if (ageMs < -CLOCK_SKEW_MS) {
    throw new ClairScanError(
      `the database image ${ref} says it was created at ${info.createdAt}, ${formatDuration(-ageMs)} in the future (now ${now.toISOString()})`,
      {
        hint: "a creation time in the future is a wrong clock where the image was built, or a forged label: fix the build machine's clock and rebuild the image (`clair-scan data image build`).",
      },
    );
  }
  if (maxAgeMs !== undefined && ageMs > maxAgeMs) {
    throw new ClairScanError(
      `the database image ${ref} is ${formatDuration(ageMs)} old (created ${info.createdAt}), older than vuln-data-max-age (${formatDuration(maxAgeMs)})`,
      {
        hint: 'pull a newer database image (its moving tag), rebuild it with `clair-scan data image build`, or raise vuln-data-max-age.',
      },
    );
  }
}

/** Refuses a Clair of another version than the one whose schema and data the image holds. */
export function checkDbImageClair(
  info: DbImageInfo,
  ref: string,
  clairVersion: string | undefined,
  clairImage: string,
): void {
  if (clairVersion && sameClairVersion(info.clairVersion, clairVersion)) return;
  throw new ClairScanError(
    `the database image ${ref} was built with Clair ${info.clairVersion}, but clair-image (${clairImage}) is Clair ${clairVersion ?? '(version unknown)'}`,
    {
      hint: `use a database image built with Clair ${clairVersion ?? 'the version you run'} (the tag scheme is <clair version>-<date>), or set clair-image to Clair ${info.clairVersion}: Clair's schema and data format belong to its version.`,
    },
  );
}

/** Refuses a database that is not the image's: without Clair's schema, without the row, or with another row. */
export function checkDbImageDatabase(info: DbImageInfo, ref: string, db: BakedDatabase): void {
  if (!db.clairSchema) throw notADbImage(ref, 'its database has no Clair schema (tables vuln and update_operation)');
  if (!db.dataImageTable) throw notADbImage(ref, 'its database has no clair_scan.data_image table');
  if (db.rows.length !== 1)
    throw notADbImage(ref, `its clair_scan.data_image table holds ${db.rows.length} rows, not one`);
  let row: { build_id?: unknown; created_at?: unknown; clair_version?: unknown; records?: unknown };
  try {
    row = JSON.parse(db.rows[0]) as typeof row;
  } catch {
    throw notADbImage(ref, 'its clair_scan.data_image row cannot be read');
  }
  const differs: string[] = [];
  if (row.build_id !== info.buildId) differs.push(`build id ${String(row.build_id)} ≠ label ${info.buildId}`);
  if (typeof row.created_at !== 'string' || Date.parse(row.created_at) !== Date.parse(info.createdAt))
    differs.push(`created ${String(row.created_at)} ≠ label ${info.createdAt}`);
  if (row.clair_version !== info.clairVersion)
    differs.push(`Clair ${String(row.clair_version)} ≠ label ${info.clairVersion}`);
  if (Number(row.records) !== info.records) differs.push(`${String(row.records)} records ≠ label ${info.records}`);
  if (differs.length) {
    throw new ClairScanError(`the database inside ${ref} does not match the image's labels (${differs.join('; ')})`, {
      hint: 'the image was altered after it was built (labels or data): rebuild it with `clair-scan data image build`, or pull the published image again.',
    });
  }
}

export interface DbImageLocation {
  /** `local`: the Docker daemon's image; `registry`: read from the registry (manifest and config only). */
  where: 'local' | 'registry';
  /** The registry manifest digest (registry) or the image id (local). */
  digest: string;
}

/**
 * The labels of a database image: from the Docker daemon's image when it has it (inspect), else from the registry
 * without pulling a layer (the manifest and the config blob, each checked against its digest).
 */
export async function readDbImageInfo(
  ref: string,
  opts: { docker?: DockerClient; auth: RegistryAuth; where?: 'local' | 'registry' | 'auto' },
): Promise<DbImageInfo & DbImageLocation> {
  const where = opts.where ?? 'auto';
  if (where !== 'registry' && opts.docker) {
    let local: Awaited<ReturnType<DockerClient['imageInspect']>>;
    try {
      local = await opts.docker.imageInspect(ref);
    } catch (err) {
      if (where === 'local') throw err;
      local = undefined; // no daemon here: the registry says it
    }
    if (local) return { ...readDbImageLabels(local.Config?.Labels, ref), where: 'local', digest: local.Id };
    if (where === 'local')
      throw new ClairScanError(`the database image ${ref} is not on the Docker daemon`, {
        hint: 'pull or build it first.',
      });
  }
  const parsed = parseReference(ref);
  if (!parsed)
    throw new ClairScanError(`"${ref}" is not an image reference`, {
      hint: 'use REGISTRY/REPOSITORY:TAG, e.g. ghcr.io/org/clair-db:v4.9.0.',
    });
  const client = new RegistryClient(parsed, opts.auth);
  type Manifest = { manifests?: OciDescriptor[]; config?: OciDescriptor };
  let m = await client.getJson<Manifest>(
    `/v2/${parsed.repository}/manifests/${parsed.digest ?? parsed.tag}`,
    REGISTRY_MANIFEST_ACCEPT,
    parsed.digest,
  );
  if (Array.isArray(m.body.manifests)) {
    const chosen = pickPlatform(m.body.manifests);
    if (!chosen) throw notADbImage(ref, 'it is an empty image index');
    m = await client.getJson<Manifest>(
      `/v2/${parsed.repository}/manifests/${chosen.digest}`,
      REGISTRY_MANIFEST_ACCEPT,
      chosen.digest,
    );
  }
  const cfgDigest = m.body.config?.digest;
  if (typeof cfgDigest !== 'string') throw notADbImage(ref, 'its manifest names no image config');
  const cfg = await client.getJson<{ config?: { Labels?: Record<string, string> } }>(
    `/v2/${parsed.repository}/blobs/${cfgDigest}`,
    'application/json',
    cfgDigest,
  );
  return { ...readDbImageLabels(cfg.body.config?.Labels, ref), where: 'registry', digest: m.digest };
}

/** The credentials the Docker daemon gets for pulling or pushing `ref`: those bound to its registry, or none. */
export async function daemonCredentials(ref: string, auth: RegistryAuth): Promise<RegistryCredentials | undefined> {
  const parsed = parseReference(ref);
  const first = ref.split('/')[0];
  // An unqualified name (`clair-db:1`) is a daemon image or Docker Hub: no registry was named, no credentials go.
  if (!parsed || !ref.includes('/') || !/[.:]|^localhost$/.test(first)) return undefined;
  const c = await credentialsFor(parsed.registry, auth);
  return c ? { ...c, serveraddress: normalizeHost(parsed.registry) } : undefined;
}

/** A human-readable summary of a database image. */
export function describeDbImage(info: DbImageInfo & Partial<DbImageLocation>, ref: string, now = new Date()): string {
  return [
    `${ref}${info.digest ? ` (${info.where === 'local' ? 'local image' : 'registry'} ${info.digest})` : ''}: a clair-scan database image`,
    `  created ${info.createdAt} (${formatDuration(now.getTime() - Date.parse(info.createdAt))} ago) with Clair ${info.clairVersion}, PostgreSQL ${info.postgresMajor}`,
    `  updater sets: ${info.updaterSets.join(', ') || '(unknown)'}`,
    `  source snapshot sha256:${info.sourceSha256}`,
    `  build id ${info.buildId}`,
    `  ${info.records} records`,
    ...info.updaters.map((u) => `    ${u.name}: ${u.records}${u.date ? ` (updater ran ${u.date})` : ''}`),
    ...Object.entries(info.members ?? {}).map(
      ([name, m]) =>
        `  carries ${name}: ${m.file}, dated ${m.date}${m.version ? ` (${m.version})` : ''}, sha256:${m.sha256}`,
    ),
    '',
  ].join('\n');
}

/** The largest member read back from a running database image (data/snapshot.ts MAX_MEMBER_BYTES is the cap). */
async function readImageMembers(
  target: ClairTarget,
  info: DbImageInfo,
  ref: string,
): Promise<Partial<Record<MemberName, Buffer>>> {
  const out: Partial<Record<MemberName, Buffer>> = {};
  if (!target.pg) return out;
  for (const [name, m] of Object.entries(info.members ?? {}) as [MemberName, SnapshotMembers[MemberName]][]) {
    if (!m) continue;
    const { stream } = await target.docker.getFile(target.pg.container, `${DB_IMAGE_MEMBER_DIR}/${m.file}`);
    const chunks: Buffer[] = [];
    let n = 0;
    for await (const c of stream) {
      n += (c as Buffer).length;
      if (n > m.size) break;
      chunks.push(c as Buffer);
    }
    stream.destroy();
    const bytes = Buffer.concat(chunks);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (n !== m.size || sha !== m.sha256) {
      throw new ClairScanError(
        `the ${name} member of the database image ${ref} does not match its label (sha256:${sha}, ${n} bytes; label: sha256:${m.sha256}, ${m.size} bytes)`,
        {
          hint: 'the image was altered after it was built: rebuild it with `clair-scan data image build`, or pull the published image again.',
        },
      );
    }
    out[name] = bytes;
  }
  return out;
}

async function isGzip(file: string): Promise<boolean> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Under `pull: missing`, a local database image older than this is pulled again (its tag may have moved). */
export const DB_IMAGE_REFRESH_MS = 24 * 3600_000;

/** `vuln-data: db-image:<ref>` for openClairService (environment/index.ts): pulled, labels checked, then used. */
export async function useDbImage(
  settings: Settings,
  docker: DockerClient,
  timeoutMs: number,
  sink?: DataMembersSink,
): Promise<DbImageUse> {
  const maxAgeMs = parseMaxAge(settings.vulnDataMaxAge);
  // Signed data (signing.ts): the signature of the registry manifest digest is verified first, then exactly that
  // digest is pulled and run (the tag may move after the check); checkDatabase ties the data to its build-id label.
  const key = settings.vulnDataPublicKey ? loadDataPublicKey(settings.vulnDataPublicKey) : undefined;
  const ref = key
    ? await verifyDbImageSignature(settings.vulnDbImage as string, key, settings.registry)
    : (settings.vulnDbImage as string);
  const creds = settings.pull === 'never' ? undefined : await daemonCredentials(ref, settings.registry);
  await docker.ensureImage(ref, settings.pull, timeoutMs, creds);
  let info = await readDbImageInfo(ref, { docker, auth: settings.registry, where: 'local' });
  const staleNotes: string[] = [];
  const ageOf = (i: DbImageInfo): number => Date.now() - Date.parse(i.createdAt);
  // `pull: missing` would keep a self-hosted runner on the first copy of a moving tag (the published image moves
  // nightly) for ever: a local copy older than a day is pulled again, as Trivy refreshes its database. Offline, the
  // local copy is used and the reports say how old it is; vuln-data-max-age, when set, still refuses it below.
  if (settings.pull === 'missing' && !ref.includes('@') && ageOf(info) > DB_IMAGE_REFRESH_MS) {
    log.info(`The local database image ${ref} is ${formatDuration(ageOf(info))} old: pulling its tag again …`);
    try {
      await docker.ensureImage(ref, 'always', timeoutMs, creds);
      info = await readDbImageInfo(ref, { docker, auth: settings.registry, where: 'local' });
    } catch (err) {
      log.warn(
        `a newer ${ref} could not be pulled (${errorMessage(err)}): using the local copy, created ${info.createdAt}.`,
      );
    }
    if (ageOf(info) > DB_IMAGE_REFRESH_MS)
      staleNotes.push(
        `Vulnerability data is ${formatDuration(ageOf(info))} old: the database image ${ref} was created ${info.createdAt} and no newer one could be pulled.`,
      );
  }
  checkDbImageAge(info, ref, maxAgeMs);
  log.info(
    `Vulnerability data: database image ${ref}, created ${info.createdAt} (${formatDuration(ageOf(info))} old) with Clair ${info.clairVersion}, ${info.records} records.`,
  );
  return {
    image: ref,
    notes: [
      `Vulnerability data: the database image ${ref} (${info.digest}), created ${info.createdAt} with Clair ${info.clairVersion}, ${info.records} records.`,
      ...staleNotes,
      ...(key ? [] : [UNAUTHENTICATED_NOTE]),
    ],
    checkDatabase: (db) => checkDbImageDatabase(info, ref, db),
    checkClair: async (target: ClairTarget) => {
      checkDbImageClair(info, ref, await clairVersionOf(target.docker, target.clair), settings.clairImage);
      // The exploit data it carries, read from the running container and checked against the labels' sha256.
      if (sink && info.members && Object.keys(info.members).length)
        sink.image = {
          label: `db-image:${ref}`,
          members: info.members,
          bytes: await readImageMembers(target, info, ref),
        };
    },
  };
}

/**
 * clair-mode: process, whose database image runs as a service (postgres-url) that no code here started: with
 * vuln-data-public-key, `db-image:<ref>` must name that image; its signature is verified in its registry and its
 * build-id label read there (manifest and config only), which the database's row must then carry. Without the key,
 * the unauthenticated note.
 */
export async function serviceDataTrust(settings: Settings): Promise<ServiceDataTrust> {
  if (!settings.vulnDataPublicKey) return { notes: [UNAUTHENTICATED_NOTE] };
  if (!settings.vulnDbImage) {
    throw new ClairScanError(
      'vuln-data-public-key is set with postgres-url, but vuln-data names no database image whose signature could vouch for that database',
      {
        hint: 'set vuln-data: db-image:REGISTRY/REPOSITORY:TAG to the image the service runs: its signature and its build-id label are checked against the database.',
      },
    );
  }
  const pinned = await verifyDbImageSignature(
    settings.vulnDbImage,
    loadDataPublicKey(settings.vulnDataPublicKey),
    settings.registry,
  );
  const info = await readDbImageInfo(pinned, { auth: settings.registry, where: 'registry' });
  const members = info.members
    ? Object.fromEntries(Object.entries(info.members).map(([name, m]) => [name, m.sha256]))
    : undefined;
  return { buildId: info.buildId, image: pinned, notes: [], ...(members ? { members } : {}) };
}

/** `updaterSets`: with `--from online`, the sets to run. */
export interface BuildDbImageOptions extends EphemeralOptions {
  /** A bundle file, an http(s) URL, `oci://…`, or `online`. */
  from: string;
  /** Image references to tag the result with (the first is committed, the others tagged): `<clair version>-<date>` and a moving tag. */
  tags: string[];
  push: boolean;
  /** For an `oci://` source and for the push: bound to their registries as for scans. */
  registry: RegistryAuth;
  /** Exploit data to carry (`--kev-data` …, read by data/members.ts); a member of the source snapshot otherwise. */
  members?: Partial<Record<MemberName, MemberSource>>;
  onState?(s: RunState): void;
}

export interface BuiltDbImage extends DbImageInfo {
  imageId: string;
  tags: string[];
  /** Registry manifest digests of the pushed tags. */
  pushed: string[];
}

/** `clair-scan data image build`. */
export async function buildDbImage(opts: BuildDbImageOptions): Promise<BuiltDbImage> {
  const targets = opts.tags.map((t) => {
    const r = parseReference(t);
    if (!r || r.digest || /\s/.test(t))
      throw new ClairScanError(`--tag "${t}" is not an image reference with a tag`, {
        hint: 'e.g. --tag ghcr.io/org/clair-db:v4.9.0-20260101 --tag ghcr.io/org/clair-db:v4.9.0.',
      });
    const colon = t.lastIndexOf(':');
    return { ref: t, repo: colon > t.lastIndexOf('/') ? t.slice(0, colon) : t, tag: r.tag ?? 'latest' };
  });
  if (targets.length === 0)
    throw new ClairScanError('no --tag was given', {
      hint: 'name the image to build, e.g. --tag ghcr.io/org/clair-db:v4.9.0-20260101.',
    });
  const state: RunState = { runId: newRunId(), dockerHost: opts.dockerHost, tempDirs: [] };
  opts.onState?.(state);
  log.info(`Run ${state.runId} (if this process is killed: clair-scan cleanup --run-id ${state.runId}).`);
  const docker = new DockerClient(opts.dockerHost);
  const startupMs = opts.startupTimeoutSec * 1000;
  const dataMs = opts.dataTimeoutSec * 1000;
  try {
    await docker.ping();
    // 1. The source, as scans read it: a verified local bundle (online: exported by Clair's updaters first).
    let from = opts.from.trim();
    if (from.toLowerCase() === 'online') {
      from = path.join(makeTempDir(state, 'online').dir, 'clair-data.json.zst');
      await exportSnapshot({ ...opts, out: from, onState: undefined });
    }
    const prepared = await prepareVulnData(
      { vulnData: from, registry: opts.registry, dataTimeoutSec: opts.dataTimeoutSec },
      state,
    );
    const snap = await openSnapshot(prepared.bundle);
    const scan = snap.manifest ? undefined : await scanBundle(prepared.bundle, { label: from });
    const sourceSha256 = snap.manifest?.bundle.sha256 ?? (scan as { sha256: string }).sha256;
    const updaters = (snap.manifest?.updaters ?? scan?.updaters ?? []).map((u) => ({
      name: u.name,
      records: u.records,
      ...(u.date ? { date: u.date } : {}),
    }));
    const records = snap.manifest?.records ?? scan?.records ?? 0;
    const updaterSets = snap.manifest?.updaterSets ?? [];
    // The members: each given option, else the source snapshot's (verified with it by prepareVulnData).
    const memberSources: Partial<Record<MemberName, MemberSource>> = {};
    for (const name of MEMBER_NAMES) {
      const given = opts.members?.[name];
      const carried = prepared.members?.members[name];
      if (given) memberSources[name] = given;
      else if (carried && prepared.members)
        memberSources[name] = {
          path: memberPathFor(prepared.members.bundlePath, carried),
          date: carried.date,
          ...(carried.version ? { version: carried.version } : {}),
        };
    }

    // 2. PostgreSQL with its data directory outside the declared volume, Clair migrating it, the data imported.
    await Promise.all([
      docker.ensureImage(opts.postgresImage, opts.pull, startupMs),
      docker.ensureImage(opts.clairImage, opts.pull, startupMs),
    ]);
    log.info(`Building the database image ${targets[0].ref} from ${opts.postgresImage} and Clair ${opts.clairImage} …`);
    const pg = await startPostgres(docker, {
      image: opts.postgresImage,
      runId: state.runId,
      timeoutMs: startupMs,
      password: DB_IMAGE_PASSWORD,
      env: { PGDATA: DB_IMAGE_PGDATA },
      // Nothing to recycle in a data directory that is frozen afterwards: fewer WAL files in the image.
      args: ['-c', 'wal_recycle=off'],
    });
    const clair = await startClair(docker, {
      image: opts.clairImage,
      runId: state.runId,
      connString: pg.connString,
      listenHost: await clairListenAddressFor(docker.endpoint),
      airgap: true,
      timeoutMs: startupMs,
      requestTimeoutMs: 60_000,
    });
    let clairVersion: string | undefined;
    try {
      clairVersion = await clairVersionOf(docker, clair.container);
      if (!clairVersion)
        throw new ClairScanError(`the version of Clair in ${opts.clairImage} cannot be read`, {
          hint: 'use a Clair image whose clairctl answers --version (or that carries the org.opencontainers.image.version label).',
        });
      await importBundle(docker, clair.container, prepared.bundle, dataMs, {
        pg,
        state,
        rangeRecords: prepared.rangeRecords,
      });
    } finally {
      await clair.client.close();
    }
    // Clair out before PostgreSQL stops: no connection may write after the checkpoint.
    await docker.removeContainer(clair.container.id);

    // The members go into the image's layer beside the data directory, named and bound by the members label.
    const members: SnapshotMembers = {};
    const files: Record<string, { path: string }> = {};
    for (const [name, src] of Object.entries(memberSources) as [MemberName, MemberSource][]) {
      const { sha256, size } = await hashFile(src.path);
      const file = `${name}${name === 'epss' ? ((await isGzip(src.path)) ? '.csv.gz' : '.csv') : '.json'}`;
      members[name] = { file, sha256, size, date: src.date, ...(src.version ? { version: src.version } : {}) };
      files[`clair-scan-members/${file}`] = { path: src.path };
    }
    if (Object.keys(files).length) await docker.putFiles(pg.container, path.dirname(DB_IMAGE_MEMBER_DIR), files);

    // 3. The row that says what the database holds, then a compact, analysed, checkpointed data directory.
    const info: DbImageInfo = {
      createdAt: new Date().toISOString(),
      formatVersion: DB_IMAGE_FORMAT_VERSION,
      clairVersion,
      updaterSets,
      updaters,
      records,
      sourceSha256,
      buildId: randomUUID(),
      postgresMajor: String(Math.floor(Number((await query(docker, pg, 'SHOW server_version_num'))[0]?.[0]) / 10000)),
      ...(Object.keys(members).length ? { members } : {}),
    };
    await query(
      docker,
      pg,
      [
        'CREATE SCHEMA clair_scan',
        'CREATE TABLE clair_scan.data_image(build_id text, created_at timestamptz, clair_version text, updater_sets text, records bigint, source_sha256 text, updaters jsonb)',
        `INSERT INTO clair_scan.data_image VALUES (${[info.buildId, info.createdAt, info.clairVersion, info.updaterSets.join(',')].map(sqlLiteral).join(', ')}, ${info.records}, ${sqlLiteral(info.sourceSha256)}, ${sqlLiteral(JSON.stringify(info.updaters))}::jsonb)`,
        // The members in the database too: clair-mode process reaches only the database (a CI service), not the files.
        'CREATE TABLE clair_scan.data_member(name text PRIMARY KEY, file text, sha256 text, size bigint, date text, version text, content bytea)',
        ...Object.entries(members).map(
          ([name, m]) =>
            `INSERT INTO clair_scan.data_member VALUES (${[name, m.file, m.sha256].map(sqlLiteral).join(', ')}, ${m.size}, ${sqlLiteral(m.date)}, ${m.version ? sqlLiteral(m.version) : 'NULL'}, pg_read_binary_file(${sqlLiteral(`${DB_IMAGE_MEMBER_DIR}/${m.file}`)}))`,
        ),
      ].join('; '),
    );
    log.info('VACUUM (ANALYZE) and CHECKPOINT …');
    // PARALLEL 0: a parallel vacuum runs out of Docker's 64 MB /dev/shm at a million records (db-image.md).
    await query(docker, pg, 'VACUUM (ANALYZE, PARALLEL 0)', dataMs);
    // Who may connect how, decided here, not by the base image's initdb defaults (which trust loopback): the
    // container's own unix socket (psql through `docker exec`) trusted, every TCP connection with the password.
    const hba = await docker.exec(
      pg.container,
      ['sh', '-c', 'printf "%s\\n" "local all all trust" "host all all all scram-sha-256" > "$PGDATA/pg_hba.conf"'],
      { user: 'postgres', timeoutMs: 30_000 },
    );
    if (hba.exitCode !== 0)
      throw new ClairScanError("writing the database image's pg_hba.conf failed", {
        hint: 'check that postgres-image is a PostgreSQL image like the official one.',
        details: hba.stderr,
      });
    // As a service (GitLab `services:`, Compose) the image runs with its own command line: it listens on every
    // address of its container, as the official image does. Decided here, not by the base image's initdb sample
    // (which says localhost); an ephemeral scan's `-c listen_addresses=127.0.0.1` on the command line still wins.
    await query(docker, pg, "ALTER SYSTEM SET listen_addresses = '*'");
    await query(docker, pg, 'CHECKPOINT', dataMs);

    // 4. A clean stop (the image's stop signal: a fast shutdown), so the data directory needs no recovery.
    const code = await docker.stopContainer(pg.container, 120);
    const logs = await docker.logsTail(pg.container, 20);
    if (code !== 0 || !/database system is shut down/.test(logs)) {
      throw new ClairScanError(`PostgreSQL did not shut down cleanly (exit ${code})`, {
        hint: "the data directory would need recovery: check the Docker host's disk space and retry.",
        details: logs,
      });
    }

    // 5. The container's changes become the image. The daemon merges the container's config into the image's for
    // every key not set here: run labels emptied, the scan's command line replaced by the image's plain one.
    const labels = {
      ...dbImageLabels(info),
      'io.clair-scan.owner': '',
      'io.clair-scan.run': '',
      'io.clair-scan.role': '',
    };
    const imageId = await docker.commitContainer(
      pg.container,
      targets[0],
      { Labels: labels, Env: [`PGDATA=${DB_IMAGE_PGDATA}`], Cmd: ['postgres'] },
      `clair-scan data image build from ${path.basename(opts.from)}`,
    );
    for (const t of targets.slice(1)) await docker.tagImage(imageId, t);
    log.info(
      `Built ${targets.map((t) => t.ref).join(', ')} (${imageId.slice(0, 19)}): ${records} records, Clair ${clairVersion}, created ${info.createdAt}.`,
    );

    // 6. Pushed with the credentials bound to each tag's registry.
    const pushed: string[] = [];
    if (opts.push) {
      for (const t of targets) {
        log.info(`Pushing ${t.ref} …`);
        try {
          await docker.pushImage(t.ref, dataMs, await daemonCredentials(t.ref, opts.registry));
        } catch (err) {
          throw new ClairScanError(`pushing ${t.ref} failed: ${errorMessage(err)}`, {
            hint: 'check registry-username/registry-password (bound to the registry the tag names; or ~/.docker/config.json) and push access to the repository.',
          });
        }
        const digest = (await docker.imageInspect(t.ref))?.RepoDigests?.find((d) => d.startsWith(`${t.repo}@`));
        if (digest) pushed.push(digest);
      }
    }
    return { ...info, imageId, tags: targets.map((t) => t.ref), pushed };
  } finally {
    await cleanupRun(state);
  }
}
