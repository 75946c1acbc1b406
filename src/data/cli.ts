/**
 * `clair-scan data …`: vulnerability-data snapshots from the command line.
 *
 *   data export --updaters debian,osv --out clair-data.json.zst   run Clair's updaters, write bundle + manifest
 *   data push REF [FILE]                                          store a snapshot as an OCI artifact
 *   data pull REF [--out FILE]                                    fetch and verify one
 *   data info FILE|REF                                            what a snapshot covers and how old it is
 *
 * Options shared with the scan fall back to the same `CLAIR_SCAN_<NAME>` variables, then to the input defaults.
 */
import * as fs from 'node:fs';
import type { Command } from 'commander';
import { inputDefinition } from '../inputs/definitions';
import type { RegistryAuth } from '../image/registry';
import type { RunState } from '../environment/run-state';
import { cleanupOnSignals } from '../environment/signals';
import { ClairScanError, EXIT_ERROR, formatError } from '../util/errors';
import { log, print } from '../util/log';
import { exportSnapshot } from './export';
import { isOciRef, ociInfo, ociPull, ociPush } from './oci';
import { loadSigningKey, signManifestFile } from './signing';
import { manifestPathFor, openSnapshot, snapshotAgeMs, SnapshotManifest, verifySnapshot } from './snapshot';
import { formatBytes, formatDuration } from '../util/progress';

const envName = (input: string): string => `CLAIR_SCAN_${input.toUpperCase().replace(/-/g, '_')}`;

