/**
 * The CI platform seam (publish/platform.ts, publish/platforms.ts): one registry, each platform in its folder; the
 * in-log commands of every platform disarmed by util/log.ts defuse whichever platform the CLI follows; Jenkins'
 * outputs as a properties file that real java.util.Properties reads back exactly.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defuse } from '../../../src/util/log';
import { none, PLATFORMS, resolvePlatform } from '../../../src/publish/platforms';
import { jenkins } from '../../../src/publish/jenkins/platform';
import { PROPERTIES_FILE, renderProperties } from '../../../src/publish/jenkins/properties';
import { outcomeOutputs } from '../../../src/publish/github/outputs';
import type { ScanOutcome } from '../../../src/outcome';
import type { Settings } from '../../../src/inputs/settings';
import { imageInfo, imageResult, scanResult, vuln } from '../../helpers/model';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

afterAll(removeTestTempDirs);

describe('the registry', () => {
  test('one platform per name, each in its folder publish/<name>/platform.ts; none is the fallback', () => {
    const names = PLATFORMS.map((p) => p.name);
    expect(names).toEqual([...new Set(names)]);
    for (const p of PLATFORMS) {
      const file = path.join(__dirname, '..', '..', '..', 'src', 'publish', p.name, 'platform.ts');
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.readFileSync(file, 'utf8')).toContain(`name: '${p.name}'`);
    }
    expect(resolvePlatform('auto', {})).toBe(none);
    expect(PLATFORMS.filter((p) => p.detectedBy).map((p) => p.name)).toEqual(
      PLATFORMS.filter((p) => p.detect({ GITLAB_CI: 'true', JENKINS_URL: 'x', BUILD_ID: '1' })).map((p) => p.name),
    );
  });
});

describe("defuse disarms every platform's in-log commands, whichever platform the CLI follows", () => {
  /** Lines each platform's runner would act on, as hostile text could carry them (a package name, a Clair error). */
  const HOSTILE: Record<string, string[]> = {
    github: [
      '::add-mask::x',
      '  ::error file=a::pwned',
      '\u00a0::stop-commands::t',
      'pkg ##[error]legacy',
      'text\n::set-output name=a::b',
    ],
    gitlab: [
      '\x1b[0Ksection_start:1700000000:fake[collapsed=true]\r\x1b[0KLooks fine',
      'pkg section_end:1700000000:clair_scan_image-1\r\x1b[0K',
    ],
  };

  test('the samples are commands to their platform (so the check below can fail)', () => {
    for (const [name, lines] of Object.entries(HOSTILE)) {
      const p = PLATFORMS.find((x) => x.name === name)!;
      for (const l of lines) expect(l.split('\n').some((line) => p.logCommand!(line))).toBe(true);
    }
  });

  test('no defused line is a command of any platform (defuse is one function for all: the CLI may run where it detects nothing)', () => {
    const commands = PLATFORMS.filter((p) => p.logCommand);
    expect(commands.map((p) => p.name)).toEqual(['gitlab', 'github']);
    for (const sample of Object.values(HOSTILE).flat()) {
      for (const line of defuse(sample).split('\n'))
        for (const p of commands) expect([p.name, line, p.logCommand!(line)]).toEqual([p.name, line, false]);
    }
  });

  test('Jenkins has no in-log commands and no log groups: nothing of its own to defuse', () => {
    expect(jenkins.logCommand).toBeUndefined();
    expect(jenkins.logGroups).toBeUndefined();
  });
});

describe('Jenkins: the outputs in clair-scan.properties', () => {
  /** Reads a properties file with java.util.Properties, both ways Jenkins plugins do: a Reader (UTF-8) and an InputStream (Latin-1). */
  function javaRead(file: string): Record<'reader' | 'stream', Record<string, string>> {
    const dir = testTempDir('cs-props-');
    const src = path.join(dir, 'ReadProps.java');
    fs.writeFileSync(
      src,
      `import java.io.*; import java.nio.charset.StandardCharsets; import java.util.*;
public class ReadProps {
  static void dump(String label, Properties p, PrintStream out) {
    for (String k : new TreeSet<>(p.stringPropertyNames())) {
      StringBuilder b = new StringBuilder(label).append(' ');
      for (char c : (k + "\\u0000" + p.getProperty(k)).toCharArray()) b.append(String.format("%04x", (int) c));
      out.println(b);
    }
  }
  public static void main(String[] a) throws Exception {
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    Properties r = new Properties();
    try (Reader in = new InputStreamReader(new FileInputStream(a[0]), StandardCharsets.UTF_8)) { r.load(in); }
    Properties s = new Properties();
    try (InputStream in = new FileInputStream(a[0])) { s.load(in); }
    dump("reader", r, out);
    dump("stream", s, out);
  }
}
`,
    );
    const out = execFileSync('java', [src, file], { encoding: 'utf8', timeout: 60_000 });
    const got = { reader: {} as Record<string, string>, stream: {} as Record<string, string> };
    for (const line of out.trim().split('\n')) {
      const [label, hex] = line.split(' ') as ['reader' | 'stream', string];
      const text = String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
      const [k, v] = text.split('\u0000');
      got[label][k] = v;
    }
    return got;
  }

  const outcome = (reports: ScanOutcome['reports']): ScanOutcome => ({
    result: scanResult(
      [
        imageResult(imageInfo(), [
          vuln('CVE-2024-0001', 'Critical'),
          vuln('CVE-2024-0002', 'High', { fixable: false, fixedIn: undefined }),
          vuln('CVE-2024-0003', 'Low'),
        ]),
      ],
      {
        verdict: {
          status: 'fail',
          enforced: true,
          reasons: ['1 Critical'],
          rules: ['severity-threshold: high'],
          counted: {} as never,
          expiredEntries: [],
          unusedEntries: [],
        },
      },
    ),
    reports,
    exitCode: 1,
    timings: {},
  });

  test("publish writes the action's outputs; Java reads every value back exactly, a hostile output-dir included", async () => {
    // An output-dir a properties file could misread: separators, a leading space, a backslash, a line break that
    // would start a property `injected`, Latin-1 and non-Latin-1 characters.
    const dir = path.join(testTempDir('cs-jenkins-'), ' out=dir:x\\y\ninjected=1 é→');
    const settings = { reports: { outputDir: dir } } as unknown as Settings;
    const o = outcome({ json: path.join(dir, 'clair-scan.json'), sarif: path.join(dir, 'clair-scan.sarif') });
    const logged: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (logged.push(String(c)), true));
    try {
      await jenkins.publish!(o, settings, {});
    } finally {
      jest.restoreAllMocks();
    }
    const file = path.join(dir, PROPERTIES_FILE);
    expect(logged.join('')).toContain('outputs for the Jenkinsfile: ');
    const want = outcomeOutputs(o, settings);
    expect(want).toMatchObject({
      verdict: 'fail',
      'exit-code': '1',
      total: '3',
      critical: '1',
      high: '1',
      low: '1',
      fixable: '2',
      json: path.join(dir, 'clair-scan.json'),
    });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(text.split('\n').filter(Boolean)).toHaveLength(Object.keys(want).length);
    const read = javaRead(file);
    expect(read.reader).toEqual(want);
    expect(read.stream).toEqual(want);
    expect(read.reader.injected).toBeUndefined();
  }, 120_000);

  test("renderProperties: one line per output, in the outputs' order", () => {
    expect(renderProperties({ verdict: 'pass', 'exit-code': '0', json: '' })).toBe(
      'verdict=pass\nexit-code=0\njson=\n',
    );
  });
});
