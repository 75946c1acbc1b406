import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as github from '@actions/github';
import { GitHubApiServer } from '../../helpers/github-api-server';
import { publishPullRequestComment, upsertStickyComment } from '../../../src/publish/github/comment';
import { composeStickyBody, stickyKey, stickyMarker } from '../../../src/publish/sticky';
import { captureLogger } from '../../helpers/logger';

const TOKEN = 'ghs_unitTestToken0123456789abcdefABCDEF';
let server: GitHubApiServer;
let dir: string;
const { lines } = captureLogger({ scope: 'each' });

beforeAll(async () => {
  server = new GitHubApiServer();
  server.expectedToken = TOKEN;
  await server.start();
  dir = mkdtempSync(join(tmpdir(), 'comment-test-'));
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.comments.clear();
  server.forbidWrites = false;
});
afterEach(() => expect(server.problems).toEqual([]));

function prEnv(number = 7, event = 'pull_request', fork = false): Record<string, string> {
  const path = join(dir, `event-${number}-${event}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      action: 'synchronize',
      number,
      pull_request: {
        number,
        head: { repo: { full_name: fork ? 'someone/widgets' : 'acme/widgets' } },
        base: { repo: { full_name: 'acme/widgets' } },
      },
      repository: { name: 'widgets', owner: { login: 'acme' } },
    }),
  );
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_API_URL: server.url,
  };
}

const marker = stickyMarker(stickyKey([{ ref: 'myapp:abc' }], 'CI'));

test('the marker depends on image names and scope, not on tags, digests or order', () => {
  expect(stickyKey([{ ref: 'myapp:1' }, { ref: 'ghcr.io/o/x@sha256:aa' }], 'CI')).toBe(
    stickyKey([{ ref: 'ghcr.io/o/x:2' }, { ref: 'myapp:2' }], 'CI'),
  );
  expect(stickyKey([{ ref: 'localhost:5000/app:1' }], 'CI')).toBe(stickyKey([{ ref: 'localhost:5000/app' }], 'CI'));
  expect(stickyKey([{ ref: 'myapp:1' }], 'CI')).not.toBe(stickyKey([{ ref: 'other:1' }], 'CI'));
  expect(stickyKey([{ ref: 'myapp:1' }], 'CI')).not.toBe(stickyKey([{ ref: 'myapp:1' }], 'Nightly'));
  expect(marker).toMatch(/^<!-- clair-scan:[0-9a-f]{16} -->$/);
});

test('composeStickyBody puts the marker first once and cuts to the limit', () => {
  expect(composeStickyBody(marker, `${marker}\n# hi`, 1000, 'x')).toBe(`${marker}\n# hi`);
  const long = composeStickyBody(marker, 'a'.repeat(5000), 1000, 'see the job summary.');
  expect(long.length).toBeLessThanOrEqual(1000);
  expect(long.startsWith(`${marker}\n`)).toBe(true);
  expect(long).toContain('see the job summary.');
});

test('creates one comment, then updates it in place, finding it across pages', async () => {
  const octokit = github.getOctokit(TOKEN, { baseUrl: server.url });
  const target = { owner: 'acme', repo: 'widgets', issueNumber: 7 };
  // 250 comments of others (3 pages of 100) and ours last, plus a quote of our marker that must not match.
  for (let i = 0; i < 250; i++) server.seedComment('acme', 'widgets', 7, `comment ${i}`);
  server.seedComment('acme', 'widgets', 7, `> ${marker}\n> quoted`);
  const first = await upsertStickyComment(octokit, target, marker, `${marker}\nfirst`);
  expect(first.action).toBe('created');
  const second = await upsertStickyComment(octokit, target, marker, `${marker}\nsecond`);
  expect(second).toMatchObject({ action: 'updated', id: first.id });
  const ours = server.commentsOn('acme', 'widgets', 7).filter((c) => c.body.startsWith(marker));
  expect(ours.map((c) => c.body)).toEqual([`${marker}\nsecond`]);
  const lists = server.requests.filter((r) => r.operationId === 'issues/list-comments');
  expect(lists.length).toBeGreaterThanOrEqual(6); // 3 pages per run
  expect(lists.filter((r) => !/per_page=100/.test(r.url))).toEqual([]);
  const third = await upsertStickyComment(octokit, target, marker, `${marker}\nsecond`);
  expect(third.action).toBe('unchanged');
});

