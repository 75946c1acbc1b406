/**
 * The CLI as a Jenkins build runs it (templates/jenkins/Jenkinsfile): in a workspace, with the variables Jenkins sets,
 * against the real Docker engine, Clair and PostgreSQL. The gate is the exit code (0 pass, 1 the policy failed,
 * 2 error); the `junit` report is what the Jenkinsfile's `junit` step reads (valid against the Jenkins JUnit XSD, one
 * failed test case per finding at or above the gate); `clair-scan.properties` holds the outputs. The expected
 * findings are the debian-vuln fixture's verified list (FIXTURES.md, DEBIAN_VULN_FINDINGS).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { parse as parseProperties } from 'dot-properties';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { BUNDLE, DEBIAN_VULN_FINDINGS, fixture, leftoverContainers, leftoverTempDirs } from '../scan/helpers';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(REPO_ROOT, 'src', 'cli-entry.ts');
const XSD = path.join(REPO_ROOT, '__tests__', 'fixtures', 'schemas', 'jenkins-junit.xsd');
const OUT = 'clair-scan-reports';

interface Build {
  code: number | null;
  stdout: string;
  stderr: string;
  workspace: string;
}

/** One `sh` step of a Jenkins build: the CLI in a fresh workspace, Jenkins' variables, the job's CLAIR_SCAN_* ones. */
function build(args: string[], vars: Record<string, string>): Promise<Build> {
  const t = loadTestEnv();
  const workspace = testTempDir('cs-jenkins-ws-');
  // Not the runner's environment: a GITLAB_CI or CLAIR_SCAN_* of the machine running the tests must not leak in.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    DOCKER_HOST: t.dockerHost,
    WORKSPACE: workspace,
    BUILD_NUMBER: '42',
    JOB_NAME: 'shop/main',
    CLAIR_SCAN_CLAIR_IMAGE: t.clairImage,
    CLAIR_SCAN_POSTGRES_IMAGE: t.postgresImage,
    CLAIR_SCAN_PULL: 'never',
    CLAIR_SCAN_VULN_DATA: BUNDLE,
    CLAIR_SCAN_FORMATS: 'junit,json',
    CLAIR_SCAN_OUTPUT_DIR: OUT,
    ...vars,
  };
  return new Promise<Build>((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 8 * 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, workspace }));
  }).then((b) => {
    // What the run started is gone when the CLI exits (its run id is in its log; other runs on the daemon are not ours).
    const runId = /\bRun ([a-z0-9-]+) \(/.exec(b.stderr)?.[1];
    if (runId) {
      expect(leftoverContainers(runId)).toEqual([]);
      expect(leftoverTempDirs(runId)).toEqual([]);
    }
    return b;
  });
}

interface JunitCase {
  name: string;
  classname: string;
  failure?: { message?: string };
}

/** The report, validated against the Jenkins JUnit XSD, as suites of test cases. */
async function junit(
  b: Build,
): Promise<{ suites: { name: string; tests: number; failures: number; cases: JunitCase[] }[] }> {
  const file = path.join(b.workspace, OUT, 'clair-scan-junit.xml');
  const xml = fs.readFileSync(file, 'utf8');
  const v = await validateXML({
    xml: [{ fileName: 'clair-scan-junit.xml', contents: xml }],
    schema: [fs.readFileSync(XSD, 'utf8')],
  });
  expect(v.errors).toEqual([]);
  expect(v.valid).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => n === 'testsuite' || n === 'testcase',
  }).parse(xml) as {
    testsuites: {
      testsuite: { name: string; tests: string; failures: string; testcase?: (JunitCase & { failure?: unknown })[] }[];
    };
  };
  return {
    suites: doc.testsuites.testsuite.map((s) => ({
      name: s.name,
      tests: Number(s.tests),
      failures: Number(s.failures),
      cases: (s.testcase ?? []).map((c) => ({
        name: c.name,
        classname: c.classname,
        ...(c.failure !== undefined ? { failure: c.failure as { message?: string } } : {}),
      })),
    })),
  };
}

function properties(b: Build): Record<string, string> {
  return parseProperties(fs.readFileSync(path.join(b.workspace, OUT, 'clair-scan.properties'), 'utf8')) as Record<
    string,
    string
  >;
}

/** The findings of the JSON report, one line each as DEBIAN_VULN_FINDINGS has them. */
function jsonFindings(b: Build): string[] {
  const r = JSON.parse(fs.readFileSync(path.join(b.workspace, OUT, 'clair-scan-result.json'), 'utf8')) as {
    images: {
      vulnerabilities: { id: string; severity: string; fixedIn?: string; package: { name: string; version: string } }[];
    }[];
  };
  return r.images
    .flatMap((i) =>
      i.vulnerabilities.map((f) => `${f.id} ${f.package.name} ${f.package.version} ${f.severity} ${f.fixedIn ?? '-'}`),
    )
    .sort();
}

