/**
 * Security battery, real parts: the ephemeral Clair and PostgreSQL a scan starts. Clair's API answers only this
 * run (a random PSK per run: next to dind it binds a non-loopback address), and both containers run with least
 * privilege (no capabilities beyond what they need, no-new-privileges, a pids limit).
 */
import { DockerClient } from '../../../src/environment/docker';
import { openClairService, type ClairService } from '../../../src/environment';
import { vulnDataLoader } from '../../../src/data';
import { cleanupRun } from '../../../src/environment/cleanup';
import { newRunId, type RunState } from '../../../src/environment/run-state';
import { docker, fixture, leftoverContainers, settingsFor } from '../scan/helpers';

const state: RunState = { runId: newRunId(), tempDirs: [] };
let env: ClairService;

beforeAll(async () => {
  const settings = settingsFor([fixture('debian-vuln')]);
  env = await openClairService(
    settings,
    () => new DockerClient(),
    state,
    (_phase, f) => f(),
    vulnDataLoader(settings, state),
  );
});

afterAll(async () => {
  await env?.close();
  await cleanupRun(state);
  expect(leftoverContainers(state.runId)).toEqual([]);
});

it("Clair refuses a request without the run's PSK-signed token, and answers ours", async () => {
  const anonymous = await fetch(`${env.client.url}/indexer/api/v1/index_state`);
  expect(anonymous.status).toBe(401);
  const forged = await fetch(`${env.client.url}/matcher/api/v1/vulnerability_report/sha256:${'0'.repeat(64)}`, {
    headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJjbGFpci1pbnRyYXNlcnZpY2UifQ.' },
  });
  expect(forged.status).toBe(401);
  // Our client signs every request: the update operations of the imported bundle are visible to it.
  const ops = await env.client.updateOperations();
  expect(Object.keys(ops).sort()).toEqual(['fixture-alpine', 'fixture-debian', 'fixture-pypi']);
});

it("PostgreSQL refuses a TCP connection from this machine without the run's password (host networking)", () => {
  const pgName = `clair-scan-${state.runId}-postgres`;
  const cmd = JSON.parse(docker('inspect', '-f', '{{json .Config.Cmd}}', pgName)) as string[];
  const port = cmd[cmd.indexOf('-p') + 1];
  const psql = (env: string[]) => {
    try {
      return {
        ok: true,
        out: docker(
          'exec',
          ...env,
          pgName,
          'psql',
          '-X',
          '-w',
          '-At',
          '-h',
          '127.0.0.1',
          '-p',
          port,
          '-U',
          'clair',
          '-d',
          'clair',
          '-c',
          'select 42',
        ),
      };
    } catch (e) {
      return { ok: false, out: String((e as { stderr?: unknown }).stderr ?? e) };
    }
  };
  // initdb's default pg_hba.conf trusts 127.0.0.1: anyone on the host could have rewritten the vulnerability data.
  const anonymous = psql([]);
  expect(anonymous.ok).toBe(false);
  expect(anonymous.out).toMatch(/password/);
  const wrong = psql(['-e', 'PGPASSWORD=not-the-password']);
  expect(wrong.ok).toBe(false);
  expect(wrong.out).toMatch(/password authentication failed/);
});

it('both containers drop every capability they do not need, cannot gain privileges and have a pids limit', () => {
  const names = leftoverContainers(state.runId).sort();
  expect(names).toEqual([`clair-scan-${state.runId}-clair`, `clair-scan-${state.runId}-postgres`]);
  const hostConfig = (name: string) =>
    JSON.parse(docker('inspect', '-f', '{{json .HostConfig}}', name)) as {
      CapDrop: string[];
      CapAdd: string[] | null;
      SecurityOpt: string[];
      PidsLimit: number;
      NetworkMode: string;
    };
  const clair = hostConfig(names[0]);
  expect([clair.CapDrop, clair.CapAdd ?? [], clair.SecurityOpt, clair.PidsLimit]).toEqual([
    ['ALL'],
    [],
    ['no-new-privileges:true'],
    2048,
  ]);
  const pg = hostConfig(names[1]);
  expect([pg.CapDrop, [...(pg.CapAdd ?? [])].sort(), pg.SecurityOpt, pg.PidsLimit]).toEqual([
    ['ALL'],
    ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID'],
    ['no-new-privileges:true'],
    2048,
  ]);
  // Clair's process runs as nobody, as in the official image.
  expect(docker('inspect', '-f', '{{.Config.User}}', names[0])).toBe('65534:65534');
});
