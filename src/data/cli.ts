/**
 * `clair-scan data …`: vulnerability-data snapshots from the command line.
 *
 *   data export --updaters debian,osv --out clair-data.json.zst   run Clair's updaters, write bundle + manifest
 *   data push REF [FILE]                                          store a snapshot as an OCI artifact
 *   data pull REF [--out FILE]                                    fetch and verify one
 *   data info FILE|REF|db-image:REF                               what a snapshot / database image covers and how old it is
 *   data image build --from SOURCE --tag REF [--push]             a PostgreSQL image with the data baked in (db-image.ts)
 *
 * Options shared with the scan fall back to the same `CLAIR_SCAN_<NAME>` variables, then to the input defaults.
 */
import * as fs from 'node:fs';
import type { Command } from 'commander';
import { inputDefinition, type InputName } from '../inputs/definitions';
import type { RegistryAuth } from '../image/registry';
import type { RunState } from '../environment/run-state';
import { cleanupOnSignals } from '../environment/signals';
import { ClairScanError, EXIT_ERROR, formatError } from '../util/errors';
import { log, print } from '../util/log';
import { loadCaBundle } from '../util/ca';
import { type EphemeralOptions, exportSnapshot } from './export';
import { pickCachedSnapshot } from './cache';
import { isOciRef, ociInfo, ociPull, ociPush, signArtifact } from './oci';
import { loadDataPublicKey, loadSigningKey, signManifestFile } from './signing';
import { manifestPathFor, openSnapshot, snapshotAgeMs, SnapshotManifest, verifySnapshot } from './snapshot';
import { formatBytes, formatDuration } from '../util/progress';
import { buildDbImage, describeDbImage, readDbImageInfo } from './db-image';
import type { MemberName, MemberSource } from './snapshot';
import type { BundleRequire } from '../util/lazy';
import { DockerClient } from '../environment/docker';
import { parseReference } from '../image/reference';

declare const require: BundleRequire;
const loadMembers = (): Promise<typeof import('./members')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!([], () => ok(require('./members') as typeof import('./members')), fail, 'exploit-data'),
      )
    : Promise.resolve(require('./members') as typeof import('./members'));

const envName = (input: string): string => `CLAIR_SCAN_${input.toUpperCase().replace(/-/g, '_')}`;