test('another scope or image set gets its own comment', async () => {
  const octokit = github.getOctokit(TOKEN, { baseUrl: server.url });
  const target = { owner: 'acme', repo: 'widgets', issueNumber: 8 };
  const other = stickyMarker(stickyKey([{ ref: 'other:1' }], 'CI'));
  await upsertStickyComment(octokit, target, marker, `${marker}\na`);
  await upsertStickyComment(octokit, target, other, `${other}\nb`);
  expect(server.commentsOn('acme', 'widgets', 8)).toHaveLength(2);
});

test('publishPullRequestComment on a pull_request event creates then updates', async () => {
  const env = prEnv(9);
  expect(await publishPullRequestComment({ token: TOKEN, env, marker, body: `${marker}\none` })).toMatchObject({
    status: 'created',
  });
  expect(await publishPullRequestComment({ token: TOKEN, env, marker, body: `${marker}\ntwo` })).toMatchObject({
    status: 'updated',
  });
  expect(server.commentsOn('acme', 'widgets', 9).map((c) => c.body)).toEqual([`${marker}\ntwo`]);
  expect(lines.join('\n')).not.toContain(TOKEN);
});

test('pull_request_target is a pull request too; push and schedule are not', async () => {
  expect(
    await publishPullRequestComment({
      token: TOKEN,
      env: prEnv(10, 'pull_request_target'),
      marker,
      body: `${marker}\nx`,
    }),
  ).toMatchObject({ status: 'created' });
  for (const ev of ['push', 'schedule', 'workflow_dispatch']) {
    expect(await publishPullRequestComment({ token: TOKEN, env: prEnv(11, ev), marker, body: `${marker}\nx` })).toEqual(
      { status: 'skipped', reason: 'not a pull request' },
    );
  }
  expect(server.commentsOn('acme', 'widgets', 11)).toHaveLength(0);
});

test('a read-only fork token (403) is a warning that points at the job summary, not a failure', async () => {
  server.forbidWrites = true;
  const r = await publishPullRequestComment({
    token: TOKEN,
    env: prEnv(12, 'pull_request', true),
    marker,
    body: `${marker}\nx`,
  });
  expect(r).toMatchObject({ status: 'failed' });
  const warn = lines.filter((l) => l.startsWith('warn: '));
  expect(warn).toHaveLength(1);
  expect(warn[0]).toContain('Resource not accessible by integration');
  expect(warn[0]).toContain('job summary');
  expect(warn[0]).toContain('fork');
  expect(lines.join('\n')).not.toContain(TOKEN);
  expect(server.commentsOn('acme', 'widgets', 12)).toHaveLength(0);
});

test('no token: skipped with a warning', async () => {
  expect(await publishPullRequestComment({ token: undefined, env: prEnv(13), marker, body: 'x' })).toEqual({
    status: 'skipped',
    reason: 'no token',
  });
  expect(lines.some((l) => l.startsWith('warn: ') && l.includes('job summary'))).toBe(true);
});

test('the fake server rejects what GitHub would reject', async () => {
  const res = await fetch(`${server.url}/repos/acme/widgets/issues/7/comments`, {
    method: 'POST',
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'wrong field' }),
  });
  expect(res.status).toBe(422);
  const res2 = await fetch(`${server.url}/repos/acme/widgets/issues/7/comments?per_page=abc`, {
    headers: { authorization: `token ${TOKEN}` },
  });
  expect(res2.status).toBe(422);
  const res3 = await fetch(`${server.url}/repos/acme/widgets/pulls/7/sticky`, {
    headers: { authorization: `token ${TOKEN}` },
  });
  expect(res3.status).toBe(404);
  expect(server.problems).toHaveLength(3);
  server.problems.length = 0;
});
