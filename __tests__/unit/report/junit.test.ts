/**
 * The `junit` report: a failed test case per finding that fails the gate, a passing one per image without any, the
 * verdict as its own test case; valid against the Jenkins JUnit XSD (__tests__/fixtures/schemas, via xmllint's wasm
 * build) whatever the text; written by writeReports under its descriptor's name.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { emptyCounts, type ScanResult, type Verdict } from '../../../src/findings/model';
import { writeReports } from '../../../src/report';
import { junitFormat, renderJunit, xmlAttr, xmlText } from '../../../src/report/junit';
import type { ReportGate } from '../../../src/report/format';
import {
  compliance,
  HOSTILE_DESCRIPTION,
  image,
  imageResult,
  sampleResult,
  scanResult,
  syntheticResult,
  vuln,
} from '../../helpers/model';
import { enrichedSample } from '../../helpers/enriched';

const XSD = fs.readFileSync(path.join(__dirname, '../../fixtures/schemas/jenkins-junit.xsd'), 'utf8');

async function xsdErrors(xml: string): Promise<string[]> {
  const r = await validateXML({
    xml: [{ fileName: 'clair-scan-junit.xml', contents: xml }],
    schema: [XSD],
    initialMemoryPages: 512,
    maxMemoryPages: 8192,
  });
  return r.errors.map((e) => e.rawMessage);
}

const HIGH: ReportGate = { severityThreshold: 'High', ignoreUnfixed: false };

function verdict(over: Partial<Verdict> = {}): Verdict {
  return {
    status: 'pass',
    enforced: true,
    reasons: [],
    rules: ['severity-threshold: high'],
    counted: emptyCounts(),
    expiredEntries: [],
    unusedEntries: [],
    ...over,
  };
}

/** [suite name, test case names, failure types] per suite, read back with a regex over the (validated) document. */
function suites(xml: string): { name: string; cases: string[]; failures: string[] }[] {
  return [...xml.matchAll(/<testsuite name="([^"]*)"[^>]*>([\s\S]*?)<\/testsuite>/g)].map((m) => ({
    name: m[1],
    cases: [...m[2].matchAll(/<testcase classname="[^"]*" name="([^"]*)"/g)].map((c) => c[1]),
    failures: [...m[2].matchAll(/<failure message="[^"]*" type="([^"]*)"/g)].map((c) => c[1]),
  }));
}