export function registerDataCommands(program: Command, env: NodeJS.ProcessEnv, setExit: (code: number) => void): void {
  const value = (o: Record<string, unknown>, input: InputName): string => {
    const key = input.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const v = o[key];
    if (v === true) return 'true';
    if (typeof v === 'string' && v.trim()) return v.trim();
    const e = env[envName(input)];
    if (e && e.trim()) return e.trim();
    return inputDefinition(input).default;
  };
  const int = (o: Record<string, unknown>, input: InputName): number => {
    const v = value(o, input);
    if (!/^\d+$/.test(v) || Number(v) < 1)
      throw new ClairScanError(`--${input} must be a whole number of seconds, not "${v}"`, {
        hint: `e.g. --${input} 600.`,
      });
    return Number(v);
  };
  /** What `data export` and `data image build` start their ephemeral PostgreSQL and Clair with. */
  const ephemeralOptions = (o: Record<string, unknown>): EphemeralOptions => {
    const pull = value(o, 'pull');
    if (!['missing', 'always', 'never'].includes(pull))
      throw new ClairScanError(`--pull must be missing, always or never, not "${pull}"`, {
        hint: 'e.g. --pull missing.',
      });
    return {
      updaterSets: value(o, 'updaters')
        .split(/[\n,]/)
        .map((x) => x.trim())
        .filter(Boolean),
      clairImage: value(o, 'clair-image'),
      postgresImage: value(o, 'postgres-image'),
      pull: pull as 'missing' | 'always' | 'never',
      dockerHost: value(o, 'docker-host') || undefined,
      clairConfig: value(o, 'clair-config') || undefined,
      ca: loadCaBundle(value(o, 'registry-ca-file')),
      startupTimeoutSec: int(o, 'startup-timeout'),
      dataTimeoutSec: int(o, 'data-timeout'),
    };
  };
  const auth = (o: Record<string, unknown>): RegistryAuth => {
    let password = value(o, 'registry-password') || undefined;
    const file =
      (typeof o.registryPasswordFile === 'string' && o.registryPasswordFile) ||
      env[`${envName('registry-password')}_FILE`];
    if (!password && file) password = fs.readFileSync(file, 'utf8').trim();
    if (password) log.mask(password);
    const insecure = /^(true|yes|1|on)$/i.test(value(o, 'registry-insecure'));
    return {
      username: value(o, 'registry-username') || undefined,
      password,
      insecure,
      ca: loadCaBundle(value(o, 'registry-ca-file')),
    };
  };
  const run = async (f: () => Promise<void>, getState?: () => RunState | undefined): Promise<void> => {
    const release = getState ? cleanupOnSignals(getState) : () => undefined;
    try {
      await f();
      setExit(0);
    } catch (err) {
      print(`${formatError(err)}\n`, 'stderr');
      setExit((err as { exitCode?: number }).exitCode ?? EXIT_ERROR);
    } finally {
      release();
    }
  };
  /** `--kev-data` / `--epss-data` / `--eol-data`: data to carry, read (and dated) before minutes of updaters or a build. */
  const memberOptions = (c: Command): Command =>
    c
      .option(
        '--kev-data <file>',
        'carry this CISA KEV catalogue (known_exploited_vulnerabilities.json, as published); scans use it when their kev-data is empty',
      )
      .option(
        '--epss-data <file>',
        'carry these FIRST EPSS scores (epss_scores-YYYY-MM-DD.csv.gz or .csv, as published); scans use them when their epss-data is empty',
      )
      .option(
        '--eol-data <file>',
        'carry this end-of-life table (the eol-data format); scans use it when their eol-data is empty',
      );
  const readMembers = async (o: Record<string, unknown>): Promise<Partial<Record<MemberName, MemberSource>>> => {
    const files = {
      ...(typeof o.kevData === 'string' && o.kevData.trim() ? { kev: o.kevData.trim() } : {}),
      ...(typeof o.epssData === 'string' && o.epssData.trim() ? { epss: o.epssData.trim() } : {}),
      ...(typeof o.eolData === 'string' && o.eolData.trim() ? { eol: o.eolData.trim() } : {}),
    };
    if (!Object.keys(files).length) return {};
    // The parsers load only when a member is given (util/lazy.ts: most runs need none).
    return (await loadMembers()).describeMembers(files);
  };
  const registryOptions = (c: Command): Command =>
    c
      .option('--registry-username <user>', 'registry user (default: CLAIR_SCAN_REGISTRY_USERNAME)')
      .option('--registry-password <password>', 'registry password or token (default: CLAIR_SCAN_REGISTRY_PASSWORD)')
      .option(
        '--registry-password-file <path>',
        'read the registry password from this file (or CLAIR_SCAN_REGISTRY_PASSWORD_FILE)',
      )
      .option('--registry-insecure', 'plain HTTP to the registry (loopback registries use HTTP unless they answer TLS)')
      .option(
        '--registry-ca-file <path>',
        'CA certificate(s), PEM, trusted besides the default CAs for registries and https URLs (default: CLAIR_SCAN_REGISTRY_CA_FILE)',
      );

  const data = program
    .command('data')
    .description(
      "vulnerability-data snapshots: export them with Clair's updaters, push/pull them to/from an OCI registry, inspect them",
    );

  memberOptions(data.command('export'))
    .description(
      "run Clair's updaters in an ephemeral Clair and write the bundle (clairctl export-updaters) with its manifest",
    )
    .option(
      '--updaters <sets>',
      'Clair updater sets, comma-separated, e.g. debian,ubuntu,alpine,osv (default: CLAIR_SCAN_UPDATERS)',
    )
    .option(
      '--out <file>',
      'bundle to write: .json, .json.gz or .json.zst; the manifest goes beside it as <file>.manifest.json',
      'clair-data.json.zst',
    )
    .option(
      '--clair-image <image>',
      `Clair image (default: CLAIR_SCAN_CLAIR_IMAGE, else ${inputDefinition('clair-image').default})`,
    )
    .option(
      '--postgres-image <image>',
      `PostgreSQL image (default: CLAIR_SCAN_POSTGRES_IMAGE, else ${inputDefinition('postgres-image').default})`,
    )
    .option('--pull <when>', 'missing, always or never (default: missing)')
    .option('--docker-host <host>', 'Docker daemon (default: CLAIR_SCAN_DOCKER_HOST, then DOCKER_HOST)')
    .option('--clair-config <file>', 'Clair config drop-in, e.g. updaters.config pointing at mirrors')
    .option(
      '--registry-ca-file <path>',
      'CA certificate(s), PEM, the updaters trust besides the default CAs (a mirror or proxy behind a private CA; default: CLAIR_SCAN_REGISTRY_CA_FILE)',
    )
    .option('--startup-timeout <seconds>', 'seconds to wait for PostgreSQL and Clair')
    .option('--data-timeout <seconds>', 'seconds to wait for the updaters')
    .option(
      '--ref <ref>',
      "record the CI ref this snapshot is written for (a CI cache entry: `data cached --ref` passes over other refs' entries)",
    )
    .option(
      '--sign-key <pem>',
      'also write <file>.manifest.json.sig: a detached signature of the manifest with this cosign-compatible private key (PEM; an encrypted one reads COSIGN_PASSWORD)',
    )
    .action(async (o: Record<string, unknown>) => {
      let state: RunState | undefined;
      await run(
        async () => {
          // The key and the members first: a bad one fails before minutes of updaters, not after.
          const signKey = typeof o.signKey === 'string' ? loadSigningKey(o.signKey) : undefined;
          const members = await readMembers(o);
          const m = await exportSnapshot({
            ...ephemeralOptions(o),
            members,
            out: String(o.out),
            ref: typeof o.ref === 'string' && o.ref.trim() ? o.ref.trim() : undefined,
            onState: (s) => (state = s),
          });
          if (signKey) await signManifestFile(manifestPathFor(String(o.out)), signKey);
          print(describe(m, String(o.out)));
        },
        () => state,
      );
    });

  data
    .command('cached')
    .description(
      "print the path of the newest usable snapshot in a CI cache directory, chosen by its manifest's createdAt (the GitLab template's cache); nothing when there is none",
    )
    .argument('<dir>', 'the cache directory, e.g. .clair-scan-cache')
    .requiredOption('--prefix <prefix>', "the entries' file-name prefix, e.g. clair-scan-vulndata-v4.9.0-debian+osv-")
    .option('--ref <ref>', 'pass over entries written for another ref (their manifest records it)')
    .option(
      '--vuln-data-public-key <pem>',
      'pass over entries without a valid <manifest>.sig by this PEM public key (path or PEM; default: CLAIR_SCAN_VULN_DATA_PUBLIC_KEY, as the scan reads it)',
    )
    .action(async (dir: string, o: Record<string, unknown>) => {
      await run(async () => {
        const key = value(o, 'vuln-data-public-key');
        const publicKey = key ? loadDataPublicKey(key) : undefined;
        const r = await pickCachedSnapshot(dir, String(o.prefix), {
          ref: typeof o.ref === 'string' && o.ref ? o.ref : undefined,
          publicKey,
        });
        for (const s of r.skipped) log.warn(`cache entry passed over: ${s}`);
        if (r.bundlePath) print(`${r.bundlePath}\n`);
      });
    });

  registryOptions(
    data
      .command('push')
      .description(
        'store a snapshot (bundle + manifest, verified first) as an OCI artifact, e.g. data push oci://ghcr.io/org/clair-data:latest clair-data.json.zst',
      )
      .argument('<ref>', 'oci://REGISTRY/REPOSITORY:TAG (the oci:// is optional here)')
      .argument('[file]', "the snapshot's bundle", 'clair-data.json.zst')
      .option(
        '--sign-key <pem>',
        'sign the pushed artifact (cosign simple signing, tag sha256-<hex>.sig) with this cosign-compatible private key (PEM; an encrypted one reads COSIGN_PASSWORD)',
      ),
  ).action(async (ref: string, file: string, o: Record<string, unknown>) => {
    await run(async () => {
      const signKey = typeof o.signKey === 'string' ? loadSigningKey(o.signKey) : undefined;
      const r = await ociPush(ref, file, auth(o), { signKey });
      print(`${r.digest}\n`);
    });
  });

  registryOptions(
    data
      .command('pull')
      .description('fetch a snapshot from an OCI registry and verify it (digest, sha256, every record)')
      .argument('<ref>', 'oci://REGISTRY/REPOSITORY:TAG')
      .option(
        '--out <file>',
        'where to write the bundle (default: its own name in the current directory); the manifest goes beside it',
      ),
  ).action(async (ref: string, o: Record<string, unknown>) => {
    await run(async () => {
      const r = await ociPull(ref, typeof o.out === 'string' ? o.out : undefined, auth(o));
      print(describe(r.manifest, r.bundlePath));
    });
  });

  registryOptions(
    data
      .command('info')
      .description(
        'what a snapshot covers and how old it is (a file is also verified; a registry snapshot is not downloaded)',
      )
      .argument(
        '<source>',
        'a bundle file, oci://REGISTRY/REPOSITORY:TAG, or db-image:REF (a database image: local, else read from its registry without pulling layers)',
      )
      .option('--json', "print the snapshot manifest (or the database image's labels) as JSON")
      .option(
        '--docker-host <host>',
        'Docker daemon for a local database image (default: CLAIR_SCAN_DOCKER_HOST, then DOCKER_HOST)',
      )
      .option('--remote', 'db-image: read the labels from the registry even when the Docker daemon has the image'),
  ).action(async (source: string, o: Record<string, unknown>) => {
    await run(async () => {
      // A database image: `db-image:REF`, or a plain image reference that is not a file here.
      const dbRef = /^db-image:/i.test(source)
        ? source.replace(/^db-image:/i, '')
        : !isOciRef(source) && !fs.existsSync(source) && /[:/]/.test(source) && parseReference(source)
          ? source
          : undefined;
      if (dbRef) {
        const info = await readDbImageInfo(dbRef, {
          docker: new DockerClient(value(o, 'docker-host') || undefined),
          auth: auth(o),
          where: o.remote ? 'registry' : 'auto',
        });
        print(o.json ? `${JSON.stringify(info, null, 2)}\n` : describeDbImage(info, dbRef));
        return;
      }
      if (isOciRef(source)) {
        const r = await ociInfo(source, auth(o));
        print(o.json ? `${JSON.stringify(r.manifest, null, 2)}\n` : describe(r.manifest, `${source} (${r.digest})`));
        return;
      }
      const snap = await openSnapshot(source);
      const scan = await verifySnapshot(snap);
      if (snap.manifest) {
        print(o.json ? `${JSON.stringify(snap.manifest, null, 2)}\n` : describe(snap.manifest, source));
        return;
      }
      const bare = {
        updaters: scan.updaters,
        records: scan.records,
        bundle: { file: source, compression: scan.compression, sha256: scan.sha256, size: scan.size },
      };
      print(
        o.json
          ? `${JSON.stringify(bare, null, 2)}\n`
          : [
              `${source}: a bundle without a snapshot manifest (its age is unknown)`,
              `  ${formatBytes(scan.size)} ${scan.compression === 'none' ? 'JSON' : scan.compression}, sha256:${scan.sha256}`,
              `  ${scan.records} records`,
              ...scan.updaters.map((u) => `    ${u.name}: ${u.records}${u.date ? ` (updater ran ${u.date})` : ''}`),
              '',
            ].join('\n'),
      );
    });
  });

  const image = data
    .command('image')
    .description("vulnerability data as a PostgreSQL image with Clair's database baked in (vuln-data: db-image:<ref>)");
  registryOptions(
    memberOptions(image.command('build'))
      .description(
        "build a database image: PostgreSQL with Clair's migrated schema and the data imported, committed with labels saying what it holds",
      )
      .requiredOption(
        '--from <source>',
        "a bundle file, an http(s) URL, oci://REGISTRY/REPOSITORY:TAG, or `online` (Clair's updaters, with --updaters)",
      )
      .requiredOption(
        '--tag <ref...>',
        'image reference(s) to tag it with, e.g. ghcr.io/org/clair-db:v4.9.0-20260101 and a moving ghcr.io/org/clair-db:v4.9.0',
      )
      .option(
        '--push',
        'push every tag (credentials bound to its registry: --registry-username/--registry-password, else ~/.docker/config.json)',
      )
      .option(
        '--sign-key <pem>',
        "with --push: sign every pushed tag's digest (cosign simple signing, tag sha256-<hex>.sig) with this cosign-compatible private key (PEM; an encrypted one reads COSIGN_PASSWORD)",
      )
      .option(
        '--updaters <sets>',
        'with --from online: Clair updater sets, comma-separated (default: CLAIR_SCAN_UPDATERS)',
      )
      .option(
        '--clair-image <image>',
        `Clair image (default: CLAIR_SCAN_CLAIR_IMAGE, else ${inputDefinition('clair-image').default})`,
      )
      .option(
        '--postgres-image <image>',
        `PostgreSQL image to build from: the one scans use (default: CLAIR_SCAN_POSTGRES_IMAGE, else ${inputDefinition('postgres-image').default})`,
      )
      .option('--pull <when>', 'missing, always or never (default: missing)')
      .option('--docker-host <host>', 'Docker daemon (default: CLAIR_SCAN_DOCKER_HOST, then DOCKER_HOST)')
      .option(
        '--clair-config <file>',
        'with --from online: Clair config drop-in, e.g. updaters.config pointing at mirrors',
      )
      .option('--startup-timeout <seconds>', 'seconds to wait for PostgreSQL and Clair')
      .option('--data-timeout <seconds>', 'seconds to wait for the import (and the updaters)'),
  ).action(async (o: Record<string, unknown>) => {
    let state: RunState | undefined;
    await run(
      async () => {
        const ephemeral = ephemeralOptions(o);
        const tags = (o.tag as string[])
          .flatMap((t) => t.split(','))
          .map((t) => t.trim())
          .filter(Boolean);
        if (typeof o.signKey === 'string' && !o.push) {
          throw new ClairScanError(
            '--sign-key needs --push: a signature names the registry manifest digest, which exists once the image is pushed',
            { hint: 'add --push, or sign later with `cosign sign --key … REGISTRY/REPOSITORY@sha256:…`.' },
          );
        }
        // The key first: a bad key fails before the build, not after it.
        const signKey = typeof o.signKey === 'string' ? loadSigningKey(o.signKey) : undefined;
        const members = await readMembers(o);
        const registry = auth(o);
        // The credentials go to the registry the (first) tag names, as an image's do in a scan.
        const first = parseReference(tags[0] ?? '');
        const built = await buildDbImage({
          from: String(o.from),
          tags,
          push: !!o.push,
          ...ephemeral,
          members,
          registry: { ...registry, hosts: first ? [first.registry] : [] },
          onState: (s) => (state = s),
        });
        if (signKey)
          for (const d of new Set(built.pushed))
            await signArtifact(d, signKey, { ...registry, hosts: first ? [first.registry] : [] });
        print(describeDbImage(built, built.tags.join(', ')));
        for (const d of built.pushed) print(`pushed ${d}\n`);
      },
      () => state,
    );
  });
}

/** Human-readable summary of a snapshot: coverage and age. */
export function describe(m: SnapshotManifest, where: string, now = new Date()): string {
  return [
    `${where}`,
    `  created ${m.createdAt} (${formatDuration(snapshotAgeMs(m, now))} ago) by ${m.tool}${m.clairVersion ? ` with Clair ${m.clairVersion}` : ''}`,
    `  updater sets: ${m.updaterSets.join(', ') || '(unknown)'}`,
    `  ${formatBytes(m.bundle.size)} ${m.bundle.compression === 'none' ? 'JSON' : m.bundle.compression}, sha256:${m.bundle.sha256}`,
    `  ${m.records} records`,
    ...m.updaters.map((u) => `    ${u.name}: ${u.records}${u.date ? ` (updater ran ${u.date})` : ''}`),
    ...Object.entries(m.members ?? {}).map(
      ([name, x]) =>
        `  carries ${name}: ${x.file}, dated ${x.date}${x.version ? ` (${x.version})` : ''}, sha256:${x.sha256}`,
    ),
    '',
  ].join('\n');
}
