/**
 * VEX on a real scan (CLI `--vex`, real Clair) of the PR image (fixture `derived:1`: CVE-2099-1002 High and
 * CVE-2099-1003 Medium on zlib1g, CVE-2099-3001 Medium on requests). An OpenVEX 0.2.0 document marks CVE-2099-1002
 * not_affected (with a justification) and CVE-2099-1003 under_investigation, then affected; a CycloneDX 1.6 VEX BOM
 * marks CVE-2099-3001 not_affected (with a justification) and CVE-2099-1003 in_triage. Both documents are checked
 * against their published schemas here (OpenVEX: the vendored schema; CycloneDX: the library's validator) before
 * use. The two not_affected findings are suppressed with their reasons in the reports and not counted by the gate;
 * CVE-2099-1003 stays. `formats: openvex` writes a schema-valid document that, read back as VEX, suppresses the same
 * findings. A malformed VEX file is exit 2 naming file:line:column, before any container starts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { validateGitlab, validateSarifGithub, validateSarifOasis } from '../../unit/report/schemas';
import { docker } from '../scan/helpers';
import { cli, counts, tagTestImages, type CliRun, type TestImages } from './helpers';

let img: TestImages;
let dir: string;
let openvexFile: string;
let cdxFile: string;

/** The OpenVEX schema as published (schemas/openvex/, vendored), compiled independently of the product. */
function openVexValidator(): (doc: unknown) => string | null {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('iri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/u);
  const v = ajv.compile(
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas/openvex/openvex_json_schema.json'), 'utf8')),
  );
  return (doc) => (v(doc) ? null : ajv.errorsText(v.errors));
}

/** The image as a VEX product: a pkg:oci purl of its name (repository_url = the name). */
const imagePurl = (name: string): string =>
  `pkg:oci/${name.split('/').pop()}?repository_url=${encodeURIComponent(name)}`;

const line = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

beforeAll(async () => {
  img = tagTestImages('vex');
  dir = testTempDir('cs-e2e-vex-');
  const product = imagePurl(img.name);
  const openvex = {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://vex.example.com/app/2026-001',
    author: 'App security team <security@example.com>',
    timestamp: '2026-01-10T12:00:00Z',
    version: 1,
    statements: [
      {
        vulnerability: { name: 'CVE-2099-1002' },
        products: [{ '@id': product, subcomponents: [{ '@id': 'pkg:deb/debian/zlib1g' }] }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        impact_statement: 'The app never inflates untrusted data.',
      },
      {
        vulnerability: { name: 'CVE-2099-1003' },
        products: [{ '@id': product }],
        status: 'under_investigation',
        timestamp: '2026-01-05T00:00:00Z',
      },
      {
        vulnerability: { name: 'CVE-2099-1003' },
        products: [{ '@id': product }],
        status: 'affected',
        action_statement: 'Upgrade zlib1g to 1:1.2.13.dfsg-2.',
        timestamp: '2026-01-08T00:00:00Z',
      },
    ],
  };
  expect(openVexValidator()(openvex)).toBeNull();
  openvexFile = path.join(dir, 'app.openvex.json');
  fs.writeFileSync(openvexFile, `${JSON.stringify(openvex, null, 2)}\n`);

  const cdx = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
    metadata: {
      timestamp: '2026-01-11T09:00:00Z',
      component: { type: 'container', name: 'app', 'bom-ref': 'the-image', purl: product },
    },
    components: [
      {
        type: 'library',
        name: 'requests',
        version: '2.31.0',
        purl: 'pkg:pypi/requests@2.31.0',
        'bom-ref': 'requests-2.31.0',
      },
    ],
    vulnerabilities: [
      {
        id: 'CVE-2099-3001',
        source: { name: 'NVD', url: 'https://nvd.nist.gov/vuln/detail/CVE-2099-3001' },
        analysis: {
          state: 'not_affected',
          justification: 'code_not_reachable',
          detail: 'Redirects are disabled for every session.',
        },
        affects: [{ ref: 'requests-2.31.0' }],
      },
      { id: 'CVE-2099-1003', analysis: { state: 'in_triage' }, affects: [{ ref: 'the-image' }] },
    ],
  };
  const cdxText = `${JSON.stringify(cdx, null, 2)}\n`;
  expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(cdxText)).toBeNull();
  cdxFile = path.join(dir, 'app.cdx-vex.json');
  fs.writeFileSync(cdxFile, cdxText);
});
afterAll(() => img?.remove());

let run: CliRun;

