/**
 * `clair-scan cleanup --all --docker-host <remote>` cleans the remote daemon — and only it. The root program
 * also has a --docker-host flag; before options after a subcommand were the subcommand's, the root took it
 * and cleanup --all emptied the LOCAL daemon instead. --all goes through cleanupRun like --run-id: the temp
 * dirs of the runs it finds go too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli } from '../../../src/cli';
import { newRunId } from '../../../src/environment/run-state';
import { loadTestEnv, RemoteDaemon, startRemoteDaemon, stopRemoteDaemon } from '../../helpers/testenv';

let remote: RemoteDaemon;

beforeAll(async () => {
  remote = await startRemoteDaemon();
});

afterAll(async () => {
  await stopRemoteDaemon();
});

function dockerAt(host: string | undefined, ...args: string[]): string {
  const env = { ...process.env };
  if (host) env.DOCKER_HOST = host;
  else delete env.DOCKER_HOST;
  return execFileSync('docker', args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A stopped container labelled like a run's (created, never started: nothing runs). */
function labelled(host: string | undefined, runId: string): string {
  const image = loadTestEnv().postgresImage;
  return dockerAt(
    host,
    'create',
    '--name',
    `clair-scan-${runId}-cleanup-test`,
    '--label',
    'io.clair-scan.owner=clair-scan',
    '--label',
    `io.clair-scan.run=${runId}`,
    image,
  );
}

function exists(host: string | undefined, id: string): boolean {
  return dockerAt(host, 'ps', '-a', '--filter', `id=${id}`, '--format', '{{.ID}}') !== '';
}

it('removes the labelled containers and run temp dirs of the remote daemon, leaves the local daemon alone', async () => {
  const localRun = newRunId();
  const remoteRun = newRunId();
  const local = labelled(undefined, localRun);
  // The PostgreSQL image declares a VOLUME: creating the container made an anonymous volume, which must go with it.
  const localVolumes = dockerAt(undefined, 'inspect', '--format', '{{range .Mounts}}{{.Name}} {{end}}', local)
    .split(' ')
    .filter(Boolean);
  expect(localVolumes).toHaveLength(1);
  const localTmp = fs.mkdtempSync(path.join(os.tmpdir(), `clair-scan-${localRun}-test-`));
  const remoteTmp = fs.mkdtempSync(path.join(os.tmpdir(), `clair-scan-${remoteRun}-test-`));
  try {
    const onRemote = labelled(remote.dockerHost, remoteRun);
    // --all removes every clair-scan container of the daemon: refuse to run while another test has some there.
    const before = dockerAt(
      remote.dockerHost,
      'ps',
      '-aq',
      '--no-trunc',
      '--filter',
      'label=io.clair-scan.owner=clair-scan',
    ).split('\n');
    expect(before).toEqual([onRemote]);

    let err = '';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      err += String(c);
      return true;
    });
    let code: number;
    try {
      code = await runCli(['cleanup', '--all', '--docker-host', remote.dockerHost], {});
    } finally {
      spy.mockRestore();
    }
    expect({ code, err }).toEqual({ code: 0, err: `Removed containers: clair-scan-${remoteRun}-cleanup-test\n` });
    expect(exists(remote.dockerHost, onRemote)).toBe(false);
    expect(fs.existsSync(remoteTmp)).toBe(false);
    // The local daemon's container and the local run's temp dir are untouched.
    expect(exists(undefined, local)).toBe(true);
    expect(fs.existsSync(localTmp)).toBe(true);
  } finally {
    dockerAt(undefined, 'rm', '-f', '-v', local);
    fs.rmSync(localTmp, { recursive: true, force: true });
    fs.rmSync(remoteTmp, { recursive: true, force: true });
  }
  expect(exists(undefined, local)).toBe(false);
  expect(
    localVolumes.filter((v) => dockerAt(undefined, 'volume', 'ls', '-q', '--filter', `name=^${v}$`) !== ''),
  ).toEqual([]);
});
