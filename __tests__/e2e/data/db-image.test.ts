/**
 * Vulnerability data as a database image, with the real Docker engine, Clair, PostgreSQL and registry: the fixture
 * ecosystems bundle (core updaters plus Go records with version ranges, so range-import runs at build time) built
 * into a PostgreSQL image with `clair-scan data image build --push`, pushed to the test registry (htpasswd), its
 * labels read with `data info` from the daemon and from the registry (only the manifest and the config blob fetched:
 * a recording proxy in front of the registry sees every request); fixture images scanned through the JSON import
 * and through `vuln-data: db-image:<ref>` (pulled from the registry with the bound credentials) give the same exact
 * findings; refusals (stale, future createdAt, another Clair version, a plain PostgreSQL image, labels on a database
 * without Clair's schema) each end in exit 2 with nothing left behind: no container, volume or temp dir of the run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli } from '../../../src/cli';
import { scan } from '../../../src/scan';
import type { ImageResult } from '../../../src/findings/model';
import { setLogger } from '../../../src/util/log';
import { loadTestEnv } from '../../helpers/testenv';
import { trackRuns } from '../../helpers/runs';
import {
  BUNDLE_NO_DEBIAN,
  DEBIAN_VULN_FINDINGS,
  docker,
  expectScanError,
  findingLines,
  fixture,
  settingsFor,
} from '../scan/helpers';
import { BUNDLE_ECOSYSTEMS, GOBIN_FINDINGS } from '../ecosystems/helpers';

const env = loadTestEnv();
const reg = env.registry;
const repo = `clair-scan-test/db-image-${randomBytes(4).toString('hex')}`;
const dated = `${reg.address}/${repo}:v4.9.0-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
const moving = `${reg.address}/${repo}:v4.9.0`;
const creds = { 'registry-username': reg.username, 'registry-password': reg.password };
const credEnv = {
  ...process.env,
  CLAIR_SCAN_REGISTRY_USERNAME: reg.username,
  CLAIR_SCAN_REGISTRY_PASSWORD: reg.password,
};

/** The findings the fixture data plants (derived in scripts/fixtures/FIXTURES.md; the same as the ephemeral and ecosystem tests). */
const EXPECTED: Record<string, readonly string[]> = {
  'debian-vuln': DEBIAN_VULN_FINDINGS,
  alpine: [
    'CVE-2099-2001 busybox 1.36.1-r15 High 1.36.1-r16',
    'CVE-2099-2001 busybox-binsh 1.36.1-r15 High 1.36.1-r16',
    'CVE-2099-2001 ssl_client 1.36.1-r15 High 1.36.1-r16',
    'CVE-2099-2002 libcrypto3 3.1.4-r5 Critical 3.1.4-r6',
    'CVE-2099-2002 libssl3 3.1.4-r5 Critical 3.1.4-r6',
    'CVE-2099-2004 musl 1.2.4_git20230717-r4 Low -',
  ],
  python: [
    'CVE-2099-3001 requests 2.31.0 Medium 2.32.0',
    'CVE-2099-3002 urllib3 2.0.7 High 2.2.2',
    'CVE-2099-3003 jinja2 3.1.2 Critical 3.1.3',
  ],
  gobin: GOBIN_FINDINGS,
};
const IMAGES = Object.keys(EXPECTED).map(fixture);

/** Every image this file creates: removed at the end whatever happens. */
const created: string[] = [dated, moving];
let logs: string[];
const track = trackRuns({ after: 'manual' });

function capture(): void {
  logs = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  setLogger({
    info: (m) => logs.push(`${m}\n`),
    warn: (m) => logs.push(`warning: ${m}\n`),
    debug: () => undefined,
    mask: () => undefined,
  });
}