export function registerDataCommands(program: Command, env: NodeJS.ProcessEnv, setExit: (code: number) => void): void {
  const value = (o: Record<string, unknown>, input: string): string => {
    const key = input.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const v = o[key];
    if (v === true) return 'true';
    if (typeof v === 'string' && v.trim()) return v.trim();
    const e = env[envName(input)];
    if (e && e.trim()) return e.trim();
    return inputDefinition(input).default;
  };
  const int = (o: Record<string, unknown>, input: string): number => {
    const v = value(o, input);
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new ClairScanError(`--${input} must be a whole number of seconds, not "${v}"`, { hint: `e.g. --${input} 600.` });
    return Number(v);
  };
  const auth = (o: Record<string, unknown>): RegistryAuth => {
    let password = value(o, 'registry-password') || undefined;
    const file = (typeof o.registryPasswordFile === 'string' && o.registryPasswordFile) || env[`${envName('registry-password')}_FILE`];
    if (!password && file) password = fs.readFileSync(file, 'utf8').trim();
    if (password) log.mask(password);
    const insecure = /^(true|yes|1|on)$/i.test(value(o, 'registry-insecure'));
    return { username: value(o, 'registry-username') || undefined, password, insecure };
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
  const registryOptions = (c: Command): Command =>
    c
      .option('--registry-username <user>', 'registry user (default: CLAIR_SCAN_REGISTRY_USERNAME)')
      .option('--registry-password <password>', 'registry password or token (default: CLAIR_SCAN_REGISTRY_PASSWORD)')
      .option('--registry-password-file <path>', 'read the registry password from this file (or CLAIR_SCAN_REGISTRY_PASSWORD_FILE)')
      .option('--registry-insecure', 'plain HTTP to the registry (loopback registries always use HTTP)');

  const data = program.command('data').description('vulnerability-data snapshots: export them with Clair\'s updaters, push/pull them to/from an OCI registry, inspect them');

  data
    .command('export')
    .description('run Clair\'s updaters in an ephemeral Clair and write the bundle (clairctl export-updaters) with its manifest')
    .option('--updaters <sets>', 'Clair updater sets, comma-separated, e.g. debian,ubuntu,alpine,osv (default: CLAIR_SCAN_UPDATERS)')
    .option('--out <file>', 'bundle to write: .json, .json.gz or .json.zst; the manifest goes beside it as <file>.manifest.json', 'clair-data.json.zst')
    .option('--clair-image <image>', `Clair image (default: CLAIR_SCAN_CLAIR_IMAGE, else ${inputDefinition('clair-image').default})`)
    .option('--postgres-image <image>', `PostgreSQL image (default: CLAIR_SCAN_POSTGRES_IMAGE, else ${inputDefinition('postgres-image').default})`)
    .option('--pull <when>', 'missing, always or never (default: missing)')
    .option('--docker-host <host>', 'Docker daemon (default: CLAIR_SCAN_DOCKER_HOST, then DOCKER_HOST)')
    .option('--clair-config <file>', 'Clair config drop-in, e.g. updaters.config pointing at mirrors')
    .option('--startup-timeout <seconds>', 'seconds to wait for PostgreSQL and Clair')
    .option('--data-timeout <seconds>', 'seconds to wait for the updaters')
    .option('--sign-key <pem>', 'also write <file>.manifest.json.sig: a detached signature of the manifest with this cosign-compatible private key (PEM; an encrypted one reads COSIGN_PASSWORD)')
    .action(async (o: Record<string, unknown>) => {
      let state: RunState | undefined;
      await run(async () => {
        // The key first: a bad key fails before minutes of updaters, not after.
        const signKey = typeof o.signKey === 'string' ? loadSigningKey(o.signKey) : undefined;
        const pull = value(o, 'pull');
        if (!['missing', 'always', 'never'].includes(pull)) throw new ClairScanError(`--pull must be missing, always or never, not "${pull}"`, { hint: 'e.g. --pull missing.' });
        const m = await exportSnapshot({
          updaterSets: value(o, 'updaters')
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter(Boolean),
          out: String(o.out),
          clairImage: value(o, 'clair-image'),
          postgresImage: value(o, 'postgres-image'),
          pull: pull as 'missing' | 'always' | 'never',
          dockerHost: value(o, 'docker-host') || undefined,
          clairConfig: value(o, 'clair-config') || undefined,
          startupTimeoutSec: int(o, 'startup-timeout'),
          dataTimeoutSec: int(o, 'data-timeout'),
          onState: (s) => (state = s),
        });
        if (signKey) await signManifestFile(manifestPathFor(String(o.out)), signKey);
        print(describe(m, String(o.out)));
      }, () => state);
    });

  registryOptions(
    data
      .command('push')
      .description('store a snapshot (bundle + manifest, verified first) as an OCI artifact, e.g. data push oci://ghcr.io/org/clair-data:latest clair-data.json.zst')
      .argument('<ref>', 'oci://REGISTRY/REPOSITORY:TAG (the oci:// is optional here)')
      .argument('[file]', 'the snapshot\'s bundle', 'clair-data.json.zst')
      .option('--sign-key <pem>', 'sign the pushed artifact (cosign simple signing, tag sha256-<hex>.sig) with this cosign-compatible private key (PEM; an encrypted one reads COSIGN_PASSWORD)'),
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
      .option('--out <file>', 'where to write the bundle (default: its own name in the current directory); the manifest goes beside it'),
  ).action(async (ref: string, o: Record<string, unknown>) => {
    await run(async () => {
      const r = await ociPull(ref, typeof o.out === 'string' ? o.out : undefined, auth(o));
      print(describe(r.manifest, r.bundlePath));
    });
  });

  registryOptions(
    data
      .command('info')
      .description('what a snapshot covers and how old it is (a file is also verified; a registry snapshot is not downloaded)')
      .argument('<source>', 'a bundle file or oci://REGISTRY/REPOSITORY:TAG')
      .option('--json', 'print the snapshot manifest as JSON'),
  ).action(async (source: string, o: Record<string, unknown>) => {
    await run(async () => {
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
      const bare = { updaters: scan.updaters, records: scan.records, bundle: { file: source, compression: scan.compression, sha256: scan.sha256, size: scan.size } };
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
    '',
  ].join('\n');
}
