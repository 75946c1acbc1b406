/**
 * Red Hat container images (claircore's rhcc ecosystem), end to end with a real Clair v4.9.0: the fixture image
 * rhcc is a RHEL 9 root filesystem plus the build system's root/buildinfo/Dockerfile-ose-cli-container-v4.14.5-
 * 202401011111 (labels com.redhat.component, name, architecture). Clair's rhel_containerscanner makes the image
 * itself a package (binary openshift4/ose-cli, source ose-cli-container, repository "Red Hat Container Catalog");
 * rhel-vex-form records (updater fixture-rhcc of scripts/fixtures/vulns.yaml: repository key rhcc-container-repository,
 * the fixed tag, an rhctag range, which clair-scan completes after clairctl 4.9.0's import) match it. Exact findings — the container's and, with the rhel-repo2cpe mapping, its
 * RPMs' — and the refusal when the data has no usable container records (scripts/fixtures/FIXTURES.md,
 * "Red Hat container images"). With rhel-name2repos (Red Hat's name-to-repositories mapping) every repository the
 * mapping lists for the `name` label is a package of the image, so records filed under another one match too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { scan, ScanOutcome } from '../../../src/scan';
import { DockerClient } from '../../../src/environment/docker';
import { startPostgres, Postgres } from '../../../src/environment/postgres';
import { startClair, ClairContainer } from '../../../src/environment/clair-container';
import { importBundle } from '../../../src/environment/vuln-data';
import { newRunId } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import { loadTestEnv } from '../../helpers/testenv';
import { expectScanError, findingLines, fixture, leftoverContainers, settingsFor } from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';
import { REPO2CPE, RHCC_FINDINGS, writeBundle } from './helpers';

const IMAGE = fixture('rhcc');
const DOCKERFILE = 'root/buildinfo/Dockerfile-ose-cli-container-v4.14.5-202401011111';
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function settings(inputs: Record<string, string>) {
  const s = settingsFor([IMAGE], {
    'rhel-repo2cpe': REPO2CPE,
    'severity-threshold': 'none',
    formats: 'json',
    ...inputs,
  });
  dirs.push(s.reports.outputDir);
  return s;
}

// The RHEL records (fixture-rhel, for the RPMs) and the container records (fixture-rhcc), whatever bundle holds them.
const UPDATERS = ['fixture-rhel', 'fixture-rhcc'];

const EXPECTED = RHCC_FINDINGS;

describe('with container records', () => {
  const track = trackRuns({ after: 'all' });
  let outcome: ScanOutcome;

  beforeAll(async () => {
    outcome = await scan(settings({ 'vuln-data': writeBundle({ only: UPDATERS }, dirs) }), track);
  });

  test('the image is a package of its own beside its RPMs, from the buildinfo Dockerfile', () => {
    expect(outcome.exitCode).toBe(0);
    const [r] = outcome.result.images;
    expect(r.distributions.map((d) => d.prettyName)).toEqual(['Red Hat Enterprise Linux Server 9']);
    expect(r.packages.map((p) => `${p.name} ${p.version} ${p.kind}`)).toEqual([
      'bash 5.1.8-9.el9 binary',
      'glibc 2.34-100.el9 binary',
      'glibc-common 2.34-100.el9 binary',
      'glibc-minimal-langpack 2.34-100.el9 binary',
      'libxml2 2.9.13-6.el9_4 binary',
      'openshift4/ose-cli v4.14.5-202401011111 binary',
      'openssl-libs 1:3.0.7-27.el9 binary',
      'ose-cli-container v4.14.5-202401011111 source',
      'zlib 1.2.11-40.el9 binary',
    ]);
    const image = r.packages.find((p) => p.name === 'openshift4/ose-cli');
    expect([image?.source?.name, image?.packageDb, image?.arch]).toEqual(['ose-cli-container', DOCKERFILE, 'x86_64']);
  });

  test('exact findings: the container record whose fix is newer, in range; the RPMs as for rhel9', () => {
    // Not reported: CVE-2099-13002 (fixed in v4.14.3-…, older than the installed v4.14.5-…), CVE-2099-13003 (fixed
    // in 4.13 and 4.15 only: neither range holds 4.14, although v4.14.5-… < v4.15.2-…), and as for rhel9
    // CVE-2099-7004 (older fix) and CVE-2099-7005 (a RHEL 8 CPE).
    expect(findingLines(outcome.result.images[0])).toEqual(EXPECTED);
    const f = outcome.result.images[0].vulnerabilities.find((v) => v.id === 'CVE-2099-13001');
    expect([f?.updater, f?.rawSeverity, f?.links]).toEqual([
      'fixture-rhcc',
      'Important',
      [
        'https://fixtures.clair-scan.invalid/CVE-2099-13001',
        'https://fixtures.clair-scan.invalid/errata/RHSA-2099:13001',
      ],
    ]);
  });
});

/**
 * rhel-name2repos: Red Hat ships one image to several repositories (container-name-repos-map.json, keyed by the
 * `name` label), and rhel-vex files a container record under one of them. This test's own bundle adds to the fixture
 * data a record filed ONLY under openshift4/ose-cli-rhel9 (a copy of CVE-2099-13001's, same fixed tag and range):
 * with a mapping that lists both repositories it is reported; without one the image's only package is its `name`
 * label and the record is not (Clair's built-in offline mapping is empty).
 */