/** The failed test cases' vulnerability ids, from every image suite. */
function failedIds(j: Awaited<ReturnType<typeof junit>>): string[] {
  return j.suites
    .filter((s) => s.name !== 'clair-scan policy')
    .flatMap((s) =>
      s.cases.filter((c) => c.failure !== undefined).map((c) => /CVE-\d+-\d+/.exec(c.name)?.[0] ?? c.name),
    )
    .sort();
}

const DEBIAN = fixture('debian-vuln');
const JENKINS = { JENKINS_URL: 'http://127.0.0.1:9/', BUILD_ID: '42' };

describe('clair-scan in a Jenkins build', () => {
  test('detected by JENKINS_URL + BUILD_ID: fail-on high is exit 1, the Critical and the High finding are the failed test cases', async () => {
    const b = await build([DEBIAN], { ...JENKINS, CLAIR_SCAN_FAIL_ON: 'high' });
    expect([b.code, b.stderr.slice(-2000)]).toEqual([1, expect.any(String)]);
    expect(b.stderr).toMatch(/\bRun [a-z0-9-]+ \(/);
    expect(jsonFindings(b)).toEqual(DEBIAN_VULN_FINDINGS);
    const j = await junit(b);
    expect(failedIds(j)).toEqual(['CVE-2099-1001', 'CVE-2099-1002']);
    const policy = j.suites.find((s) => s.name === 'clair-scan policy');
    expect(policy?.failures).toBe(1);
    expect(properties(b)).toMatchObject({
      verdict: 'fail',
      'exit-code': '1',
      total: '6',
      critical: '1',
      high: '1',
      medium: '1',
      low: '1',
      negligible: '1',
      unknown: '1',
      'report-dir': path.join(b.workspace, OUT),
      json: path.join(b.workspace, OUT, 'clair-scan-result.json'),
    });
    // Plain log: no GitHub group lines, no GitLab sections.
    expect(b.stderr).not.toMatch(/::group::|section_start/);
    expect(b.stderr).toContain(`outputs for the Jenkinsfile: ${path.join(b.workspace, OUT, 'clair-scan.properties')}`);
  });

  test('--ci-platform jenkins, fail-on critical: exit 1 with only the Critical finding failed', async () => {
    const b = await build(['--ci-platform', 'jenkins', '--fail-on', 'critical', DEBIAN], {});
    expect([b.code, b.stderr.slice(-2000)]).toEqual([1, expect.any(String)]);
    expect(failedIds(await junit(b))).toEqual(['CVE-2099-1001']);
    expect(properties(b)).toMatchObject({ verdict: 'fail', 'exit-code': '1', critical: '1', total: '6' });
  });

  test('an image without findings: exit 0, no failed test case', async () => {
    const b = await build(['--ci-platform', 'jenkins', fixture('clean')], { CLAIR_SCAN_FAIL_ON: 'low' });
    expect([b.code, b.stderr.slice(-2000)]).toEqual([0, expect.any(String)]);
    const j = await junit(b);
    expect(j.suites.flatMap((s) => s.cases.filter((c) => c.failure !== undefined))).toEqual([]);
    expect(j.suites.every((s) => s.tests >= 1 && s.failures === 0)).toBe(true);
    expect(properties(b)).toMatchObject({ verdict: 'pass', 'exit-code': '0', total: '0' });
  });

  test("a batch (images-file): exit 1 when one image fails; the batch's outputs in clair-scan.properties", async () => {
    const b0 = testTempDir('cs-jenkins-list-');
    const list = path.join(b0, 'images.txt');
    fs.writeFileSync(list, `${DEBIAN}\n${fixture('clean')}\n`);
    const b = await build(['--ci-platform', 'jenkins', '--images-file', list], {
      CLAIR_SCAN_FAIL_ON: 'high',
      CLAIR_SCAN_FORMATS: 'json',
    });
    expect([b.code, b.stderr.slice(-2000)]).toEqual([1, expect.any(String)]);
    expect(properties(b)).toMatchObject({
      verdict: 'fail',
      'exit-code': '1',
      images: '2',
      'images-passed': '1',
      'images-failed': '1',
      'images-errored': '0',
      total: '6',
      critical: '1',
      high: '1',
    });
    expect(fs.readFileSync(properties(b)['vulnerable-list'], 'utf8')).toContain(DEBIAN);
  });

  test('bad input: exit 2 with a hint, no report and no properties for the Jenkinsfile to misread', async () => {
    const b = await build(['--ci-platform', 'jenkins', '--fail-on', 'severe', DEBIAN], JENKINS);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^error: .*severe[\s\S]*\nwhat to do: /m);
    expect(fs.existsSync(path.join(b.workspace, OUT))).toBe(false);
  });
});
