import {
  parseBatchSettings,
  parseImageRequest,
  parseSettings,
  REPORT_FORMATS,
  Settings,
} from '../../../src/inputs/settings';
import { ClairScanError } from '../../../src/util/errors';

/** Raw inputs as the action/CLI would hand them over: a map of input name → string. */
function raw(values: Record<string, string>): (name: string) => string | undefined {
  return (name) => values[name];
}

function settingsError(values: Record<string, string>): ClairScanError {
  try {
    parseSettings(raw(values));
  } catch (err) {
    if (err instanceof ClairScanError) return err;
    throw err;
  }
  throw new Error('parseSettings accepted the inputs but should not have');
}

describe('parseSettings defaults', () => {
  it('gives every input its documented default when only the image is set', () => {
    const s = parseSettings(raw({ image: 'myapp:ci' }));
    const expected: Settings = {
      images: [{ input: 'myapp:ci', ref: 'myapp:ci' }],
      baseline: '',
      imageSource: 'auto',
      dockerHost: undefined,
      // No image names a registry, so the credentials (none here) would be bound to the default database image's.
      registry: { username: undefined, password: undefined, insecure: false, hosts: ['ghcr.io'] },
      layerServerAddress: undefined,
      clairUrl: undefined,
      clairPsk: undefined,
      clairMode: 'container',
      postgresUrl: undefined,
      clairImage: 'quay.io/projectquay/clair:4.9.0',
      postgresImage: 'docker.io/library/postgres:15',
      pull: 'missing',
      clairConfig: undefined,
      startupTimeoutSec: 300,
      scanTimeoutSec: 900,
      // This project's nightly database image, of the default Clair's version.
      vulnData: 'db-image:ghcr.io/clair-scan/clair-db:v4.9.0',
      vulnDbImage: 'ghcr.io/clair-scan/clair-db:v4.9.0',
      vulnDataMaxAge: '',
      updaters: [],
      dataTimeoutSec: 1800,
      policy: {
        severityThreshold: 'High',
        failOn: undefined,
        ignoreUnfixed: false,
        fail: true,
        allowlists: [],
        checkNonRoot: false,
        checkSecrets: false,
        requiredBaseImage: undefined,
        checkEol: 'warn',
        vex: [],
        failOnNew: false,
        policyFromBase: false,
      },
      batch: { imagesFile: undefined, tags: ['latest'], concurrency: 4, resume: false, imageTimeoutSec: 1800 },
      reports: {
        outputDir: 'clair-scan-reports',
        formats: ['sarif', 'gitlab', 'markdown', 'html', 'json', 'cyclonedx'],
        dockerfile: 'Dockerfile',
        severities: [],
        ignoreUnfixed: false,
        gate: { severityThreshold: 'High', failOn: undefined, ignoreUnfixed: false, failOnNew: false },
      },
      publish: {
        githubToken: undefined,
        comment: true,
        jobSummary: true,
        uploadArtifact: true,
        artifactName: 'clair-scan-reports',
        gitlabToken: undefined,
      },
    };
    expect(s).toEqual(expected);
    expect(s.images[0].source).toBeUndefined();
  });

  it('treats blank values as not given and trims the others', () => {
    const s = parseSettings(
      raw({
        image: '  myapp:ci \n',
        'scan-timeout': '   ',
        'docker-host': '  tcp://docker:2375  ',
        'fail-on': ' high>0 ',
      }),
    );
    expect(s.images).toEqual([{ input: 'myapp:ci', ref: 'myapp:ci' }]);
    expect(s.scanTimeoutSec).toBe(900);
    expect(s.dockerHost).toBe('tcp://docker:2375');
    expect(s.policy.failOn).toBe('high>0');
  });

  it('passes strings through', () => {
    const s = parseSettings(
      raw({
        image: 'a',
        'registry-username': 'bob',
        'registry-password': 's3cret',
        'clair-psk': 'c2VjcmV0',
        'clair-image': 'my/clair:dev',
        'vuln-data': 'https://data.example.com/bundle.json.zst',
        'required-base-image': 'debian:12',
        'output-dir': 'out',
        'github-token': 'ghs_x',
        'gitlab-token': 'glpat-x',
        'rhel-repo2cpe': 'redhat/repository-to-cpe.json',
        'rhel-name2repos': 'redhat/container-name-repos-map.json',
      }),
    );
    expect(s.registry).toEqual({ username: 'bob', password: 's3cret', insecure: false, hosts: [] });
    expect(s.clairPsk).toBe('c2VjcmV0');
    expect(s.clairImage).toBe('my/clair:dev');
    expect(s.vulnData).toBe('https://data.example.com/bundle.json.zst');
    expect(s.policy.requiredBaseImage).toBe('debian:12');
    expect(s.reports.outputDir).toBe('out');
    expect(s.publish.githubToken).toBe('ghs_x');
    expect(s.publish.gitlabToken).toBe('glpat-x');
    expect([s.rhelRepo2cpe, s.rhelName2repos]).toEqual([
      'redhat/repository-to-cpe.json',
      'redhat/container-name-repos-map.json',
    ]);
  });
});

