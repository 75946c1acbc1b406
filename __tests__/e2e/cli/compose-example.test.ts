/**
 * docs/shared-clair.md's Compose example, as the doc shows it (the Compose file, indexer.yaml, matcher.yaml and
 * nginx.conf blocks under "### Compose"), checked by the real docker compose CLI plugin v5.6.0 (built from its Go
 * module by scripts/test-env/go-tools.sh, found as cli-plugins/docker-compose in a temp DOCKER_CONFIG): `docker
 * compose config` validates the file against the Compose specification and resolves it. Nothing is started: the
 * example pulls nginx, which this machine cannot, and its matcher runs Clair's updaters, which reach the internet.
 * The doc says so.
 *
 * Needs `bash scripts/test-env.sh up` (it builds the plugin into the cache).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';

const GO_TOOLS = join(REPO_ROOT, 'scripts/test-env/go-tools.sh');
const doc = readFileSync(join(REPO_ROOT, 'docs/shared-clair.md'), 'utf8');

function composePlugin(): string {
  try {
    return execFileSync('bash', [GO_TOOLS, 'path', 'compose'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    throw new Error(`this test needs the compose plugin: ${String((err as { stderr?: string }).stderr ?? err).trim()}`);
  }
}

/** The code blocks of the "### Compose" section, in order: the Compose file, indexer.yaml, matcher.yaml, nginx.conf. */
function composeBlocks(): { compose: string; indexer: string; matcher: string; nginx: string } {
  const start = doc.indexOf('\n### Compose\n');
  const end = doc.indexOf('\n### Kubernetes\n');
  if (start < 0 || end < start) throw new Error('docs/shared-clair.md has no "### Compose" section before "### Kubernetes"');
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
  mkdirSync(join(dir, 'docker-config', 'cli-plugins'), { recursive: true });
  symlinkSync(composePlugin(), join(dir, 'docker-config', 'cli-plugins', 'docker-compose'));
  // No daemon is needed for `config`; a socket that does not exist proves none is asked.
  return { dir, env: { PATH: process.env.PATH, HOME: dir, DOCKER_CONFIG: join(dir, 'docker-config'), DOCKER_HOST: `unix://${join(dir, 'no-daemon.sock')}` } };
}

function compose(p: { dir: string; env: NodeJS.ProcessEnv }, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('docker', ['compose', '-p', 'cs-compose-example', '-f', 'compose.yml', ...args], { cwd: p.dir, env: p.env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Resolved {
  services: Record<string, { image: string; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; tmpfs?: string[]; volumes?: { source: string; target: string; read_only?: boolean }[] }>;
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
      expect(c.services[s].volumes).toEqual([expect.objectContaining({ source: join(p.dir, `${s}.yaml`), target: `/config/${s}.yaml`, read_only: true })]);
    }
    expect(c.services.indexer.tmpfs).toEqual(['/var/tmp']);
    expect(c.services.router.volumes).toEqual([expect.objectContaining({ source: join(p.dir, 'nginx.conf'), target: '/etc/nginx/conf.d/default.conf', read_only: true })]);
    expect(Object.keys(c.volumes)).toEqual(['pgdata']);
  });

  test('the plugin rejects a broken copy (a misspelled depends_on condition)', () => {
    const p = project(composeBlocks().compose.replace('condition: service_healthy', 'condition: service_healty'));
    const r = compose(p, 'config', '-q');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("services.indexer.depends_on.postgres.condition value must be one of 'service_started', 'service_healthy', 'service_completed_successfully'");
  });

  test('the doc says the example is checked, not started', () => {
    expect(doc).toMatch(/Compose\s+file\s+is\s+checked\s+with\s+`docker compose config` \(v5\.6\.0[\s\S]{0,300}not started/);
  });
});