/** The run ids a CLI run printed ("Run <id> (if this process is killed …"). */
function runIdsIn(text: string): string[] {
  return [...text.matchAll(/^Run ([a-z0-9-]+) \(/gm)].map((m) => m[1]);
}

function imageExists(ref: string): boolean {
  try {
    docker('image', 'inspect', ref);
    return true;
  } catch {
    return false;
  }
}

/** An image FROM `base` with labels changed (the legacy builder: a LABEL step only). */
function relabel(base: string, tag: string, labels: Record<string, string>): string {
  created.push(tag);
  const dockerfile = `FROM ${base}\n${Object.entries(labels)
    .map(([k, v]) => `LABEL ${k}=${JSON.stringify(v)}`)
    .join('\n')}\n`;
  execFileSync('docker', ['build', '-q', '-t', tag, '-'], {
    input: dockerfile,
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return tag;
}

/**
 * The anonymous volumes the run's containers mounted (the image's inherited VOLUME) that still exist: read from the
 * daemon's events between `since` and now, so other test files' volumes are never looked at.
 */
function volumesLeftBy(runId: string, since: number): { containers: number; left: string[] } {
  const until = Math.ceil(Date.now() / 1000) + 1;
  const events = (args: string[]): { Actor: { ID: string; Attributes: Record<string, string> } }[] =>
    execFileSync(
      'docker',
      [
        'events',
        '--since',
        String(Math.floor(since / 1000) - 1),
        '--until',
        String(until),
        '--format',
        '{{json .}}',
        ...args,
      ],
      { encoding: 'utf8' },
    )
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { Actor: { ID: string; Attributes: Record<string, string> } });
  const containers = new Set(
    events([
      '--filter',
      'type=container',
      '--filter',
      'event=create',
      '--filter',
      `label=io.clair-scan.run=${runId}`,
    ]).map((e) => e.Actor.ID),
  );
  const mounted = events(['--filter', 'type=volume', '--filter', 'event=mount'])
    .filter((e) => containers.has(e.Actor.Attributes.container))
    .map((e) => e.Actor.ID);
  const left = [...new Set(mounted)].filter((v) => {
    try {
      docker('volume', 'inspect', v);
      return true;
    } catch {
      return false;
    }
  });
  return { containers: containers.size, left };
}

/** A loopback proxy in front of the test registry that records every request's method and path. */
async function recordingProxy(): Promise<{ address: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const upstream = new URL(reg.url);
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const out = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface InfoJson {
  where: string;
  digest: string;
  createdAt: string;
  clairVersion: string;
  records: number;
  sourceSha256: string;
  buildId: string;
  postgresMajor: string;
  updaters: { name: string; records: number }[];
}

let built: { buildStarted: number; info: InfoJson };

beforeAll(async () => {
  capture();
  const started = Date.now();
  const code = await runCli(
    [
      'data',
      'image',
      'build',
      '--from',
      BUNDLE_ECOSYSTEMS,
      '--tag',
      dated,
      '--tag',
      moving,
      '--push',
      '--clair-image',
      env.clairImage,
      '--postgres-image',
      env.postgresImage,
      '--pull',
      'never',
    ],
    credEnv,
  );
  const text = logs.join('');
  runIdsIn(text).forEach((id) => track.add(id));
  jest.restoreAllMocks();
  expect({ code, text: code ? text : '' }).toEqual({ code: 0, text: '' });
  expect(text).toMatch(/records with version ranges/); // the Go records went through range-import
  expect(text).toMatch(new RegExp(`pushed ${reg.address.replace(/\./g, '\\.')}/${repo}@sha256:[0-9a-f]{64}`));
  capture();
  expect(await runCli(['data', 'info', `db-image:${dated}`, '--json'], credEnv)).toBe(0);
  built = { buildStarted: started, info: JSON.parse(logs.join('')) as InfoJson };
  jest.restoreAllMocks();
}, 600_000);

afterAll(() => {
  for (const ref of created) {
    try {
      docker('rmi', '-f', ref);
    } catch {
      // already gone
    }
  }
  expect(created.filter(imageExists)).toEqual([]);
});

beforeEach(() => capture());

afterEach(() => {
  jest.restoreAllMocks();
  track.expectClean();
});

describe('clair-scan data image build', () => {
  it('labels the image with what it holds, read back by `data info` from the daemon', () => {
    const { info, buildStarted } = built;
    // Counted independently from the bundle file.
    const lines = fs.readFileSync(BUNDLE_ECOSYSTEMS, 'utf8').split('\n').filter(Boolean);
    const perUpdater = new Map<string, number>();
    for (const l of lines) {
      const u = (JSON.parse(l) as { Updater: string }).Updater;
      perUpdater.set(u, (perUpdater.get(u) ?? 0) + 1);
    }
    expect(info.where).toBe('local');
    expect(info.clairVersion).toBe(env.clairVersion);
    expect(info.postgresMajor).toBe('15');
    expect(info.records).toBe(lines.length);
    expect(info.sourceSha256).toBe(createHash('sha256').update(fs.readFileSync(BUNDLE_ECOSYSTEMS)).digest('hex'));
    expect(Object.fromEntries(info.updaters.map((u) => [u.name, u.records]))).toEqual(Object.fromEntries(perUpdater));
    expect(Date.parse(info.createdAt)).toBeGreaterThanOrEqual(buildStarted);
    expect(Date.parse(info.createdAt)).toBeLessThanOrEqual(Date.now());
    // The data directory is in the image, not in the declared volume; the scan's command line is not inherited.
    const cfg = JSON.parse(docker('image', 'inspect', dated, '--format', '{{json .Config}}')) as {
      Env: string[];
      Cmd: string[];
      Labels: Record<string, string>;
    };
    expect(cfg.Env).toContain('PGDATA=/var/lib/postgresql/baked');
    expect(cfg.Cmd).toEqual(['postgres']);
    expect(cfg.Labels['io.clair-scan.data.build-id']).toBe(info.buildId);
    expect(cfg.Labels['io.clair-scan.owner'] ?? '').toBe('');
    expect(cfg.Labels['io.clair-scan.run'] ?? '').toBe('');
    // Run as a service with its own command line, it listens on every address of its container (the base image's
    // initdb sample says localhost): read from the baked configuration, without starting a server.
    expect(
      docker(
        'run',
        '--rm',
        '--network',
        'none',
        '--user',
        'postgres',
        '--entrypoint',
        'postgres',
        dated,
        '-C',
        'listen_addresses',
        '-D',
        '/var/lib/postgresql/baked',
      ),
    ).toBe('*');
    // Both tags are the same image.
    expect(docker('image', 'inspect', moving, '--format', '{{.Id}}')).toBe(
      docker('image', 'inspect', dated, '--format', '{{.Id}}'),
    );
  });

  it('`data info` reads the labels from the registry without pulling a layer (only the manifest and the config blob)', async () => {
    const proxy = await recordingProxy();
    const viaProxy = dated.replace(reg.address, proxy.address);
    try {
      expect(await runCli(['data', 'info', `db-image:${viaProxy}`, '--remote', '--json'], credEnv)).toBe(0);
    } finally {
      await proxy.close();
    }
    const info = JSON.parse(logs.join('')) as InfoJson;
    expect(info.where).toBe('registry');
    expect({ ...info, where: 'local', digest: '' }).toEqual({ ...built.info, digest: '' });
    const repoDigest = docker('image', 'inspect', dated, '--format', '{{join .RepoDigests "\\n"}}')
      .split('\n')
      .find((d) => d.startsWith(`${reg.address}/${repo}@`));
    expect(info.digest).toBe(repoDigest?.split('@')[1]);
    const configDigest = docker('image', 'inspect', dated, '--format', '{{.Id}}');
    const gets = proxy.requests.filter((r) => !r.startsWith('GET /v2/ ') && r !== 'GET /v2/');
    expect(gets.filter((r) => r.includes('/blobs/'))).toEqual([`GET /v2/${repo}/blobs/${configDigest}`]);
    expect(gets.every((r) => r.startsWith('GET '))).toBe(true);
    expect(gets.filter((r) => r.includes('/manifests/')).length).toBeGreaterThanOrEqual(1);
    // And nothing was pulled into the daemon under the proxy's name.
    expect(imageExists(viaProxy)).toBe(false);
  });
});

describe('scans with vuln-data: db-image:<ref>', () => {
  it('the same exact findings as the JSON import of the same bundle; the image pulled from the registry with the bound credentials; no import runs', async () => {
    const viaImport = await scan(settingsFor(IMAGES, { 'vuln-data': BUNDLE_ECOSYSTEMS, formats: 'json' }), track);
    const importLog = logs.join('');
    expect(importLog).toMatch(/clairctl import-updaters/);
    // Gone from the daemon: the scan must pull it (pull: missing) with registry-username/password.
    docker('rmi', moving);
    expect(imageExists(moving)).toBe(false);
    logs.length = 0;
    const since = Date.now();
    // The fixture images name the registry "localhost": registry-host binds the credentials to the data's registry.
    const viaImage = await scan(
      settingsFor(IMAGES, {
        'vuln-data': `db-image:${moving}`,
        pull: 'missing',
        'vuln-data-max-age': '1h',
        formats: 'json',
        'registry-host': reg.address,
        ...creds,
      }),
      track,
    );
    const imageLog = logs.join('');
    expect(imageExists(moving)).toBe(true);
    expect(imageLog).toMatch(new RegExp(`Pulling ${moving.replace(/[./]/g, (c) => `\\${c}`)}`));
    expect(imageLog).not.toMatch(/import-updaters|Loading vulnerability data/);
    expect(imageLog).toMatch(new RegExp(`Starting PostgreSQL \\(${moving.replace(/[./]/g, (c) => `\\${c}`)}\\)`));

    const lines = (o: typeof viaImport): Record<string, string[]> =>
      Object.fromEntries(
        o.result.images.map((r: ImageResult) => [
          r.image.ref.replace(/^localhost\/clair-scan-fixture\/|:1$/g, ''),
          findingLines(r),
        ]),
      );
    expect(lines(viaImport)).toEqual(EXPECTED);
    expect(lines(viaImage)).toEqual(EXPECTED);
    // Identical down to every field of every finding.
    expect(viaImage.result.images.map((r) => r.vulnerabilities)).toEqual(
      viaImport.result.images.map((r) => r.vulnerabilities),
    );
    expect(viaImage.exitCode).toBe(viaImport.exitCode);
    // The reports say which data image was used and when it was made.
    const json = JSON.parse(fs.readFileSync(viaImage.reports.json as string, 'utf8')) as {
      images: { notes?: string[] }[];
    };
    expect(json.images[0].notes).toContain(
      `Vulnerability data: the database image ${moving} (${built.info.digest}), created ${built.info.createdAt} with Clair ${built.info.clairVersion}, ${built.info.records} records.`,
    );
    const runId = track.ids[track.ids.length - 1];
    // PostgreSQL's inherited VOLUME made an anonymous volume; the cleanup removed it with the container.
    expect(volumesLeftBy(runId, since)).toEqual({ containers: 2, left: [] });
  }, 600_000);

  it('a database image without data for the image\'s distribution is never "clean": the coverage proof reads its database', async () => {
    const noDebian = `localhost/${repo}-nodebian:1`;
    created.push(noDebian);
    const code = await runCli(
      [
        'data',
        'image',
        'build',
        '--from',
        BUNDLE_NO_DEBIAN,
        '--tag',
        noDebian,
        '--clair-image',
        env.clairImage,
        '--postgres-image',
        env.postgresImage,
        '--pull',
        'never',
      ],
      credEnv,
    );
    runIdsIn(logs.join('')).forEach((id) => track.add(id));
    expect(code).toBe(0);
    const settings = settingsFor([fixture('debian-vuln')], { 'vuln-data': `db-image:${noDebian}`, formats: 'json' });
    const err = await expectScanError(scan(settings, track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      `Clair has no vulnerability data for Debian GNU/Linux 12 (bookworm) (found in ${fixture('debian-vuln')}); refusing to report the image as clean`,
    );
    expect(err.hint).toMatch(/db-image:/);
    expect(fs.readdirSync(settings.reports.outputDir)).toEqual([]);
  }, 600_000);
});

describe('pull: missing and a moving tag: a local copy older than a day is pulled again', () => {
  const threeDaysAgo = (): string => new Date(Date.now() - 3 * 86400_000).toISOString();

  it('the registry has a newer image under the tag: it is pulled and used (exact findings)', async () => {
    // This runner's copy of the moving tag says it is three days old (relabelled: its database row disagrees, so
    // using it would be refused); the registry holds the fresh build under the same tag.
    relabel(dated, moving, { 'org.opencontainers.image.created': threeDaysAgo() });
    expect(docker('image', 'inspect', moving, '--format', '{{.Id}}')).not.toBe(
      docker('image', 'inspect', dated, '--format', '{{.Id}}'),
    );
    logs.length = 0;
    const r = await scan(
      settingsFor([fixture('debian-vuln')], {
        'vuln-data': `db-image:${moving}`,
        pull: 'missing',
        formats: 'json',
        'registry-host': reg.address,
        ...creds,
      }),
      track,
    );
    expect(logs.join('')).toMatch(
      new RegExp(
        `The local database image ${moving.replace(/[./]/g, (c) => `\\${c}`)} is 3 d old: pulling its tag again`,
      ),
    );
    expect(docker('image', 'inspect', moving, '--format', '{{.Id}}')).toBe(
      docker('image', 'inspect', dated, '--format', '{{.Id}}'),
    );
    expect(findingLines(r.result.images[0])).toEqual([...EXPECTED['debian-vuln']].sort());
    expect(r.result.images[0].notes?.some((n) => /Vulnerability data is .* old/.test(n))).toBe(false);
  }, 600_000);

  it('no newer image can be pulled: the local copy is used with a warning naming its age (and its checks still apply)', async () => {
    const offline = relabel(dated, `${reg.address}/${repo}-not-pushed:v4.9.0`, {
      'org.opencontainers.image.created': threeDaysAgo(),
    });
    logs.length = 0;
    const settings = settingsFor([fixture('debian-vuln')], {
      'vuln-data': `db-image:${offline}`,
      pull: 'missing',
      formats: 'json',
      'registry-host': reg.address,
      ...creds,
    });
    const err = await expectScanError(scan(settings, track));
    const out = logs.join('');
    expect(out).toMatch(/is 3 d old: pulling its tag again/);
    expect(out).toMatch(
      new RegExp(
        `warning: a newer ${offline.replace(/[./]/g, (c) => `\\${c}`)} could not be pulled \\(could not pull .+\\): using the local copy, created `,
      ),
    );
    // The local copy was the one checked: its relabelled date disagrees with its database.
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/does not match the image's labels \(created .* ≠ label/);
  }, 600_000);
});

describe('refusals: exit 2, the reason and what to do, nothing left behind', () => {
  /** Returns how many containers the run had started before it refused. */
  const refuse = async (
    vulnData: string,
    inputs: Record<string, string>,
    message: RegExp,
    hint: RegExp,
  ): Promise<number> => {
    const since = Date.now();
    const settings = settingsFor([fixture('debian-vuln')], { 'vuln-data': vulnData, formats: 'json', ...inputs });
    const err = await expectScanError(scan(settings, track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(message);
    expect(err.hint).toMatch(hint);
    expect(fs.readdirSync(settings.reports.outputDir)).toEqual([]);
    // A refusal on the labels starts nothing; one on the database or on Clair removes what it started.
    const started = track.ids.map((id) => volumesLeftBy(id, since));
    expect(started.flatMap((v) => v.left)).toEqual([]);
    return started.reduce((n, v) => n + v.containers, 0);
  };

  it('stale: older than vuln-data-max-age', async () => {
    const createdAt = new Date(Date.now() - 3 * 86400_000).toISOString();
    const stale = relabel(dated, `localhost/${repo}-stale:1`, { 'org.opencontainers.image.created': createdAt });
    expect(
      await refuse(
        `db-image:${stale}`,
        { 'vuln-data-max-age': '24h' },
        new RegExp(
          `^the database image ${stale.replace(/[./]/g, (c) => `\\${c}`)} is 3 d old \\(created ${createdAt.replace(/\./g, '\\.')}\\), older than vuln-data-max-age \\(24 h\\)$`,
        ),
        /pull a newer database image/,
      ),
    ).toBe(0);
  });

  it('createdAt in the future', async () => {
    const createdAt = new Date(Date.now() + 86400_000).toISOString();
    const future = relabel(dated, `localhost/${repo}-future:1`, { 'org.opencontainers.image.created': createdAt });
    expect(
      await refuse(
        `db-image:${future}`,
        {},
        new RegExp(
          `^the database image .* says it was created at ${createdAt.replace(/\./g, '\\.')}, (23 h 59 min|1 d) in the future`,
        ),
        /clock/,
      ),
    ).toBe(0);
  });

  it('run with another Clair version: both versions named (checked once Clair runs, by its version)', async () => {
    // A Clair image that says it is 4.8.0 (the version label clair-scan reads before asking clairctl).
    const clair48 = relabel(env.clairImage, `localhost/${repo}-clair:4.8.0`, {
      'org.opencontainers.image.version': 'v4.8.0',
    });
    expect(
      await refuse(
        `db-image:${dated}`,
        { 'clair-image': clair48 },
        new RegExp(
          `^the database image ${dated.replace(/[./]/g, (c) => `\\${c}`)} was built with Clair ${env.clairVersion.replace(/\./g, '\\.')}, but clair-image \\(${clair48.replace(/[./]/g, (c) => `\\${c}`)}\\) is Clair v4\\.8\\.0$`,
        ),
        /database image built with Clair v4\.8\.0/,
      ),
    ).toBe(2);
  });

  it('a relabelled image (its clair-version label changed): the database inside does not match the labels', async () => {
    const other = relabel(dated, `localhost/${repo}-clair48:1`, { 'io.clair-scan.data.clair-version': 'v4.8.0' });
    expect(
      await refuse(
        `db-image:${other}`,
        {},
        new RegExp(
          `^the database inside ${other.replace(/[./]/g, (c) => `\\${c}`)} does not match the image's labels \\(Clair ${env.clairVersion.replace(/\./g, '\\.')} ≠ label v4\\.8\\.0\\)$`,
        ),
        /altered after it was built/,
      ),
    ).toBe(1);
  });

  it('a plain PostgreSQL image: not a clair-scan database image', async () => {
    expect(
      await refuse(
        `db-image:${env.postgresImage}`,
        {},
        new RegExp(
          `^${env.postgresImage.replace(/[./]/g, (c) => `\\${c}`)} is not a clair-scan database image: it carries no io\\.clair-scan\\.data\\.\\* labels$`,
        ),
        /clair-scan data image build/,
      ),
    ).toBe(0);
  });

  it('the labels copied onto a plain PostgreSQL: its database has no Clair schema', async () => {
    const labels = JSON.parse(docker('image', 'inspect', dated, '--format', '{{json .Config.Labels}}')) as Record<
      string,
      string
    >;
    const data = Object.fromEntries(
      Object.entries(labels).filter(
        ([k]) => k.startsWith('io.clair-scan.data.') || k === 'org.opencontainers.image.created',
      ),
    );
    const fake = relabel(env.postgresImage, `localhost/${repo}-fake:1`, data);
    expect(
      await refuse(
        `db-image:${fake}`,
        {},
        /is not a clair-scan database image: its database has no Clair schema \(tables vuln and update_operation\)$/,
        /clair-scan data image build/,
      ),
    ).toBe(1);
  });
});