describe('booleans', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['Yes', true],
    ['1', true],
    ['on', true],
    ['false', false],
    ['no', false],
    ['NO', false],
    ['0', false],
    ['off', false],
  ])('%s → %s', (text, value) => {
    const s = parseSettings(
      raw({ image: 'a', fail: text, 'check-secrets': text, 'registry-insecure': text, comment: text }),
    );
    expect(s.policy.fail).toBe(value);
    expect(s.policy.checkSecrets).toBe(value);
    expect(s.registry.insecure).toBe(value);
    expect(s.publish.comment).toBe(value);
  });

  it('a bad value names the input, the value and the allowed values', () => {
    const err = settingsError({ image: 'a', 'check-non-root': 'maybe' });
    expect(err.message).toBe('input "check-non-root" has an invalid value "maybe"');
    expect(err.hint).toBe('set "check-non-root" to `true` or `false`.');
    expect(err.exitCode).toBe(2);
  });
});

describe('integers', () => {
  it('parses whole numbers', () => {
    const s = parseSettings(
      raw({ image: 'a', 'startup-timeout': '60', 'scan-timeout': ' 1 ', 'data-timeout': '7200' }),
    );
    expect([s.startupTimeoutSec, s.scanTimeoutSec, s.dataTimeoutSec]).toEqual([60, 1, 7200]);
  });

  it.each(['0', '-5', '1.5', '10s', 'abc', '1e3'])('rejects %s', (v) => {
    const err = settingsError({ image: 'a', 'scan-timeout': v });
    expect(err.message).toBe(`input "scan-timeout" has an invalid value "${v}"`);
    expect(err.hint).toBe('set "scan-timeout" to a whole number of at least 1.');
  });

  it.each([
    ['concurrency', '65', 'a whole number from 1 to 64'],
    ['concurrency', '0', 'a whole number from 1 to 64'],
    ['image-timeout', String(7 * 24 * 3600 + 1), 'a whole number from 1 to 604800'],
  ])('batch bounds come from the input table: %s %s is refused in every mode', (name, v, expected) => {
    const err = settingsError({ image: 'a', [name]: v });
    expect(err.message).toBe(`input "${name}" has an invalid value "${v}"`);
    expect(err.hint).toBe(`set "${name}" to ${expected}.`);
  });

  it('Settings.batch is what batch mode reads on its own (parseBatchSettings)', () => {
    const values = {
      image: 'a',
      concurrency: '64',
      'image-timeout': '604800',
      resume: 'yes',
      tags: 'semver, /v.*/',
      'images-file': 'list.txt',
    };
    const batch = parseSettings(raw(values)).batch;
    expect(batch).toEqual({
      imagesFile: 'list.txt',
      tags: ['semver', '/v.*/'],
      concurrency: 64,
      resume: true,
      imageTimeoutSec: 604800,
    });
    expect(parseBatchSettings(raw(values))).toEqual(batch);
  });
});

describe('lists', () => {
  it('splits on commas and newlines, trimming and dropping empty items', () => {
    const s = parseSettings(
      raw({ image: 'a:1, b:2\nc:3\n\n', allowlist: 'one.yaml,\n two.yaml ,,three.yaml', updaters: 'debian , osv' }),
    );
    expect(s.images.map((i) => i.ref)).toEqual(['a:1', 'b:2', 'c:3']);
    expect(s.policy.allowlists).toEqual(['one.yaml', 'two.yaml', 'three.yaml']);
    expect(s.updaters).toEqual(['debian', 'osv']);
  });
});

