/**
 * Policy files changed by the change under review (src/policy/base.ts, issue 20): the allowlist / VEX files of the
 * checkout vs the base branch's. The summary (PR comment, MR note, job summary) says first "this change suppresses N
 * findings: …"; `policy-from-base` lets the base's versions decide. The platform readers go through the fake APIs:
 * GitHub's contents API at the pull request's base sha, GitLab's repository files API at the MR's diff base.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanResult } from '../../../src/findings/model';
import {
  evaluatePolicy,
  readBasePolicy,
  recordPolicyChange,
  type BaseFile,
  type BasePolicyReader,
} from '../../../src/policy';
import { renderMarkdownSummary } from '../../../src/report/markdown';
import { renderJson } from '../../../src/report/json';
import { gitlabBasePolicy } from '../../../src/publish/gitlab/base-files';
import { GitHubApiServer } from '../../helpers/github-api-server';
import { GitLabApiServer } from '../../helpers/gitlab-api-server';
import { imageInfo, imageResult, policy, scanResult, vuln } from '../../helpers/model';

const allowlist = (...ids: string[]): string =>
  ['version: 1', 'allowlist:', ...ids.flatMap((id) => [`  - id: ${id}`, `    reason: accepted ${id}`]), ''].join('\n');
const BASE_ALLOW = allowlist('CVE-2099-0001');
/** The change adds an entry for the Critical finding it introduces. */
const PR_ALLOW = allowlist('CVE-2099-0001', 'CVE-2099-0666');

function result(): ScanResult {
  return scanResult([
    imageResult(imageInfo(), [
      vuln('CVE-2099-0001', 'High', { pkg: 'zlib1g' }),
      vuln('CVE-2099-0666', 'Critical', { pkg: 'openssl' }),
    ]),
  ]);
}

