import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtifactServer } from '../../helpers/artifact-server';
import { uploadReports } from '../../../src/publish/github/artifact';

let server: ArtifactServer;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  server = new ArtifactServer();
  await server.start();
  Object.assign(process.env, server.env(), { GITHUB_SERVER_URL: 'https://github.com' });
  dir = mkdtempSync(join(tmpdir(), 'artifact-test-'));
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  for (const k of ['ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'GITHUB_SERVER_URL']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

test('uploads the reports as one zip with paths relative to the report directory', async () => {
  const out = join(dir, 'reports');
  mkdirSync(join(out, 'nested'), { recursive: true });
  const sarif = JSON.stringify({ version: '2.1.0', runs: [] });
  const big = 'x'.repeat(200_000);
  writeFileSync(join(out, 'clair-scan.sarif'), sarif);
  writeFileSync(join(out, 'nested', 'report.html'), big);
  const r = await uploadReports(
    'clair-scan-reports',
    [join(out, 'clair-scan.sarif'), join(out, 'nested', 'report.html'), join(out, 'missing.json')],
    out,
  );
  expect(r?.files).toHaveLength(2);
  expect(server.problems).toEqual([]);
  expect(server.artifacts).toHaveLength(1);
  const a = server.artifacts[0];
  expect(a).toMatchObject({ name: 'clair-scan-reports', finalized: true });
  expect(r?.id).toBe(a.id);
  expect([...a.files.keys()].sort()).toEqual(['clair-scan.sarif', 'nested/report.html']);
  expect(a.files.get('clair-scan.sarif')?.toString()).toBe(sarif);
  expect(a.files.get('nested/report.html')?.toString()).toBe(big);
});

test('nothing to upload: no artifact is created', async () => {
  const before = server.artifacts.length;
  expect(await uploadReports('empty', [join(dir, 'nope.json')], dir)).toBeUndefined();
  expect(server.artifacts).toHaveLength(before);
});