describe('severity-threshold', () => {
  it.each([
    ['critical', 'Critical'],
    ['CRITICAL', 'Critical'],
    ['Medium', 'Medium'],
    ['negligible', 'Negligible'],
    ['unknown', 'Unknown'],
  ])('%s → %s', (text, sev) => {
    expect(parseSettings(raw({ image: 'a', 'severity-threshold': text })).policy.severityThreshold).toBe(sev);
  });

  it.each(['none', 'None', 'NONE'])('%s disables the threshold', (text) => {
    expect(parseSettings(raw({ image: 'a', 'severity-threshold': text })).policy.severityThreshold).toBeUndefined();
  });

  it('rejects a non-severity and lists the allowed values', () => {
    const err = settingsError({ image: 'a', 'severity-threshold': 'severe' });
    expect(err.message).toBe('input "severity-threshold" has an invalid value "severe"');
    expect(err.hint).toBe('set "severity-threshold" to one of unknown, negligible, low, medium, high, critical, none.');
  });
});

describe('choices', () => {
  it('image-source and pull are case-insensitive', () => {
    const s = parseSettings(raw({ image: 'a', 'image-source': 'Registry', pull: 'NEVER' }));
    expect(s.imageSource).toBe('registry');
    expect(s.pull).toBe('never');
  });

  it('a bad choice lists the allowed values', () => {
    const err = settingsError({ image: 'a', pull: 'sometimes' });
    expect(err.message).toBe('input "pull" has an invalid value "sometimes"');
    expect(err.hint).toBe('set "pull" to `missing`, `always`, `never`.');
    expect(settingsError({ image: 'a', 'image-source': 'podman' }).hint).toBe(
      'set "image-source" to `auto`, `docker`, `archive`, `registry`.',
    );
  });
});

describe('formats', () => {
  it('lower-cases and de-duplicates, keeping the given order', () => {
    const s = parseSettings(raw({ image: 'a', formats: 'SARIF, json\nsarif,Markdown' }));
    expect(s.reports.formats).toEqual(['sarif', 'json', 'markdown']);
  });

  it('accepts every known format', () => {
    expect(parseSettings(raw({ image: 'a', formats: REPORT_FORMATS.join(',') })).reports.formats).toEqual(
      REPORT_FORMATS,
    );
  });

  it('rejects an unknown format by name', () => {
    const err = settingsError({ image: 'a', formats: 'sarif,pdf' });
    expect(err.message).toBe('input "formats" has an invalid value "pdf"');
    expect(err.hint).toBe('set "formats" to a list of sarif, gitlab, markdown, html, json, cyclonedx, openvex, junit.');
  });
});

describe('clair-url', () => {
  it.each([
    ['http://clair:6060', 'http://clair:6060'],
    ['http://clair:6060/', 'http://clair:6060'],
    ['https://clair.internal///', 'https://clair.internal'],
    ['http://10.0.0.5:6060/prefix/', 'http://10.0.0.5:6060/prefix'],
  ])('%s → %s', (text, url) => {
    expect(parseSettings(raw({ image: 'a', 'clair-url': text })).clairUrl).toBe(url);
  });

  it.each(['clair:6060', 'ftp://clair', 'http://', 'http://clair 6060'])('rejects %s', (text) => {
    const err = settingsError({ image: 'a', 'clair-url': text });
    expect(err.message).toBe(`input "clair-url" has an invalid value "${text}"`);
    expect(err.hint).toMatch(/http\(s\) URL such as http:\/\/clair:6060/);
  });
});

describe('image', () => {
  it.each<Record<string, string>>([{}, { image: '' }, { image: '  \n ' }, { image: ' , \n,' }])(
    'missing image %j is an error with a hint',
    (values) => {
      const err = settingsError(values);
      expect(err.message).toBe('no image to scan was given');
      expect(err.hint).toMatch(/set the "image" input/);
      expect(err.hint).toMatch(/CLI: pass the image name as an argument/);
    },
  );

  it('each image keeps its own source prefix', () => {
    const s = parseSettings(raw({ image: 'docker:app:1\narchive:out/app.tar\nregistry:ghcr.io/o/app:2\nplain:3' }));
    expect(s.images).toEqual([
      { input: 'docker:app:1', ref: 'app:1', source: 'docker' },
      { input: 'archive:out/app.tar', ref: 'out/app.tar', source: 'archive' },
      { input: 'registry:ghcr.io/o/app:2', ref: 'ghcr.io/o/app:2', source: 'registry' },
      { input: 'plain:3', ref: 'plain:3' },
    ]);
  });
});

