/**
 * docs/shared-clair.md's Compose example, as the doc shows it (the Compose file, indexer.yaml, matcher.yaml and
 * nginx.conf blocks under "### Compose"), checked by the real docker compose CLI plugin v5.6.0 (built from its Go
 * module by scripts/test-env/go-tools.sh, found as cli-plugins/docker-compose in a temp DOCKER_CONFIG): `docker
 * compose config` validates the file against the Compose specification and resolves it; then `docker compose up`
 * RUNS it, and a batch scan of a registry listing goes through it with exact findings.
 *
 * Running it: Compose creates a bridge network with DNS aliases, which the test daemon (--bridge=none) cannot, so it
 * runs on the bridge daemon in a network namespace of the test's own (scripts/test-env/bridge-daemon.sh), as the
 * gitlab-ci-local services test does. Nothing can be pulled here, so the example's three image names are given,
 * in that daemon only, to local builds of the same interface: quay.io/projectquay/clair:4.9.0 = the test
 * environment's Clair (built from its Go module, laid out like the official image); ghcr.io/clair-scan/clair-db:v4.9.0
 * = a database image `clair-scan data image build` makes from the fixture data, as the nightly job does;
 * docker.io/library/nginx:1.27 = Debian's nginx-light (bridge-daemon.sh router-image). The CLI runs in that namespace
 * too, as a runner next to the shared Clair would: the indexer fetches layers from its layer server there.
 *
 * Needs `bash scripts/test-env.sh up` (it builds the plugin into the cache) and the fixtures.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BatchSummary } from '../../../src/batch/outputs';
import type { ImageResult } from '../../../src/findings/model';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { ALPINE_FINDINGS, DEBIAN_VULN_FINDINGS, PYTHON_FINDINGS, findingLines, fixture } from '../scan/helpers';

const execFileP = promisify(execFile);

const GO_TOOLS = join(REPO_ROOT, 'scripts/test-env/go-tools.sh');
const doc = readFileSync(join(REPO_ROOT, 'docs/shared-clair.md'), 'utf8');

function composePlugin(): string {
  try {
    return execFileSync('bash', [GO_TOOLS, 'path', 'compose'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (err) {
    throw new Error(`this test needs the compose plugin: ${String((err as { stderr?: string }).stderr ?? err).trim()}`);
  }
}

/** The code blocks of the "### Compose" section, in order: the Compose file, indexer.yaml, matcher.yaml, nginx.conf. */
function composeBlocks(): { compose: string; indexer: string; matcher: string; nginx: string } {
  const start = doc.indexOf('\n### Compose\n');
  const end = doc.indexOf('\n### Kubernetes\n');
  if (start < 0 || end < start)
    throw new Error('docs/shared-clair.md has no "### Compose" section before "### Kubernetes"');
  const blocks = [...doc.slice(start, end).matchAll(/```(yaml|nginx)\n([\s\S]*?)```/g)].map((m) => m[2]);
  expect(blocks).toHaveLength(4);
  const [compose, indexer, matcher, nginx] = blocks;
  return { compose, indexer, matcher, nginx };
}

/** A project dir with the doc's files and a DOCKER_CONFIG that has only the plugin. */
function project(composeText: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = testTempDir('cs-compose-example-');
  const b = composeBlocks();
  writeFileSync(join(dir, 'compose.yml'), composeText);
  writeFileSync(join(dir, 'indexer.yaml'), b.indexer);
  writeFileSync(join(dir, 'matcher.yaml'), b.matcher);
  writeFileSync(join(dir, 'nginx.conf'), b.nginx);
  // What the Compose file's header says to write for a fleet without RHEL/UBI images.
  for (const f of ['repo2cpe.json', 'name2repos.json']) writeFileSync(join(dir, f), '{"data":{}}\n');
  mkdirSync(join(dir, 'docker-config', 'cli-plugins'), { recursive: true });
  symlinkSync(composePlugin(), join(dir, 'docker-config', 'cli-plugins', 'docker-compose'));
  // No daemon is needed for `config`; a socket that does not exist proves none is asked.
  return {
    dir,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      DOCKER_CONFIG: join(dir, 'docker-config'),
      DOCKER_HOST: `unix://${join(dir, 'no-daemon.sock')}`,
    },
  };
}