test('OpenVEX + CycloneDX VEX: the two not_affected findings are suppressed with their reasons, not counted; affected / under_investigation / in_triage stay', async () => {
  run = await cli([
    '--vex',
    `${openvexFile},${cdxFile}`,
    '--severity-threshold',
    'medium',
    '--formats',
    'json,sarif,gitlab,markdown,html,openvex',
    img.pr,
  ]);
  expect({ code: run.code, stderr: run.code === 1 ? '' : run.stderr }).toEqual({ code: 1, stderr: '' });
  const r = run.json();
  const openvexText = fs.readFileSync(openvexFile, 'utf8');
  const cdxText = fs.readFileSync(cdxFile, 'utf8');
  const byId = Object.fromEntries(
    r.images[0].vulnerabilities.map((v: { id: string; allowlisted?: unknown }) => [v.id, v.allowlisted ?? null]),
  );
  expect(byId).toEqual({
    'CVE-2099-1002': {
      source: `${openvexFile}:${line(openvexText, '"CVE-2099-1002"') - 2}`,
      reason: 'OpenVEX not_affected: vulnerable_code_not_in_execute_path — The app never inflates untrusted data.',
    },
    'CVE-2099-1003': null,
    'CVE-2099-3001': {
      source: `${cdxFile}:${line(cdxText, '"CVE-2099-3001"') - 1}`,
      reason: 'CycloneDX VEX not_affected (code_not_reachable): Redirects are disabled for every session.',
    },
  });
  // The gate counts only CVE-2099-1003 (Medium); the High one is suppressed.
  expect(r.verdict).toMatchObject({
    status: 'fail',
    counted: counts({ Medium: 1 }),
    reasons: ['1 finding at or above Medium (severity-threshold: medium): 1 Medium'],
    unusedEntries: [],
  });

  // The reasons in the reports people read.
  const md = run.file('clair-scan-summary.md');
  expect(md).toContain('<summary>2 allowlisted findings (not counted by the gate)</summary>');
  // Markdown escapes (`not\\_affected`): compared without the escapes, as it renders.
  const rendered = md.split('\n').map((l) => l.replace(/\\([_()*.#+!-])/g, '$1'));
  expect(rendered).toContain(
    `| High | [CVE-2099-1002](https://nvd.nist.gov/vuln/detail/CVE-2099-1002) | zlib1g | ${img.pr} | OpenVEX not_affected: vulnerable_code_not_in_execute_path — The app never inflates untrusted data. | — | ${byId['CVE-2099-1002'].source} |`,
  );
  expect(rendered).toContain(
    `| Medium | [CVE-2099-3001](https://nvd.nist.gov/vuln/detail/CVE-2099-3001) | requests | ${img.pr} | CycloneDX VEX not_affected (code_not_reachable): Redirects are disabled for every session. | — | ${byId['CVE-2099-3001'].source} |`,
  );
  const html = run.file('clair-scan-report.html');
  expect(html).toContain(
    'OpenVEX not_affected: vulnerable_code_not_in_execute_path — The app never inflates untrusted data.',
  );
  expect(html).toContain('CycloneDX VEX not_affected (code_not_reachable): Redirects are disabled for every session.');
  // SARIF and GitLab leave suppressed findings out (GitHub ignores SARIF suppressions) and stay schema-valid.
  const sarif = JSON.parse(run.file('clair-scan.sarif'));
  expect(validateSarifOasis(sarif)).toBeNull();
  expect(validateSarifGithub(sarif)).toBeNull();
  expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['CVE-2099-1003']);
  const gl = JSON.parse(run.file('gl-container-scanning-report.json'));
  expect(validateGitlab(gl)).toBeNull();
  expect(gl.vulnerabilities.map((v: { identifiers: { value: string }[] }) => v.identifiers[0].value)).toEqual([
    'CVE-2099-1003',
  ]);
});

test('formats: openvex writes the suppressed findings as a schema-valid OpenVEX document, which read back as VEX suppresses the same findings', async () => {
  expect(run).toBeDefined();
  const doc = run.json('clair-scan.openvex.json');
  expect(openVexValidator()(doc)).toBeNull();
  expect(
    doc.statements
      .map(
        (s: {
          vulnerability: { name: string };
          status: string;
          products: { '@id': string; subcomponents: { '@id': string }[] }[];
        }) => ({
          id: s.vulnerability.name,
          status: s.status,
          product: s.products[0]['@id'],
          sub: s.products[0].subcomponents.map((c) => c['@id'].split('@')[0]),
        }),
      )
      .sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)),
  ).toEqual([
    {
      id: 'CVE-2099-1002',
      status: 'not_affected',
      product: expect.stringMatching(/^pkg:oci\//),
      sub: ['pkg:deb/debian/zlib1g'],
    },
    {
      id: 'CVE-2099-3001',
      status: 'not_affected',
      product: expect.stringMatching(/^pkg:oci\//),
      sub: ['pkg:pypi/requests'],
    },
  ]);
  // Round trip: the written document is the only VEX input of the next scan.
  const file = path.join(testTempDir('cs-e2e-vex-roundtrip-'), 'from-clair-scan.openvex.json');
  fs.copyFileSync(path.join(run.outDir, 'clair-scan.openvex.json'), file);
  const again = await cli(['--vex', file, '--severity-threshold', 'medium', img.pr]);
  expect(again.code).toBe(1);
  const r = again.json();
  const suppressed = r.images[0].vulnerabilities
    .filter((v: { allowlisted?: unknown }) => v.allowlisted)
    .map((v: { id: string; allowlisted: { reason: string } }) => `${v.id}: ${v.allowlisted.reason}`)
    .sort();
  // The original reason travels as the statement's impact_statement.
  expect(suppressed).toEqual([
    // Said once: the reason a VEX document gave is not prefixed again on the way back.
    'CVE-2099-1002: OpenVEX not_affected: vulnerable_code_not_in_execute_path — The app never inflates untrusted data.',
    expect.stringMatching(
      /^CVE-2099-3001: OpenVEX not_affected: .*CycloneDX VEX not_affected \(code_not_reachable\): Redirects are disabled for every session\.$/,
    ),
  ]);
  expect(r.verdict.counted).toEqual(counts({ Medium: 1 }));
});

test("VEX scope: a product that names the image's last path segment but not its repository (pkg:oci/<name> without repository_url, or another registry) suppresses nothing", async () => {
  const last = img.name.split('/').pop()!;
  const doc = (product: string, n: number) => ({
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': `https://vex.example.com/app/scope-${n}`,
    author: 'Someone else',
    timestamp: '2026-01-10T12:00:00Z',
    version: 1,
    statements: [
      {
        vulnerability: { name: 'CVE-2099-1002' },
        products: [{ '@id': product }],
        status: 'not_affected',
        justification: 'component_not_present',
      },
    ],
  });
  const files = [
    `pkg:oci/${last}`,
    `pkg:oci/${last}?repository_url=${encodeURIComponent(`evil.example/${img.name.split('/').slice(1).join('/')}`)}`,
  ].map((product, n) => {
    expect(openVexValidator()(doc(product, n))).toBeNull();
    const f = path.join(dir, `scope-${n}.openvex.json`);
    fs.writeFileSync(f, JSON.stringify(doc(product, n)));
    return f;
  });
  const r = await cli(['--vex', files.join(','), '--severity-threshold', 'high', img.pr]);
  expect({ code: r.code, stderr: r.code === 1 ? '' : r.stderr }).toEqual({ code: 1, stderr: '' });
  expect(r.json().images[0].vulnerabilities.filter((v: { allowlisted?: unknown }) => v.allowlisted)).toEqual([]);
  expect(r.json().verdict.reasons).toEqual(['1 finding at or above High (severity-threshold: high): 1 High']);
});

describe('a malformed VEX file: exit 2 naming file:line:column, nothing started', () => {
  const cases: [string, string, (file: string) => RegExp][] = [
    [
      'JSON syntax',
      '{\n  "@context": "https://openvex.dev/ns/v0.2.0",\n  "statements": [\n    { "status": "not_affected", }\n  ]\n}\n',
      (f) => new RegExp(`vex ${f}:4:33: not valid JSON`),
    ],
    [
      'OpenVEX not_affected without a justification (schema)',
      `${JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'https://vex.example.com/x', author: 'x', timestamp: '2026-01-10T12:00:00Z', version: 1, statements: [{ vulnerability: { name: 'CVE-2099-1002' }, products: [{ '@id': 'pkg:deb/debian/zlib1g' }], status: 'not_affected' }] }, null, 2)}\n`,
      (f) =>
        new RegExp(
          `vex ${f}:8:5: not a valid OpenVEX 0\\.2\\.0 document: /statements/0 must have required property 'justification'`,
        ),
    ],
    [
      'CycloneDX with an unknown analysis state (schema)',
      `${JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, vulnerabilities: [{ id: 'CVE-2099-3001', analysis: { state: 'not_a_state' }, affects: [{ ref: 'x' }] }] }, null, 2)}\n`,
      (f) =>
        new RegExp(
          `vex ${f}:9:18: not a valid CycloneDX 1\\.6 BOM: /vulnerabilities/0/analysis/state must be equal to one of the allowed values`,
        ),
    ],
  ];
  test.each(cases)('%s', async (_name, text, expected) => {
    const file = path.join(testTempDir('cs-e2e-vex-bad-'), 'bad.vex.json');
    fs.writeFileSync(file, text);
    const since = Math.floor(Date.now() / 1000) - 1;
    const r = await cli(['--vex', `${openvexFile},${file}`, img.pr]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(fs.readdirSync(r.outDir)).toEqual([]);
    // Checked before any container: the run created none.
    expect(r.runId).toBeDefined();
    expect(
      docker(
        'events',
        '--since',
        String(since),
        '--until',
        String(Math.ceil(Date.now() / 1000)),
        '--filter',
        'type=container',
        '--filter',
        `label=io.clair-scan.run=${r.runId}`,
        '--format',
        '{{.Action}}',
      ),
    ).toBe('');
  });
});