describe('parseImageRequest', () => {
  it.each([
    ['docker:myapp:ci', 'myapp:ci', 'docker'],
    ['archive:out/image.tar', 'out/image.tar', 'archive'],
    ['archive:/abs/image.tar:v2', '/abs/image.tar:v2', 'archive'],
    ['registry:ghcr.io/org/app:1.2', 'ghcr.io/org/app:1.2', 'registry'],
    ['registry:localhost:5000/app', 'localhost:5000/app', 'registry'],
  ])('%s → ref %s from %s', (input, ref, source) => {
    expect(parseImageRequest(input)).toEqual({ input, ref, source });
  });

  it.each([
    'myapp:ci',
    'ghcr.io/org/app:1.2',
    'localhost:5000/app',
    // A registry host called "docker" (or "registry", "archive") with a port, not a prefix.
    'docker:5000/app',
    'docker:5000/app:1.0',
    'registry:5000/team/app',
    // URL-like text is not a prefix either.
    'docker://myapp',
  ])('%s has no source prefix', (input) => {
    const r = parseImageRequest(input);
    expect(r).toEqual({ input, ref: input });
    expect(r.source).toBeUndefined();
  });
});

describe('output-dir is checked before anything starts', () => {
  const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
  const os = jest.requireActual<typeof import('node:os')>('node:os');
  const path = jest.requireActual<typeof import('node:path')>('node:path');
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-settings-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a path that exists as a file is rejected by name, with what to do', () => {
    const file = path.join(tmp, 'reports');
    fs.writeFileSync(file, 'not a directory');
    const err = settingsError({ image: 'a', 'output-dir': file });
    expect(err.message).toBe(`input "output-dir" ("${file}") exists and is not a directory`);
    expect(err.hint).toMatch(/remove or rename that file, or set "output-dir" to a directory path/);
    expect(err.exitCode).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a directory');
  });

  it('a path below a file cannot be created', () => {
    const file = path.join(tmp, 'file');
    fs.writeFileSync(file, '');
    const err = settingsError({ image: 'a', 'output-dir': path.join(file, 'sub', 'reports') });
    expect(err.message).toBe(
      `input "output-dir" ("${path.join(file, 'sub', 'reports')}") cannot be created: "${file}" is a file, not a directory`,
    );
  });

  it('an existing directory, or one that can be created, is accepted (and not created yet)', () => {
    expect(parseSettings(raw({ image: 'a', 'output-dir': tmp })).reports.outputDir).toBe(tmp);
    const later = path.join(tmp, 'x', 'y');
    expect(parseSettings(raw({ image: 'a', 'output-dir': later })).reports.outputDir).toBe(later);
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
  });

  // Root may write anywhere, so the permission case is shown as another user: a child process that parses the
  // settings, run as nobody (util-linux setpriv) when the tests run as root, as the same user otherwise.
  it('an unwritable parent is rejected', () => {
    const { spawnSync } = jest.requireActual<typeof import('node:child_process')>('node:child_process');
    const repo = path.resolve(__dirname, '../../..');
    fs.chmodSync(tmp, 0o755); // mkdtemp's 0700 would keep nobody out of the test's own directory
    const ro = path.join(tmp, 'ro');
    fs.mkdirSync(ro, { mode: 0o555 });
    const childTmp = path.join(tmp, 'child-tmp'); // tsx's cache: inside the test's directory, removed with it
    fs.mkdirSync(childTmp, { mode: 0o777 });
    fs.chmodSync(childTmp, 0o777);
    const prog = path.join(tmp, 'parse.ts');
    fs.writeFileSync(
      prog,
      `import { parseSettings } from ${JSON.stringify(path.join(repo, 'src/inputs/settings'))};
try {
  parseSettings((n) => ({ image: 'a', 'output-dir': ${JSON.stringify(path.join(ro, 'reports'))} } as Record<string, string>)[n]);
  console.log('accepted');
} catch (err) {
  console.log('rejected: ' + (err as Error).message);
}
`,
    );
    const asRoot = process.getuid?.() === 0;
    const cmd = [
      ...(asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : []),
      process.execPath,
      path.join(repo, 'node_modules/tsx/dist/cli.mjs'),
      prog,
    ];
    const r = spawnSync(cmd[0], cmd.slice(1), {
      cwd: tmp,
      encoding: 'utf8',
      timeout: 60000,
      env: { PATH: process.env.PATH, HOME: childTmp, TMPDIR: childTmp },
    });
    expect({ status: r.status, error: r.error?.message, stderr: r.stderr }).toEqual({
      status: 0,
      error: undefined,
      stderr: '',
    });
    expect(r.stdout).toMatch(/^rejected: input "output-dir" \(".*"\) cannot be created: ".*\/ro" is not writable/);
  });
});