describe('junit report', () => {
  test('a failed test case per finding at or above the threshold, not allowlisted; compliance findings fail; exact cases', async () => {
    const app = image('reg.example.com/app:1.2', 'reg.example.com/app', '1.2', 'a1');
    const r = scanResult(
      [
        imageResult(
          app,
          [
            vuln('CVE-2024-1', 'Critical', { image: app.name, pkg: 'openssl' }),
            vuln('CVE-2024-2', 'High', { image: app.name, pkg: 'zlib' }),
            vuln('CVE-2024-3', 'Medium', { image: app.name, pkg: 'curl' }),
            vuln('CVE-2024-4', 'High', {
              image: app.name,
              pkg: 'perl',
              allowlisted: { source: 'a.yaml:1', reason: 'accepted' },
            }),
          ],
          [
            compliance('non-root', 'Medium', {
              image: app.name,
              title: 'Image runs as root',
              message: 'Config.User is empty.',
            }),
          ],
        ),
        imageResult(image('clean:1', 'clean', '1', 'c1'), [vuln('CVE-2024-9', 'Low', { image: 'clean' })]),
      ],
      { verdict: verdict({ status: 'fail', reasons: ['2 findings at or above High'] }) },
    );
    const xml = renderJunit(r, HIGH);
    expect(await xsdErrors(xml)).toEqual([]);
    expect(suites(xml)).toEqual([
      { name: 'clair-scan policy', cases: ['policy (severity-threshold: high)'], failures: ['policy'] },
      {
        name: 'reg.example.com/app:1.2',
        cases: ['CVE-2024-1 in openssl 1.0', 'CVE-2024-2 in zlib 1.0', 'compliance/non-root'],
        failures: ['Critical', 'High', 'Medium'],
      },
      { name: 'clean:1', cases: ['no finding at or above High'], failures: [] },
    ]);
    expect(xml).toContain('<testsuites name="clair-scan" tests="5" failures="4" errors="0">');
    // Jenkins splits a classname at its last dot: none in it.
    expect(xml).toContain('classname="reg_example_com/app:1_2"');
  });

  test('ignore-unfixed, fail-on-new and a bare fail-on severity decide as the gate does', async () => {
    const r = scanResult(
      [
        imageResult(image('a:1', 'a', '1', 'a'), [
          vuln('CVE-1', 'High', { image: 'a', fixedIn: undefined, fixable: false }),
          vuln('CVE-2', 'High', { image: 'a', baselineState: 'unchanged' }),
          vuln('CVE-3', 'High', { image: 'a', baselineState: 'new' }),
          vuln('CVE-4', 'Medium', { image: 'a', baselineState: 'unchanged' }),
        ]),
      ],
      { verdict: verdict() },
    );
    const names = (gate: ReportGate): string[] => suites(renderJunit(r, gate))[1].cases;
    expect(names({ severityThreshold: 'High', ignoreUnfixed: true })).toEqual([
      'CVE-2 in openssl 1.0',
      'CVE-3 in openssl 1.0',
    ]);
    expect(names({ severityThreshold: 'High', ignoreUnfixed: false, failOnNew: true })).toEqual([
      'CVE-3 in openssl 1.0',
    ]);
    // fail-on: medium counts every finding (not only new ones), as the policy does.
    expect(names({ severityThreshold: 'High', ignoreUnfixed: false, failOnNew: true, failOn: 'medium' })).toEqual([
      'CVE-1 in openssl 1.0',
      'CVE-2 in openssl 1.0',
      'CVE-3 in openssl 1.0',
      'CVE-4 in openssl 1.0',
    ]);
    // A count rule alone: no finding is a failure by itself; the verdict's test case carries the rule.
    expect(names({ ignoreUnfixed: false, failOn: 'high>=2' })).toEqual(['no compliance finding (no severity gate)']);
  });

  test('a verdict that fails on a count rule fails the policy test case with its reasons; no verdict is an error', async () => {
    const r = scanResult([imageResult(image('a:1', 'a', '1', 'a'), [])], {
      verdict: verdict({
        status: 'fail',
        enforced: false,
        rules: ['fail-on: high>=2'],
        reasons: ['fail-on rule "high>=2" is true: high=3'],
      }),
    });
    const xml = renderJunit(r, { ignoreUnfixed: false, failOn: 'high>=2' });
    expect(await xsdErrors(xml)).toEqual([]);
    expect(xml).toContain(
      '<failure message="fail-on rule &quot;high&gt;=2&quot; is true: high=3" type="policy">fail-on rule "high&gt;=2" is true: high=3\nReport-only mode',
    );
    const none = renderJunit({ ...r, verdict: undefined }, HIGH);
    expect(await xsdErrors(none)).toEqual([]);
    expect(none).toContain('<testsuites name="clair-scan" tests="2" failures="0" errors="1">');
    expect(none).toContain('<error message="no verdict" type="policy">');
  });

  test('hostile text (XML-invalid characters, lone surrogates, ]]>, markup, quotes) stays valid XML and text', async () => {
    const nasty = `${HOSTILE_DESCRIPTION} ]]> <![CDATA[x]]> \uD800 lone \uDFFF \uFFFE\uFFFF \u0008 "q" 'a' \t tab 😀`;
    const img = image(`evil/"img"<&>:1`, 'evil/"img"<&>', '1', 'e');
    const r = scanResult(
      [
        imageResult(
          img,
          [
            vuln(`CVE-1"><x>`, 'Critical', {
              image: img.name,
              description: nasty,
              pkg: `p]]>\u0001` as string,
              links: ['https://x.test/?a=1&b=<2>'],
            }),
          ],
          [compliance('secret/aws', 'High', { image: img.name, title: nasty, message: nasty, path: '/etc/]]>' })],
        ),
      ],
      { verdict: verdict({ status: 'fail', reasons: [nasty], rules: [nasty] }) },
    );
    const xml = renderJunit(r, HIGH);
    expect(await xsdErrors(xml)).toEqual([]);
    expect(xml).not.toContain(']]>');
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry are what is checked
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
    expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(xml).toContain('😀');
    expect(suites(xml)[1].name).toBe('evil/&quot;img&quot;&lt;&amp;&gt;:1');
    expect(xmlText('a]]>b\u0000')).toBe('a]]&gt;b\uFFFD');
    expect(xmlAttr('x\ny\t"z"\r')).toBe('x&#10;y&#9;&quot;z&quot;&#13;');
  });

  test('writeReports writes it under the descriptor name; the sample and 10,000 findings validate', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-junit-'));
    try {
      const sample: ScanResult = sampleResult();
      const written = await writeReports(sample, {
        outputDir: dir,
        formats: ['junit'],
        dockerfile: 'Dockerfile',
        gate: HIGH,
      });
      expect(written.junit).toBe(path.join(dir, junitFormat.fileName));
      const xml = fs.readFileSync(written.junit!, 'utf8');
      expect(xml).toBe(renderJunit(sample, HIGH));
      expect(await xsdErrors(xml)).toEqual([]);
      // Independently: the sample's findings at High or above, not allowlisted, plus its compliance findings not allowlisted.
      const expected = sample.images.flatMap((i) => [
        ...i.vulnerabilities.filter((f) => !f.allowlisted && ['High', 'Critical'].includes(f.severity)),
        ...i.compliance.filter((c) => !c.allowlisted),
      ]);
      expect(
        suites(xml)
          .slice(1)
          .reduce((n, s) => n + s.failures.length, 0),
      ).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(2);
      const big = renderJunit(syntheticResult(10_000, 3), { severityThreshold: 'Negligible', ignoreUnfixed: false });
      expect(await xsdErrors(big)).toEqual([]);
      expect(
        suites(big)
          .slice(1)
          .reduce((n, s) => n + s.failures.length, 0),
      ).toBe(
        syntheticResult(10_000, 3).images.flatMap((i) => [
          ...i.vulnerabilities.filter((f) => !f.allowlisted && f.severity !== 'Unknown'),
          ...i.compliance.filter((c) => !c.allowlisted),
        ]).length,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('junit report: KEV and EPSS in the failure text (issue 22)', () => {
  /** The failure element (message, body) of the test case named `name`, unescaped enough to read. */
  function failure(xml: string, name: string): { message: string; body: string } {
    const at = xml.indexOf(`name="${name}"`);
    expect(at).toBeGreaterThan(0);
    const m = /<failure message="([^"]*)" type="[^"]*">([^<]*)<\/failure>/.exec(xml.slice(at));
    const un = (s: string): string =>
      s
        .replace(/&#10;/g, '\n')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    return { message: un(m![1]), body: un(m![2]) };
  }
  const LOW: ReportGate = { severityThreshold: 'Low', ignoreUnfixed: false };

  test('enriched: the message marks KEV and EPSS; the body has the KEV entry and the score, or says not listed', async () => {
    const xml = renderJunit(enrichedSample(), LOW);
    expect(await xsdErrors(xml)).toEqual([]);
    const perl = failure(xml, 'CVE-2023-0005 in perl-base 5.36.0-7+deb12u1');
    expect(perl.message).toBe(
      'CVE-2023-0005 (Low) in perl-base 5.36.0-7+deb12u1; no fix available yet; known exploited (CISA KEV); EPSS 45%',
    );
    expect(perl.body).toContain(
      'no fix available yet.\nKnown exploited: in the CISA KEV catalogue (CVE-2023-0005), added 2026-10-03, due 2026-10-24, known ransomware use.\nEPSS: 45% (97% percentile) for CVE-2023-0005 on 2026-12-04.\nImage: myorg/web:1.4.2\n',
    );
    const curl = failure(xml, 'CVE-2024-0003 in curl 7.88.1-10+deb12u4');
    expect(curl.message).toBe('CVE-2024-0003 (High) in curl 7.88.1-10+deb12u4; no fix available yet');
    expect(curl.body).toContain(
      'Known exploited: not in the CISA KEV catalogue 2026.12.04.\nEPSS: no score on 2026-12-04.\n',
    );
  });

  test('not enriched: the body says so, never "not exploited"; one kind only: the other is "not enriched"', async () => {
    const bare = renderJunit(sampleResult(), HIGH);
    const c = failure(bare, 'CVE-2024-0001 in openssl 3.0.11-1~deb12u1');
    expect(c.body).toContain('Exploit data: not enriched (no CISA KEV or EPSS data was applied).\nImage:');
    expect(c.message).not.toMatch(/KEV|EPSS/);
    const kevOnly = renderJunit(enrichedSample({ kev: true }), HIGH);
    expect(await xsdErrors(kevOnly)).toEqual([]);
    expect(failure(kevOnly, 'CVE-2024-0002 in libc6 2.36-9+deb12u3').body).toContain(
      'Known exploited: in the CISA KEV catalogue (CVE-2024-0002), added 2026-11-01, due 2026-11-22.\nEPSS: not enriched (no EPSS data was applied), so no finding has a score; that does not mean none is likely exploited.\n',
    );
  });
});