describe('rhel-name2repos: every repository of the image is a package, matched by records filed under it', () => {
  const track = trackRuns({ after: 'all' });
  const REPOS = ['openshift4/ose-cli', 'openshift4/ose-cli-rhel9'];
  const RHEL9_ONLY = 'CVE-2099-13101 openshift4/ose-cli-rhel9 v4.14.5-202401011111 High v4.14.7-202402021234';
  let bundle = '';
  let mapping = '';

  beforeAll(() => {
    bundle = writeBundle({ only: UPDATERS }, dirs);
    const lines = fs.readFileSync(bundle, 'utf8').trimEnd().split('\n');
    const at = lines.findIndex((l) => (JSON.parse(l) as { Vuln: { name: string } }).Vuln.name === 'CVE-2099-13001');
    const template = JSON.parse(lines[at]) as {
      Vuln: { name: string; package: { name: string }; links: string; description: string };
    };
    expect(template.Vuln.package.name).toBe('openshift4/ose-cli');
    const rhel9 = {
      ...template,
      Vuln: {
        ...template.Vuln,
        name: 'CVE-2099-13101',
        description: 'FIXTURE: filed under the openshift4/ose-cli-rhel9 repository only (not a real vulnerability).',
        links: 'https://fixtures.clair-scan.invalid/CVE-2099-13101',
        package: { ...template.Vuln.package, name: 'openshift4/ose-cli-rhel9' },
      },
    };
    // Beside its updater's other records: clairctl starts a new update operation whenever the updater changes
    // between lines, and only an updater's latest operation is matched.
    lines.splice(at + 1, 0, JSON.stringify(rhel9));
    fs.writeFileSync(bundle, lines.join('\n') + '\n');
    mapping = path.join(path.dirname(bundle), 'container-name-repos-map.json');
    fs.writeFileSync(
      mapping,
      JSON.stringify({ data: { 'openshift4/ose-cli': REPOS, 'toolbox-container': ['rhel8/toolbox', 'ubi8/toolbox'] } }),
    );
  });

  test('with the mapping: both repositories are binary packages of the image, and the record filed under the second is reported', async () => {
    const outcome = await scan(settings({ 'vuln-data': bundle, 'rhel-name2repos': mapping }), track);
    expect(outcome.exitCode).toBe(0);
    const [r] = outcome.result.images;
    expect(
      r.packages
        .filter((p) => p.packageDb === DOCKERFILE)
        .map((p) => `${p.name} ${p.version} ${p.kind} ${p.source?.name ?? '-'}`),
    ).toEqual([
      'openshift4/ose-cli v4.14.5-202401011111 binary ose-cli-container',
      'openshift4/ose-cli-rhel9 v4.14.5-202401011111 binary ose-cli-container',
      'ose-cli-container v4.14.5-202401011111 source -',
    ]);
    expect(findingLines(r)).toEqual([EXPECTED[0], RHEL9_ONLY, ...EXPECTED.slice(1)]);
    expect(r.vulnerabilities.find((v) => v.id === 'CVE-2099-13101')?.updater).toBe('fixture-rhcc');
  });

  test('the mapping gzip-compressed (as Clair reads it): the same findings', async () => {
    const gz = `${mapping}.gz`;
    fs.writeFileSync(gz, gzipSync(fs.readFileSync(mapping)));
    const outcome = await scan(settings({ 'vuln-data': bundle, 'rhel-name2repos': gz }), track);
    expect(outcome.exitCode).toBe(0);
    expect(findingLines(outcome.result.images[0])).toEqual([EXPECTED[0], RHEL9_ONLY, ...EXPECTED.slice(1)]);
  });

  test('without it: the `name` label is the only repository, the record filed under the other one is missed', async () => {
    const outcome = await scan(settings({ 'vuln-data': bundle }), track);
    expect(outcome.exitCode).toBe(0);
    const [r] = outcome.result.images;
    expect(r.packages.filter((p) => p.packageDb === DOCKERFILE).map((p) => p.name)).toEqual([
      'openshift4/ose-cli',
      'ose-cli-container',
    ]);
    expect(findingLines(r)).toEqual(EXPECTED);
  });

  test('a file that is not a name-to-repositories mapping: exit 2 naming the input and where to get the file, before Clair starts', async () => {
    const bad = path.join(path.dirname(bundle), 'bad-name2repos.json');
    fs.writeFileSync(bad, JSON.stringify({ data: { 'openshift4/ose-cli': 'openshift4/ose-cli-rhel9' } }));
    const err = await expectScanError(scan(settings({ 'vuln-data': bundle, 'rhel-name2repos': bad }), track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      `rhel-name2repos file "${bad}" is not a container name-to-repositories mapping ({"data": {"<name label>": ["<repository>", …]}})`,
    );
    expect(err.hint).toBe(
      "download Red Hat's mapping (https://security.access.redhat.com/data/metrics/container-name-repos-map.json) and give its path in rhel-name2repos.",
    );
  });
});

describe('without usable container records: exit 2 naming the image, never clean', () => {
  const track = trackRuns();
  const refused =
    /^Clair has no vulnerability data for Red Hat container image openshift4\/ose-cli \(found in localhost\/clair-scan-fixture\/rhcc:1\); refusing to report the image as clean$/;

  test('a bundle without them (the RHEL data alone covers only the RPMs)', async () => {
    const err = await expectScanError(
      scan(settings({ 'vuln-data': writeBundle({ only: ['fixture-rhel'] }, dirs) }), track),
    );
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(refused);
  });

  test('container records without their rhctag range (what an import that drops it stores): they can never match', async () => {
    const file = writeBundle({ only: UPDATERS }, dirs);
    const lines = fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { Updater: string; Vuln: { range?: unknown } });
    expect(lines.filter((l) => l.Vuln.range).map((l) => l.Updater)).toEqual(Array(4).fill('fixture-rhcc'));
    for (const l of lines) delete l.Vuln.range;
    fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const err = await expectScanError(scan(settings({ 'vuln-data': file }), track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(refused);
  });
});

/**
 * clair-url: an existing Clair tells only its updaters' names. A real Clair's rhel-vex writes the RPM and the
 * container records; data from an updater that names neither rhcc nor rhel-vex does not cover the container.
 * The Clair is started with the product's modules (rhel-repo2cpe mapping, a random auth.psk key).
 */
describe('clair-url: the container needs an updater that writes container records', () => {
  const track = trackRuns();
  const env = loadTestEnv();
  const run = newRunId();
  let docker: DockerClient;
  let pg: Postgres;
  let clair: ClairContainer;
  let psk = '';
  const external = () => {
    const s = settingsFor([IMAGE], {
      'clair-url': clair.url,
      'clair-psk': psk,
      'severity-threshold': 'none',
      formats: 'json',
    });
    dirs.push(s.reports.outputDir);
    return s;
  };

  /** The fixture records of `updaters`, under the updater name `as` if given (as that updater would write them). */
  async function load(updaters: string[], as?: string): Promise<void> {
    const file = writeBundle({ only: updaters }, dirs);
    if (as) {
      const lines = fs
        .readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { Updater: string; Fingerprint: string; Vuln: { updater: string } });
      fs.writeFileSync(
        file,
        lines
          .map((l) =>
            JSON.stringify({
              ...l,
              Updater: as,
              Fingerprint: `${as}-${l.Fingerprint}`,
              Vuln: { ...l.Vuln, updater: as },
            }),
          )
          .join('\n') + '\n',
      );
    }
    await importBundle(docker, clair.container, file, 120_000, { pg });
  }

  beforeAll(async () => {
    docker = new DockerClient();
    pg = await startPostgres(docker, { image: env.postgresImage, runId: run, timeoutMs: 120_000 });
    clair = await startClair(docker, {
      image: env.clairImage,
      runId: run,
      connString: pg.connString,
      listenHost: '127.0.0.1',
      airgap: true,
      repo2cpe: REPO2CPE,
      timeoutMs: 120_000,
      requestTimeoutMs: 300_000,
    });
    const { stream } = await docker.getFile(clair.container, '/config/config.yaml');
    let text = '';
    for await (const c of stream) text += String(c);
    psk = (parse(text) as { auth: { psk: { key: string } } }).auth.psk.key;
  });

  afterAll(async () => {
    await clair?.client.close();
    await cleanupRun({ runId: run, tempDirs: [] });
    expect(leftoverContainers(run)).toEqual([]);
  });

  test('RHEL data from an updater that writes no container records: refused, naming the container', async () => {
    await load(['fixture-rhel']);
    const err = await expectScanError(scan(external(), track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      'Clair has no vulnerability data for Red Hat container image openshift4/ose-cli (found in localhost/clair-scan-fixture/rhcc:1); refusing to report the image as clean',
    );
    expect(err.hint).toContain(`the Clair at ${clair.url}`);
  });

  test('the container records as rhel-vex writes them: accepted, with the exact findings', async () => {
    await load(['fixture-rhcc'], 'rhel-vex');
    expect(Object.keys(await clair.client.updateOperations()).sort()).toEqual(['fixture-rhel', 'rhel-vex']);
    const outcome = await scan(external(), track);
    expect(outcome.exitCode).toBe(0);
    expect(findingLines(outcome.result.images[0])).toEqual(EXPECTED);
    expect(outcome.result.images[0].vulnerabilities.find((v) => v.id === 'CVE-2099-13001')?.updater).toBe('rhel-vex');
  });
});