const root = mkdtempSync(join(tmpdir(), 'cs-base-policy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'policy'));
const allowFile = join(root, 'policy', 'allow.yaml');

/** A reader over an in-memory base tree. */
function reader(files: Record<string, string | Error>): BasePolicyReader {
  return {
    label: 'main (a1b2c3d4e5f6)',
    root,
    read: async (p): Promise<BaseFile> => {
      const f = files[p];
      if (f === undefined) return { missing: true };
      if (f instanceof Error) return { error: f.message };
      return { text: f };
    },
  };
}

async function run(base: Record<string, string | Error>, fromBase: boolean): Promise<{ r: ScanResult; line?: string }> {
  const p = policy({ allowlists: [allowFile], severityThreshold: 'High', policyFromBase: fromBase });
  const r = result();
  const b = await readBasePolicy(p, reader(base));
  r.verdict = await evaluatePolicy(r, p, undefined, fromBase ? { entries: b.entries } : {});
  const line = await recordPolicyChange(r, p, b, fromBase);
  return { r, line };
}

describe('policy files changed by the change under review', () => {
  beforeEach(() => writeFileSync(allowFile, PR_ALLOW));

  it('the change adds an allowlist entry: the summary says first that it suppresses that finding', async () => {
    const { r, line } = await run({ 'policy/allow.yaml': BASE_ALLOW }, false);
    expect(line).toBe(
      `this change suppresses 1 finding: CVE-2099-0666 (Critical, openssl) in myorg/app:1.0 by ${allowFile}:5 (policy files that differ from main (a1b2c3d4e5f6): ${allowFile}).`,
    );
    expect(r.verdict!.status).toBe('pass'); // both allowlisted by the checkout's file: the gate passes, the line says why
    expect(r.policyChange).toEqual({
      base: 'main (a1b2c3d4e5f6)',
      changed: [allowFile],
      unreadable: [],
      fromBase: false,
      suppressed: [
        { id: 'CVE-2099-0666', severity: 'Critical', image: 'myorg/app:1.0', package: 'openssl', by: `${allowFile}:5` },
      ],
    });
    const md = renderMarkdownSummary(r).split('\n');
    expect(md[2]).toMatch(
      /^> ⚠️ \*\*Policy files changed\*\*: this change suppresses 1 finding: CVE-2099-0666 \\\(Critical, openssl\\\) in myorg\/app:1\.0 by /,
    );
    expect(JSON.parse(renderJson(r)).policyChange.suppressed).toHaveLength(1);
  });

  it("policy-from-base: the base's allowlist decides, so the Critical finding counts and fails the gate; the summary says what would be suppressed", async () => {
    const { r, line } = await run({ 'policy/allow.yaml': BASE_ALLOW }, true);
    expect(r.verdict).toMatchObject({
      status: 'fail',
      reasons: ['1 finding at or above High (severity-threshold: high): 1 Critical'],
    });
    expect(r.images[0].vulnerabilities.map((f) => `${f.id} ${f.allowlisted ? 'allowlisted' : 'counted'}`)).toEqual([
      'CVE-2099-0001 allowlisted',
      'CVE-2099-0666 counted',
    ]);
    expect(r.images[0].vulnerabilities[0].allowlisted?.source).toBe('main (a1b2c3d4e5f6):policy/allow.yaml:3');
    expect(line).toMatch(
      /^this change would suppress 1 finding: CVE-2099-0666 .*\. policy-from-base: the versions of main \(a1b2c3d4e5f6\) decided; these suppressions were not applied\.$/,
    );
  });

  it('without policy-from-base the same change passes the gate: that is what the summary line warns about', async () => {
    const p = policy({ allowlists: [allowFile], severityThreshold: 'High' });
    const r = result();
    expect((await evaluatePolicy(r, p)).status).toBe('pass');
  });

  it('an allowlist the change adds (the base has none) and a base that cannot be read: everything it suppresses is listed; policy-from-base applies nothing', async () => {
    const added = await run({}, false);
    expect(added.r.policyChange?.suppressed.map((s) => s.id)).toEqual(['CVE-2099-0666', 'CVE-2099-0001']);
    const unreadable = await run({ 'policy/allow.yaml': new Error('HTTP 403') }, true);
    expect(unreadable.r.policyChange).toMatchObject({
      changed: [allowFile],
      unreadable: [`${allowFile} (HTTP 403)`],
      fromBase: true,
    });
    expect(unreadable.r.verdict).toMatchObject({
      status: 'fail',
      reasons: ['2 findings at or above High (severity-threshold: high): 1 Critical, 1 High'],
    });
    expect(unreadable.line).toContain(`Not read: ${allowFile} (HTTP 403).`);
  });

  it('unchanged policy files: no line, nothing suppressed by the change', async () => {
    writeFileSync(allowFile, BASE_ALLOW);
    const { r, line } = await run({ 'policy/allow.yaml': BASE_ALLOW }, false);
    expect(line).toBeUndefined();
    expect(r.policyChange).toMatchObject({ changed: [], suppressed: [] });
    expect(renderMarkdownSummary(r)).not.toContain('Policy files changed');
  });

  it('the list is bounded', async () => {
    const many = Array.from({ length: 14 }, (_, i) => `CVE-2099-1${String(i).padStart(3, '0')}`);
    writeFileSync(allowFile, allowlist(...many));
    const p = policy({ allowlists: [allowFile] });
    const r = scanResult([
      imageResult(
        imageInfo(),
        many.map((id) => vuln(id, 'Medium', { pkg: id.toLowerCase() })),
      ),
    ]);
    const b = await readBasePolicy(p, reader({}));
    r.verdict = await evaluatePolicy(r, p);
    const line = await recordPolicyChange(r, p, b, false);
    expect(line).toMatch(/^this change suppresses 14 findings: (?:[^;]+; ){9}[^;]+; and 4 more \(policy files/);
  });
});

describe("the platforms' base readers", () => {
  it('GitHub: the contents API at the pull request\'s base sha (a 404 is "not there")', async () => {
    const api = new GitHubApiServer();
    api.expectedToken = 'ghs_basePolicyToken0123456789';
    await api.start();
    const saved = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = api.url;
    try {
      const { githubBasePolicy } = await import('../../../src/publish/github/base-files');
      const sha = 'c'.repeat(40);
      const event = join(root, 'event.json');
      writeFileSync(event, JSON.stringify({ pull_request: { number: 3, base: { ref: 'main', sha } } }));
      api.files.set(`${sha}:policy/allow.yaml`, BASE_ALLOW);
      api.files.set(`main:policy/allow.yaml`, allowlist('CVE-2099-0666')); // a branch or tag "main" is never asked
      const env = {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_WORKSPACE: root,
        GITHUB_API_URL: api.url,
      };
      const r = await githubBasePolicy({ token: 'ghs_basePolicyToken0123456789', env });
      expect(r?.label).toBe(`main (${sha.slice(0, 12)})`);
      expect(await r!.read('policy/allow.yaml')).toEqual({ text: BASE_ALLOW });
      expect(await r!.read('policy/vex.json')).toEqual({ missing: true });
      expect(api.requests.map((q) => `${q.operationId} ${q.status} ${q.url}`)).toEqual([
        `repos/get-content 200 /repos/acme/widgets/contents/policy%2Fallow.yaml?ref=${sha}`,
        `repos/get-content 404 /repos/acme/widgets/contents/policy%2Fvex.json?ref=${sha}`,
      ]);
      expect(api.problems).toEqual(['GET /repos/acme/widgets/contents/policy%2Fvex.json?ref=' + sha + ': Not Found']);
      expect(await githubBasePolicy({ token: 'x', env: { ...env, GITHUB_EVENT_NAME: 'push' } })).toBeUndefined();
      const noToken = await githubBasePolicy({ env });
      expect(await noToken!.read('policy/allow.yaml')).toEqual({ error: 'no github-token to read it with' });
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
      await api.stop();
    }
  }, 30_000); // the first request compiles GitHub's response schema

  it("GitLab: the repository files API at the merge request's diff base sha", async () => {
    const api = new GitLabApiServer('glpat-basePolicy0123456789');
    await api.start();
    try {
      const sha = 'd'.repeat(40);
      api.files.set(`42|${sha}|policy/allow.yaml`, BASE_ALLOW);
      const env = {
        CI_API_V4_URL: api.apiUrl,
        CI_PROJECT_ID: '42',
        CI_PROJECT_PATH: 'acme/widgets',
        CI_PROJECT_DIR: root,
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        CI_MERGE_REQUEST_DIFF_BASE_SHA: sha,
        CI_JOB_TOKEN: 'glcbt-x',
      };
      const r = gitlabBasePolicy({ gitlabToken: 'glpat-basePolicy0123456789', env });
      expect(r?.label).toBe(`main (${sha.slice(0, 12)})`);
      expect(await r!.read('policy/allow.yaml')).toEqual({ text: BASE_ALLOW });
      expect(await r!.read('policy/vex.json')).toEqual({ missing: true });
      expect(api.requests.map((q) => `${q.status} ${q.url}`)).toEqual([
        `200 /api/v4/projects/42/repository/files/policy%2Fallow.yaml/raw?ref=${sha}`,
        `404 /api/v4/projects/42/repository/files/policy%2Fvex.json/raw?ref=${sha}`,
      ]);
      // The job token alone (GitLab refuses it here): unreadable, so it suppresses nothing.
      expect(await gitlabBasePolicy({ env })!.read('policy/allow.yaml')).toEqual({
        error: 'HTTP 401 (set CLAIR_SCAN_GITLAB_TOKEN with read_api)',
      });
      expect(api.problems).toEqual([]);
      const { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: _t, ...branch } = env;
      expect(gitlabBasePolicy({ env: branch })).toBeUndefined();
    } finally {
      await api.stop();
    }
  });
});
