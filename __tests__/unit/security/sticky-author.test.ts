/**
 * The sticky comment's marker is computable by anyone (workflow name + image names), so a comment is ours only when
 * the token's own identity wrote it. An attacker who comments first with the marker must not own "the" summary:
 * we neither edit their comment (GitHub/GitLab would refuse anyway) nor let it suppress ours.
 * The APIs are the local fakes that check every request against the published API descriptions.
 */
import * as github from '@actions/github';
import { GitHubApiServer, GITHUB_ACTIONS_BOT } from '../../helpers/github-api-server';
import { GitLabApiServer, PROJECT_BOT } from '../../helpers/gitlab-api-server';
import { upsertStickyComment } from '../../../src/publish/github/comment';
import { upsertStickyNote } from '../../../src/publish/gitlab/note';
import { stickyKey, stickyMarker } from '../../../src/publish/sticky';
import { captureLogger } from '../../helpers/logger';

const GH_TOKEN = 'ghs_stickyAuthorTestToken0123456789abcd';
const GL_TOKEN = 'glpat-stickyAuthorTest0123456';
const marker = stickyMarker(stickyKey([{ ref: 'myapp:abc' }], 'CI'));
const { lines } = captureLogger({ scope: 'each' });

/** An outside user (a fork PR author) and a spoofed "bot" name a user can register without the [bot] suffix. */
const ATTACKER = { login: 'mallory', id: 666, type: 'User' as const };
const LOOKALIKE = { login: 'github-actions', id: 667, type: 'User' as const };

describe('GitHub', () => {
  let server: GitHubApiServer;
  beforeEach(async () => {
    server = new GitHubApiServer();
    server.expectedToken = GH_TOKEN;
    await server.start();
  });
  afterEach(async () => {
    expect(server.problems).toEqual([]);
    await server.stop();
  });
  const target = { owner: 'acme', repo: 'widgets', issueNumber: 7 };

  it("GITHUB_TOKEN (installation token, /user is 403): an attacker's earlier marker comment is ignored, ours is created and then edited", async () => {
    const octokit = github.getOctokit(GH_TOKEN, { baseUrl: server.url });
    const evil = server.seedComment('acme', 'widgets', 7, `${marker}\n## ✅ clair-scan: policy passed`, ATTACKER);
    server.seedComment('acme', 'widgets', 7, `${marker}\nlookalike`, LOOKALIKE);
    const first = await upsertStickyComment(octokit, target, marker, `${marker}\n## ❌ failed`);
    expect(first.action).toBe('created');
    expect(first.id).not.toBe(evil.id);
    const second = await upsertStickyComment(octokit, target, marker, `${marker}\n## ❌ failed again`);
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    const byAuthor = server.commentsOn('acme', 'widgets', 7).map((c) => [c.author.login, c.body]);
    expect(byAuthor).toEqual([
      ['mallory', `${marker}\n## ✅ clair-scan: policy passed`],
      ['github-actions', `${marker}\nlookalike`],
      [GITHUB_ACTIONS_BOT.login, `${marker}\n## ❌ failed again`],
    ]);
    expect(server.requests.some((r) => r.operationId === 'users/get-authenticated' && r.status === 403)).toBe(true);
    expect(server.requests.filter((r) => r.operationId === 'issues/update-comment').map((r) => r.url)).toEqual([
      `/repos/acme/widgets/issues/comments/${first.id}`,
    ]);
    expect(lines.some((l) => l.startsWith('warn: ') && l.includes('ignored 2 comment'))).toBe(true);
  });

  it("a user token (PAT): ours is the one with the token user's id, not another account's", async () => {
    server.identity = { login: 'ci-user', id: 4242, type: 'User' };
    const octokit = github.getOctokit(GH_TOKEN, { baseUrl: server.url });
    server.seedComment('acme', 'widgets', 7, `${marker}\nforged`, ATTACKER);
    // A comment by github-actions[bot] is not the PAT user's either.
    server.seedComment('acme', 'widgets', 7, `${marker}\nfrom another workflow token`, GITHUB_ACTIONS_BOT);
    const mine = server.seedComment('acme', 'widgets', 7, `${marker}\nold`, server.identity);
    const r = await upsertStickyComment(octokit, target, marker, `${marker}\nnew`);
    expect(r).toMatchObject({ action: 'updated', id: mine.id });
    expect(server.requests.some((q) => q.operationId === 'users/get-authenticated' && q.status === 200)).toBe(true);
    expect(server.comments.get(mine.id)?.body).toBe(`${marker}\nnew`);
    expect(
      server
        .commentsOn('acme', 'widgets', 7)
        .filter((c) => c.author.id !== 4242)
        .map((c) => c.body),
    ).toEqual([`${marker}\nforged`, `${marker}\nfrom another workflow token`]);
  });
});

describe('GitLab', () => {
  let server: GitLabApiServer;
  beforeEach(async () => {
    server = new GitLabApiServer(GL_TOKEN);
    await server.start();
  });
  afterEach(async () => {
    expect(server.problems).toEqual([]);
    await server.stop();
  });

  it("only a note by the token's own user (GET /user id) is updated; an attacker's marker note is ignored", async () => {
    const target = { apiUrl: server.apiUrl, projectId: '1234', mergeRequestIid: '9', token: GL_TOKEN };
    const evil = server.seedNote('1234', 9, `${marker}\nall clean`, false, {
      id: 666,
      username: 'mallory',
      name: 'Mallory',
      bot: false,
    });
    const a = await upsertStickyNote(target, marker, `${marker}\none`);
    expect(a.action).toBe('created');
    expect(a.id).not.toBe(evil.id);
    const b = await upsertStickyNote(target, marker, `${marker}\ntwo`);
    expect(b).toEqual({ action: 'updated', id: a.id });
    expect(server.notesOn('1234', 9).map((n) => [n.author.id, n.body])).toEqual([
      [666, `${marker}\nall clean`],
      [PROJECT_BOT.id, `${marker}\ntwo`],
    ]);
    expect(server.requests.filter((r) => r.url === '/api/v4/user' && r.status === 200)).toHaveLength(2);
    expect(server.requests.filter((r) => r.method === 'PUT').map((r) => r.url)).toEqual([
      `/api/v4/projects/1234/merge_requests/9/notes/${a.id}`,
    ]);
  });
});