describe('ecosystem conventions (issue 14)', () => {
  test('fail-on replaces the default severity-threshold; a threshold that is given applies too', () => {
    expect(parseSettings(raw({ image: 'a' })).policy.severityThreshold).toBe('High');
    expect(parseSettings(raw({ image: 'a', 'fail-on': 'critical>0' })).policy).toMatchObject({
      severityThreshold: undefined,
      failOn: 'critical>0',
    });
    expect(parseSettings(raw({ image: 'a', 'fail-on': 'high', 'severity-threshold': 'medium' })).policy).toMatchObject({
      severityThreshold: 'Medium',
      failOn: 'high',
    });
  });

  test('report-severities: a list of severities, checked by name', () => {
    expect(parseSettings(raw({ image: 'a', 'report-severities': 'critical, HIGH,high' })).reports.severities).toEqual([
      'Critical',
      'High',
    ]);
    expect(() => parseSettings(raw({ image: 'a', 'report-severities': 'critical,severe' }))).toThrow(
      /report-severities.*severe/,
    );
  });

  test.each([
    ['docker-archive:out/app.tar', 'archive', 'out/app.tar'],
    ['oci-archive:/tmp/app-oci.tar', 'archive', '/tmp/app-oci.tar'],
    ['archive:app.tar', 'archive', 'app.tar'],
    ['docker-archive:5000/app', undefined, 'docker-archive:5000/app'],
  ])('image prefix %s → source %s', (input, source, ref) => {
    expect(parseImageRequest(input)).toEqual({ input, ref, ...(source ? { source } : {}) });
  });
});

describe('vuln-data and layer-server-address are checked when parsed', () => {
  const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
  const os = jest.requireActual<typeof import('node:os')>('node:os');
  const path = jest.requireActual<typeof import('node:path')>('node:path');
  it('needs no file for online, URLs and oci://, nor with clair-url', () => {
    for (const v of ['online', 'ONLINE', 'https://x.example/d.json.zst', 'http://x/d', 'oci://ghcr.io/o/d:1'])
      expect(parseSettings(raw({ image: 'a', 'vuln-data': v })).vulnData).toBe(v);
    expect(
      parseSettings(raw({ image: 'a', 'vuln-data': '/nonexistent/d.json', 'clair-url': 'http://clair:6060' })).vulnData,
    ).toBe('/nonexistent/d.json');
  });

  it("rejects a missing or empty data file with the scan's messages", () => {
    expect(settingsError({ image: 'a', 'vuln-data': '/nonexistent/d.json' }).message).toBe(
      'vulnerability data file "/nonexistent/d.json" does not exist',
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-settings-'));
    try {
      fs.writeFileSync(path.join(dir, 'empty.json'), '');
      expect(settingsError({ image: 'a', 'vuln-data': path.join(dir, 'empty.json') }).message).toMatch(
        /is empty or not a file$/,
      );
      expect(settingsError({ image: 'a', 'vuln-data': dir }).message).toMatch(/is empty or not a file$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts host, host:port and [v6]:port as layer-server-address, nothing else', () => {
    for (const v of ['10.0.0.5', '10.0.0.5:8080', '[fd00::1]:8080'])
      expect(parseSettings(raw({ image: 'a', 'layer-server-address': v })).layerServerAddress).toBe(v);
    expect(settingsError({ image: 'a', 'layer-server-address': 'a]b' }).message).toBe(
      'layer-server-address "a]b" is not host or host:port',
    );
  });
});

describe('the default database image', () => {
  it("is of the default Clair image's version (a database image of another Clair version is refused)", () => {
    const s = parseSettings(raw({ image: 'myapp:ci' }));
    const clairVersion = /:(\d+\.\d+\.\d+)$/.exec(s.clairImage)?.[1];
    expect(clairVersion).toBeDefined();
    expect(s.vulnDbImage).toBe(`ghcr.io/clair-scan/clair-db:v${clairVersion}`);
  });
});
