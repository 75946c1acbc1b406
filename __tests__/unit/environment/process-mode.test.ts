/**
 * clair-mode: process, what needs nothing running: the inputs' validation (settings.ts), the database image's row
 * checks (pg-client.ts checkDataImage), the run's child-process registry (run-state.ts) and the config's mapping
 * file paths (clair-config.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseSettings } from '../../../src/inputs/settings';
import { ClairScanError } from '../../../src/util/errors';
import { checkDataImage, pgTarget, type DatabaseContents, type DataImageRow } from '../../../src/environment/pg-client';
import { setLogger, type Logger } from '../../../src/util/log';
import { parseRunState, serializeRunState, stopChildren, trackChild } from '../../../src/environment/run-state';
import { generateClairConfig } from '../../../src/environment/clair-config';
import { findOnPath, spoolDir, supportsTmpfile } from '../../../src/environment/clair-process';

const URL_OK = 'postgres://postgres:s3cr%40t-pass@clair-db:5432/postgres';

function settingsError(values: Record<string, string>): ClairScanError {
  try {
    parseSettings((n) => values[n]);
  } catch (err) {
    if (err instanceof ClairScanError) return err;
    throw err;
  }
  throw new Error('parseSettings accepted the inputs but should not have');
}

describe('clair-mode and postgres-url inputs', () => {
  const base = { image: 'registry:ghcr.io/o/app:1' };

  it('default: container mode, no postgres-url', () => {
    const s = parseSettings((n) => ({ ...base })[n as 'image']);
    expect({ mode: s.clairMode, url: s.postgresUrl }).toEqual({ mode: 'container', url: undefined });
  });

  it('postgres-url is read by process mode only: container mode and clair-url runs ignore it (a CI config may set it for both)', () => {
    for (const extra of [{}, { 'clair-url': 'http://clair:6060' }]) {
      const s = parseSettings((n) => ({ ...base, ...extra, 'postgres-url': 'not even a URL' })[n as 'image']);
      expect(s.clairMode).toBe('container');
    }
  });

  it('process mode with a postgres:// or postgresql:// URL and a database image', () => {
    for (const url of [URL_OK, 'postgresql://u:p@127.0.0.1/db?sslmode=disable']) {
      const s = parseSettings(
        (n) =>
          ({
            ...base,
            'clair-mode': 'Process',
            'postgres-url': url,
            'vuln-data': 'db-image:ghcr.io/o/clair-db:v4.9.0',
          })[n as 'image'],
      );
      expect({ mode: s.clairMode, url: s.postgresUrl }).toEqual({ mode: 'process', url });
    }
    // A snapshot is imported (clairctl from the PATH).
    expect(
      parseSettings(
        (n) =>
          ({
            ...base,
            'clair-mode': 'process',
            'postgres-url': URL_OK,
            'vuln-data': 'https://data.example/clair.json.zst',
          })[n as 'image'],
      ).clairMode,
    ).toBe('process');
  });

  it.each([
    [
      'an unknown mode',
      { 'clair-mode': 'daemonless' },
      /input "clair-mode" has an invalid value "daemonless"/,
      /`container`, `process`/,
    ],
    [
      'process without postgres-url',
      { 'clair-mode': 'process', 'vuln-data': 'db-image:ghcr.io/o/db:1' },
      /clair-mode: process needs postgres-url/,
      /postgres:\/\/postgres:PASSWORD@clair-db:5432/,
    ],
    [
      'process with clair-url',
      { 'clair-mode': 'process', 'postgres-url': URL_OK, 'clair-url': 'http://clair:6060' },
      /clair-url cannot be combined with clair-mode: process/,
      /remove clair-mode, or remove clair-url/,
    ],
    [
      'process with online data',
      { 'clair-mode': 'process', 'postgres-url': URL_OK, 'vuln-data': 'Online' },
      /clair-mode: process does not run Clair's updaters \(vuln-data: online\)/,
      /db-image:<ref>.*or a snapshot/,
    ],
    [
      'process with a snapshot file that does not exist',
      { 'clair-mode': 'process', 'postgres-url': URL_OK, 'vuln-data': '/nonexistent/vulns.json.zst' },
      /vulnerability data file "\/nonexistent\/vulns\.json\.zst" does not exist/,
      /clair-scan data export/,
    ],
    [
      'a URL of another scheme',
      { 'clair-mode': 'process', 'postgres-url': 'mysql://root:hunter2@db/x', 'vuln-data': 'db-image:a/b:1' },
      /postgres-url must start with postgres:\/\/ or postgresql:\/\/, not mysql:\/\//,
      /postgres:\/\/USER:PASSWORD@HOST:PORT\/DATABASE/,
    ],
    [
      'not a URL',
      { 'clair-mode': 'process', 'postgres-url': 'host=db password=hunter2', 'vuln-data': 'db-image:a/b:1' },
      /postgres-url is not a URL/,
      /percent-encode/,
    ],
    [
      'a URL without a host',
      { 'clair-mode': 'process', 'postgres-url': 'postgres:///db?password=hunter2', 'vuln-data': 'db-image:a/b:1' },
      /postgres-url names no host/,
      /HOST:PORT/,
    ],
  ])('refuses %s (exit 2, never echoing the URL)', (_name, inputs, message, hint) => {
    const err = settingsError({ ...base, ...inputs });
    expect(err.message).toMatch(message);
    expect(err.hint).toMatch(hint);
    expect(`${err.message} ${err.hint}`).not.toMatch(/hunter2|s3cr/);
  });
});

describe('pgTarget: what is masked, what messages may name', () => {
  let masked: string[] = [];
  let previous: Logger;
  beforeEach(() => {
    masked = [];
    previous = setLogger({
      info: () => undefined,
      warn: () => undefined,
      debug: () => undefined,
      mask: (s) => void masked.push(s),
    });
  });
  afterEach(() => setLogger(previous));

  it('masks the URL and its password, raw and decoded; names host:port (5432 by default)', () => {
    expect(pgTarget('postgres://postgres:s3cr%40t@clair-db/postgres').where).toBe('clair-db:5432');
    expect(masked).toEqual(['postgres://postgres:s3cr%40t@clair-db/postgres', 's3cr%40t', 's3cr@t']);
  });

  it('does not mask the database image\'s documented password "clair" (it would blank out every "clair" in the log)', () => {
    expect(pgTarget('postgres://clair:clair@127.0.0.1:5433/clair').where).toBe('127.0.0.1:5433');
    expect(masked).toEqual(['postgres://clair:clair@127.0.0.1:5433/clair']);
  });
});

describe('checkDataImage: is this a clair-scan database image, of this Clair, fresh enough?', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const row = (over: Partial<DataImageRow> = {}): DataImageRow => ({
    build_id: 'b1',
    created_at: new Date('2026-12-05T02:00:00Z'),
    clair_version: 'v4.9.0',
    updater_sets: 'debian,alpine',
    records: '250000',
    source_sha256: 'a'.repeat(64),
    updaters: [],
    ...over,
  });
  const db = (over: Partial<DatabaseContents> = {}): DatabaseContents => ({
    clairSchema: true,
    dataImageTable: true,
    rows: [row()],
    ...over,
  });
  const opts = { clairVersion: 'v4.9.0 (claircore v1.5.48)', where: 'clair-db:5432', image: 'ghcr.io/o/db:1', now };

  it('accepts a fresh image of the same Clair, and says which data it is', () => {
    expect(checkDataImage(db(), { ...opts, maxAgeMs: 24 * 3600_000 })).toEqual([
      'Vulnerability data: database image ghcr.io/o/db:1 (built 2026-12-05T02:00:00.000Z with Clair v4.9.0, 250000 records, updater sets debian,alpine) at clair-db:5432.',
    ]);
  });

  it('tolerates a few minutes of clock skew', () => {
    expect(() =>
      checkDataImage(db({ rows: [row({ created_at: new Date('2026-12-05T12:04:00Z') })] }), opts),
    ).not.toThrow();
  });

  it.each([
    [
      'no Clair schema',
      db({ clairSchema: false, dataImageTable: false, rows: [] }),
      {},
      /at clair-db:5432 holds no Clair database/,
    ],
    [
      'no data_image table',
      db({ dataImageTable: false, rows: [] }),
      {},
      /not a clair-scan database image: it has no clair_scan\.data_image table/,
    ],
    ['two rows', db({ rows: [row(), row()] }), {}, /clair_scan\.data_image has 2 rows, not one/],
    [
      'another Clair version',
      db({ rows: [row({ clair_version: 'v4.8.0' })] }),
      {},
      /built with Clair v4\.8\.0, but the clair on the PATH is v4\.9\.0/,
    ],
    ['no Clair version', db({ rows: [row({ clair_version: null })] }), {}, /built with Clair \(unknown\)/],
    ['no created_at', db({ rows: [row({ created_at: null })] }), {}, /no valid created_at/],
    [
      'created in the future',
      db({ rows: [row({ created_at: new Date('2026-12-05T12:06:00Z') })] }),
      {},
      /created at 2026-12-05T12:06:00\.000Z, in the future/,
    ],
    [
      'older than vuln-data-max-age',
      db(),
      { maxAgeMs: 6 * 3600_000 },
      /created at 2026-12-05T02:00:00\.000Z, 10 h ago: older than vuln-data-max-age \(6 h\)/,
    ],
  ])('refuses %s', (_name, contents, extra, message) => {
    let err: unknown;
    try {
      checkDataImage(contents, { ...opts, ...extra });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).message).toMatch(message);
    expect((err as ClairScanError).hint).toBeTruthy();
  });
});

describe("the run's child processes and its Docker use", () => {
  it('stopChildren stops every tracked child of that run only, once untracked never again', async () => {
    const stopped: string[] = [];
    const untrackA = trackChild('run-a', async () => void stopped.push('a1'));
    trackChild('run-a', async () => {
      stopped.push('a2');
      throw new Error('already gone');
    });
    trackChild('run-b', async () => void stopped.push('b'));
    await stopChildren('run-a');
    expect(stopped.sort()).toEqual(['a1', 'a2']);
    untrackA();
    stopped.length = 0;
    await stopChildren('run-a');
    expect(stopped).toEqual(['a2']);
    await stopChildren('run-b');
    await stopChildren('run-none');
    expect(stopped).toEqual(['a2', 'b']);
  });

  it('noDocker survives the state handed to the post step; an older state without it means Docker', () => {
    expect(parseRunState(serializeRunState({ runId: 'abc-1', tempDirs: [], noDocker: true }))).toEqual({
      runId: 'abc-1',
      dockerHost: undefined,
      tempDirs: [],
      noDocker: true,
    });
    expect(parseRunState('{"runId":"abc-1","tempDirs":[]}')?.noDocker).toBeUndefined();
    expect(parseRunState('{"runId":"abc-1","tempDirs":[],"noDocker":"yes"}')?.noDocker).toBeUndefined();
  });
});

describe('process mode config and tools', () => {
  it("the Red Hat mapping files are where the process mode puts them, the container's paths otherwise", () => {
    const own = parse(
      generateClairConfig({
        connString: 'x',
        httpListen: 'a',
        introspectionListen: 'b',
        airgap: true,
        mappingFiles: { repo2cpe: '/run/r.json', name2repos: '/run/n.json' },
      }),
    );
    expect(own.indexer.scanner.repo['rhel-repository-scanner'].repo2cpe_mapping_file).toBe('/run/r.json');
    expect(own.indexer.scanner.package.rhel_containerscanner.name2repos_mapping_file).toBe('/run/n.json');
    const container = parse(
      generateClairConfig({ connString: 'x', httpListen: 'a', introspectionListen: 'b', airgap: true }),
    );
    expect(container.indexer.scanner.repo['rhel-repository-scanner'].repo2cpe_mapping_file).toBe(
      '/config/repo2cpe.json',
    );
  });

  it('the layer spool goes to the first candidate with O_TMPFILE (/proc has none), in a private dir of the run; none: exit 2', () => {
    expect(supportsTmpfile(os.tmpdir())).toBe(true);
    expect(supportsTmpfile('/proc')).toBe(false);
    expect(supportsTmpfile('/nonexistent-cs')).toBe(false);
    const state = { runId: 'unit-spool-1', tempDirs: [] as string[] };
    const dir = spoolDir(state, ['/proc', '/nonexistent-cs', os.tmpdir()]);
    try {
      expect(path.dirname(dir)).toBe(os.tmpdir());
      expect(path.basename(dir)).toMatch(/^clair-scan-unit-spool-1-spool-/);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(state.tempDirs).toEqual([dir]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    let err: unknown;
    try {
      spoolDir(state, ['/proc', '/nonexistent-cs']);
    } catch (e) {
      err = e;
    }
    expect((err as ClairScanError).message).toBe(
      "no directory for Clair's layer spool supports O_TMPFILE (tried /proc, /nonexistent-cs)",
    );
    expect((err as ClairScanError).hint).toMatch(/overlayfs only from Linux 6\.6/);
  });

  it('findOnPath: the first executable file, skipping directories and non-executables', () => {
    const a = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-unit-path-'));
    const b = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-unit-path-'));
    try {
      fs.mkdirSync(path.join(a, 'clair'));
      fs.writeFileSync(path.join(b, 'clair'), '#!/bin/sh\n', { mode: 0o644 });
      expect(findOnPath('clair', [a, b].join(path.delimiter))).toBeUndefined();
      fs.chmodSync(path.join(b, 'clair'), 0o755);
      expect(findOnPath('clair', ['', a, b].join(path.delimiter))).toBe(path.join(b, 'clair'));
    } finally {
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});
