/**
 * GitLab's docker:dind situation: the Docker daemon is remote (tcp), in another network namespace, and its
 * containers cannot reach the job's 127.0.0.1. Nobody types an address: the scan finds the one that routes.
 */
import { scan } from '../../../src/scan';
import { startRemoteDaemon, stopRemoteDaemon, RemoteDaemon } from '../../helpers/testenv';
import { DEBIAN_VULN_FINDINGS, findingLines, fixture, settingsFor } from './helpers';
import { execFileSync } from 'node:child_process';

let remote: RemoteDaemon;

beforeAll(async () => {
  remote = await startRemoteDaemon([fixture('debian-vuln'), fixture('python')]);
});

afterAll(async () => {
  await stopRemoteDaemon();
});

function remoteContainers(runId: string): string[] {
  const out = execFileSync(
    'docker',
    ['ps', '-a', '--filter', `label=io.clair-scan.run=${runId}`, '--format', '{{.Names}}'],
    {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_HOST: remote.dockerHost },
    },
  ).trim();
  return out ? out.split('\n') : [];
}

it('runs Clair on the remote daemon and scans its images, finding addresses by itself', async () => {
  let runId = '';
  const o = await scan(settingsFor([fixture('debian-vuln'), fixture('python')], { 'docker-host': remote.dockerHost }), {
    onState: (s) => (runId = s.runId),
  });
  expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
  expect(findingLines(o.result.images[1])).toEqual([
    'CVE-2099-3001 requests 2.31.0 Medium 2.32.0',
    'CVE-2099-3002 urllib3 2.0.7 High 2.2.2',
    'CVE-2099-3003 jinja2 3.1.2 Critical 3.1.3',
  ]);
  expect(remoteContainers(runId)).toEqual([]);
});

it('an image only the local daemon has is not found on the remote one', async () => {
  await expect(
    scan(settingsFor([fixture('alpine')], { 'docker-host': remote.dockerHost, 'image-source': 'docker' })),
  ).rejects.toThrow(/was not found in the Docker daemon at tcp:\/\/10\.231\.7\.2:2375/);
});
