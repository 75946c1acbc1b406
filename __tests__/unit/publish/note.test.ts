import { GitLabApiServer } from '../../helpers/gitlab-api-server';
import { gitlabTarget, upsertStickyNote } from '../../../src/publish/gitlab/note';
import { publishGitLab } from '../../../src/publish/gitlab';
import { parseSettings } from '../../../src/inputs/settings';
import { emptyCounts } from '../../../src/findings/model';
import { imageInfo, imageResult, scanResult } from '../../helpers/model';
import type { ScanOutcome } from '../../../src/outcome';
import { captureLogger } from '../../helpers/logger';

const TOKEN = 'glpat-unitTestToken0123456789';
let server: GitLabApiServer;
const { lines } = captureLogger({ scope: 'each' });

beforeAll(async () => {
  server = new GitLabApiServer(TOKEN);
  await server.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  server.notes.clear();
  server.forbidWrites = false;
});
afterEach(() => expect(server.problems).toEqual([]));

function outcome(status: 'pass' | 'fail'): ScanOutcome {
  const info = imageInfo({
    ref: 'registry.example/group/app:abc',
    name: 'group/app',
    tag: 'abc',
    source: 'registry',
    manifestDigest: `sha256:${'a'.repeat(64)}`,
    imageId: `sha256:${'b'.repeat(64)}`,
    user: 'app',
  });
  const result = scanResult([imageResult(info, [])], {
    tool: { name: 'clair-scan', version: '0.1.0' },
    clair: { ephemeral: true, version: 'v4.9.0' },
    verdict: {
      status,
      enforced: true,
      reasons: status === 'fail' ? ['1 finding at or above High'] : [],
      rules: ['severity-threshold: high'],
      counted: emptyCounts(),
      expiredEntries: [],
      unusedEntries: [],
    },
  });
  return { result, reports: {}, exitCode: status === 'pass' ? 0 : 1, timings: {} } as ScanOutcome;
}

const settings = (token?: string) =>
  parseSettings((n) => ({ image: 'registry.example/group/app:abc', 'gitlab-token': token })[n]);
const env = () => ({
  CI_MERGE_REQUEST_IID: '42',
  CI_PROJECT_ID: '1234',
  CI_API_V4_URL: server.apiUrl,
  CI_JOB_NAME: 'clair-scan',
});

test('gitlabTarget needs an MR pipeline and a token', () => {
  expect(gitlabTarget({}, TOKEN)).toBe('not a merge request pipeline');
  expect(gitlabTarget(env(), undefined)).toBe('no token');
  expect(gitlabTarget(env(), TOKEN)).toMatchObject({ projectId: '1234', mergeRequestIid: '42' });
});

test('upsertStickyNote pages with x-next-page, skips system notes and quotes, then updates in place', async () => {
  const target = { apiUrl: server.apiUrl, projectId: 'group/app', mergeRequestIid: '5', token: TOKEN };
  const marker = '<!-- clair-scan:0123456789abcdef -->';
  for (let i = 0; i < 230; i++) server.seedNote('group/app', 5, `note ${i}`);
  server.seedNote('group/app', 5, `${marker} system`, true);
  server.seedNote('group/app', 5, `> ${marker}`);
  const a = await upsertStickyNote(target, marker, `${marker}\none`);
  expect(a.action).toBe('created');
  const b = await upsertStickyNote(target, marker, `${marker}\ntwo`);
  expect(b).toEqual({ action: 'updated', id: a.id });
  expect(
    server
      .notesOn('group/app', 5)
      .filter((n) => n.body.startsWith(marker))
      .map((n) => n.body),
  ).toEqual([`${marker} system`, `${marker}\ntwo`]);
  const gets = server.requests.filter((r) => r.method === 'GET' && r.url !== '/api/v4/user');
  expect(gets.some((r) => /page=3/.test(r.url))).toBe(true);
  expect(gets.filter((r) => !/per_page=100/.test(r.url) || !r.url.startsWith('/api/v4/projects/group%2Fapp/'))).toEqual(
    [],
  ); // not empty: page=3 above
});

test('publishGitLab keeps one note per MR across runs and the verdict changes it', async () => {
  expect(await publishGitLab(outcome('fail'), settings(TOKEN), env())).toMatchObject({ status: 'created' });
  expect(await publishGitLab(outcome('pass'), settings(TOKEN), env())).toMatchObject({ status: 'updated' });
  expect(await publishGitLab(outcome('pass'), settings(TOKEN), env())).toMatchObject({ status: 'unchanged' });
  const notes = server.notesOn('1234', 42);
  expect(notes).toHaveLength(1);
  expect(notes[0].body).toMatch(/^<!-- clair-scan:[0-9a-f]{16} -->\n/);
  expect(server.requests.length).toBeGreaterThan(0);
  expect(server.requests.filter((r) => r.token !== TOKEN)).toEqual([]);
  expect(lines.join('\n')).not.toContain(TOKEN);
});

test('without a token or outside an MR pipeline: skipped with a notice, no request', async () => {
  const before = server.requests.length;
  expect(await publishGitLab(outcome('pass'), settings(undefined), env())).toEqual({
    status: 'skipped',
    reason: 'no token',
  });
  expect(lines.some((l) => l.includes('CLAIR_SCAN_GITLAB_TOKEN'))).toBe(true);
  expect(await publishGitLab(outcome('pass'), settings(TOKEN), { CI_PROJECT_ID: '1' })).toMatchObject({
    status: 'skipped',
  });
  expect(server.requests.length).toBe(before);
});

test('a 403 is a warning, never a throw, and keeps the token out of the log', async () => {
  server.forbidWrites = true;
  const r = await publishGitLab(outcome('fail'), settings(TOKEN), env());
  expect(r.status).toBe('failed');
  expect(lines.filter((l) => l.startsWith('warn: ')).join('\n')).toMatch(/403.*api/s);
  expect(lines.join('\n')).not.toContain(TOKEN);
});