function compose(
  p: { dir: string; env: NodeJS.ProcessEnv },
  ...args: string[]
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('docker', ['compose', '-p', 'cs-compose-example', '-f', 'compose.yml', ...args], {
    cwd: p.dir,
    env: p.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Resolved {
  services: Record<
    string,
    {
      image: string;
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      tmpfs?: string[];
      volumes?: { source: string; target: string; read_only?: boolean }[];
    }
  >;
  volumes: Record<string, unknown>;
}

describe("docs/shared-clair.md's Compose example under docker compose v5.6.0", () => {
  test('the plugin is the pinned version', () => {
    const p = project(composeBlocks().compose);
    const r = compose(p, 'version', '--short');
    expect({ code: r.code, out: r.stdout.trim(), stderr: r.stderr }).toEqual({ code: 0, out: '5.6.0', stderr: '' });
  });

  test('`docker compose config` accepts the file and resolves the four services as the doc describes them', () => {
    const p = project(composeBlocks().compose);
    const r = compose(p, 'config', '--format', 'json');
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const c = JSON.parse(r.stdout) as Resolved;
    expect(Object.keys(c.services).sort()).toEqual(['indexer', 'matcher', 'postgres', 'router']);
    expect(c.services.indexer.environment).toEqual({ CLAIR_MODE: 'indexer', CLAIR_CONF: '/config/indexer.yaml' });
    expect(c.services.matcher.environment).toEqual({ CLAIR_MODE: 'matcher', CLAIR_CONF: '/config/matcher.yaml' });
    for (const s of ['indexer', 'matcher']) {
      expect(c.services[s].image).toBe('quay.io/projectquay/clair:4.9.0');
      expect(c.services[s].depends_on).toEqual({ postgres: expect.objectContaining({ condition: 'service_healthy' }) });
      // the config files the doc shows, mounted read-only where CLAIR_CONF points
      expect(c.services[s].volumes?.[0]).toEqual(
        expect.objectContaining({ source: join(p.dir, `${s}.yaml`), target: `/config/${s}.yaml`, read_only: true }),
      );
    }
    // The indexer's Red Hat mapping files, where indexer.yaml points (without them it fails every index offline).
    expect(c.services.indexer.volumes?.slice(1)).toEqual(
      ['repo2cpe', 'name2repos'].map((f) =>
        expect.objectContaining({ source: join(p.dir, `${f}.json`), target: `/config/${f}.json`, read_only: true }),
      ),
    );
    expect(composeBlocks().indexer).toContain('repo2cpe_mapping_file: /config/repo2cpe.json');
    expect(composeBlocks().indexer).toContain('name2repos_mapping_file: /config/name2repos.json');
    expect(c.services.indexer.tmpfs).toEqual(['/var/tmp']);
    expect(c.services.router.volumes).toEqual([
      expect.objectContaining({
        source: join(p.dir, 'nginx.conf'),
        target: '/etc/nginx/conf.d/default.conf',
        read_only: true,
      }),
    ]);
  });

  test('the plugin rejects a broken copy (a misspelled depends_on condition)', () => {
    const p = project(composeBlocks().compose.replace('condition: service_healthy', 'condition: service_healty'));
    const r = compose(p, 'config', '-q');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "services.indexer.depends_on.postgres.condition value must be one of 'service_started', 'service_healthy', 'service_completed_successfully'",
    );
  });

  test('the doc says what runs and what stands in for the pulled images', () => {
    expect(doc).toMatch(/Compose\s+example\s+runs\s+in\s+the\s+suite/);
    expect(doc).toMatch(/Kubernetes\s+manifests\s+are\s+checked[\s\S]{0,200}not\s+applied/);
  });
});

// ---------------------------------------------------------------------------------------------- running it
const BRIDGE_SCRIPT = join(REPO_ROOT, 'scripts', 'test-env', 'bridge-daemon.sh');
const CLI_BUNDLE = join(REPO_ROOT, 'dist', 'cli', 'index.js');
const RUN = randomBytes(4).toString('hex');
const DB_BUILD = `localhost/clair-scan-test/compose-db:${RUN}`;
// The names the doc's Compose file pulls, given to local builds in the bridge daemon only.
const DOC_IMAGES = {
  clair: 'quay.io/projectquay/clair:4.9.0',
  db: 'ghcr.io/clair-scan/clair-db:v4.9.0',
  nginx: 'docker.io/library/nginx:1.27',
};
const FLEET: Record<string, string[]> = {
  'debian-vuln': DEBIAN_VULN_FINDINGS,
  alpine: ALPINE_FINDINGS,
  python: PYTHON_FINDINGS,
  clean: [],
};

interface Bridge {
  dockerHost: string;
  registry: string;
  daemonAddress: string;
  namespace: string;
}
let bridge: Bridge | undefined;
let running: { dir: string; env: NodeJS.ProcessEnv; project: string } | undefined;
let psk: string;

async function bridgeDaemon(args: string[]): Promise<string> {
  const { stdout } = await execFileP('bash', [BRIDGE_SCRIPT, ...args], {
    timeout: 15 * 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.trim();
}

function bridgeDocker(...args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: (bridge as Bridge).dockerHost },
    timeout: 10 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function up(): { code: number | null; stdout: string; stderr: string } {
  const r = running as NonNullable<typeof running>;
  const res = spawnSync(
    'docker',
    ['compose', '-p', r.project, '-f', 'compose.yml', 'up', '-d', '--wait', '--wait-timeout', '180'],
    { cwd: r.dir, env: r.env, encoding: 'utf8', timeout: 240_000 },
  );
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Both services behind the router answer (401: Clair is there and wants its PSK token; 502: not yet). Bounded. */
async function routerReady(base: string): Promise<void> {
  let last = '';
  for (let i = 0; i < 120; i++) {
    const codes: number[] = [];
    for (const p of ['/indexer/api/v1/index_state', '/matcher/api/v1/internal/update_operation']) {
      try {
        codes.push((await fetch(base + p, { signal: AbortSignal.timeout(2000) })).status);
      } catch (err) {
        codes.push(0);
        last = String(err);
      }
    }
    if (codes.every((c) => c === 401)) return;
    last = `${codes.join(',')} ${last}`;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the Compose example's router did not answer for both services within 60 s: ${last}`);
}

describe("docs/shared-clair.md's Compose example, running, with a batch scan through it", () => {
  beforeAll(async () => {
    const env = loadTestEnv();
    if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run bundle\` first`);
    // The database image, as the nightly job builds it (here from the fixture data, on the test daemon).
    await execFileP(
      process.execPath,
      [
        CLI_BUNDLE,
        'data',
        'image',
        'build',
        '--from',
        join(REPO_ROOT, '.testenv', 'fixtures', 'vulns.jsonl'),
        '--tag',
        DB_BUILD,
        '--clair-image',
        env.clairImage,
        '--postgres-image',
        env.postgresImage,
        '--pull',
        'never',
      ],
      {
        timeout: 10 * 60_000,
        env: { ...process.env, DOCKER_HOST: env.dockerHost },
      },
    );
    const fleet = Object.keys(FLEET).map(fixture);
    bridge = JSON.parse(
      (await bridgeDaemon(['up', env.clairImage, DB_BUILD, ...fleet])).split('\n').pop() ?? '',
    ) as Bridge;
    const router = (await bridgeDaemon(['router-image'])).split('\n').pop() as string;
    bridgeDocker('tag', env.clairImage, DOC_IMAGES.clair);
    bridgeDocker('tag', DB_BUILD, DOC_IMAGES.db);
    bridgeDocker('tag', router, DOC_IMAGES.nginx);
    // The fleet: a registry the shared Clair's users list, here the bridge namespace's plain-HTTP registry.
    for (const name of Object.keys(FLEET)) {
      const ref = `${bridge.registry}/compose-${RUN}/${name}:latest`;
      bridgeDocker('tag', fixture(name), ref);
      bridgeDocker('push', '-q', ref);
      bridgeDocker('rmi', ref);
    }
    // The doc's files, with the PSK the doc says to generate in place of its placeholder.
    psk = randomBytes(32).toString('base64');
    const b = composeBlocks();
    const p = project(b.compose);
    for (const f of ['indexer.yaml', 'matcher.yaml'])
      writeFileSync(join(p.dir, f), readFileSync(join(p.dir, f), 'utf8').split('<base64 PSK>').join(psk));
    running = { dir: p.dir, env: { ...p.env, DOCKER_HOST: bridge.dockerHost }, project: `cs-compose-${RUN}` };
  }, 20 * 60_000);

  afterAll(async () => {
    try {
      if (running) {
        const r = spawnSync(
          'docker',
          ['compose', '-p', running.project, '-f', 'compose.yml', 'down', '-v', '--remove-orphans', '-t', '5'],
          { cwd: running.dir, env: running.env, encoding: 'utf8', timeout: 180_000 },
        );
        expect({ code: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
        expect(bridgeDocker('ps', '-aq', '--filter', `label=com.docker.compose.project=${running.project}`)).toBe('');
      }
      if (bridge) bridgeDocker('rmi', DOC_IMAGES.clair, DOC_IMAGES.db, DOC_IMAGES.nginx, DB_BUILD);
    } finally {
      if (bridge) await bridgeDaemon(['down']);
      execFileSync('docker', ['rmi', '-f', DB_BUILD], { stdio: 'ignore' });
    }
  }, 10 * 60_000);

  test('`docker compose up --wait` starts the four services; the router answers for the indexer and the matcher', async () => {
    const r = up();
    expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
    const r2 = running as NonNullable<typeof running>;
    const ps = execFileSync('docker', ['compose', '-p', r2.project, 'ps', '--format', '{{.Service}} {{.Image}}'], {
      cwd: r2.dir,
      env: r2.env,
      encoding: 'utf8',
      timeout: 60_000,
    })
      .trim()
      .split('\n')
      .sort();
    expect(ps).toEqual([
      `indexer ${DOC_IMAGES.clair}`,
      `matcher ${DOC_IMAGES.clair}`,
      `postgres ${DOC_IMAGES.db}`,
      `router ${DOC_IMAGES.nginx}`,
    ]);
    await routerReady(`http://${(bridge as Bridge).daemonAddress}:6060`);
  });

  test('a batch scan of the registry listing, as the doc runs it, through the router: exact findings per image, exit 1', async () => {
    const b = bridge as Bridge;
    const out = testTempDir('cs-compose-fleet-');
    // The runner sits next to the shared Clair: in the namespace, where the indexer reaches its layer server.
    const argv = [
      `--net=/var/run/netns/${b.namespace}`,
      process.execPath,
      CLI_BUNDLE,
      '--clair-url',
      `http://${b.daemonAddress}:6060`,
      '--layer-server-address',
      b.daemonAddress,
      '--registry-insecure',
      '--tags',
      'latest',
      '--fail-on',
      'high>0 || medium>=3',
      '--severity-threshold',
      'none',
      '--concurrency',
      '2',
      '--formats',
      'json',
      '--output-dir',
      out,
      `registry:${b.registry}/compose-${RUN}/*`,
    ];
    const res = spawnSync('nsenter', argv, {
      encoding: 'utf8',
      timeout: 10 * 60_000,
      env: {
        ...process.env,
        CLAIR_SCAN_CLAIR_PSK: psk,
        CLAIR_SCAN_CI_PLATFORM: 'none',
        GITHUB_ACTIONS: '',
        GITLAB_CI: '',
      },
    });
    expect({ code: res.status, stderr: res.status === 1 ? '' : `${res.stdout}\n${res.stderr}` }).toEqual({
      code: 1,
      stderr: '',
    });
    const s = JSON.parse(readFileSync(join(out, 'batch-summary.json'), 'utf8')) as BatchSummary;
    expect(s.clair).toMatchObject({ ephemeral: false, url: `http://${b.daemonAddress}:6060` });
    const byName = new Map(s.images.map((e) => [e.image.replace(/^registry:[^/]+\/[^/]+\/([^:]+):latest$/, '$1'), e]));
    expect([...byName.keys()].sort()).toEqual(Object.keys(FLEET).sort());
    for (const [name, want] of Object.entries(FLEET)) {
      const e = byName.get(name);
      expect({ name, verdict: e?.verdict }).toEqual({ name, verdict: want.length ? 'fail' : 'pass' });
      const report = JSON.parse(readFileSync(join(out, e?.reportDir as string, 'clair-scan-result.json'), 'utf8')) as {
        images: ImageResult[];
      };
      expect({ name, findings: findingLines(report.images[0]) }).toEqual({ name, findings: [...want].sort() });
    }
    expect(
      readFileSync(join(out, 'vulnerable.list'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0])
        .sort(),
    ).toEqual(['alpine', 'debian-vuln', 'python'].map((n) => `registry:${b.registry}/compose-${RUN}/${n}:latest`));
  });
});
