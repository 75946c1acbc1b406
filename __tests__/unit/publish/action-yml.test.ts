import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { INPUTS, OUTPUTS } from '../../../src/inputs/definitions';

const root = join(__dirname, '../../..');
const action = YAML.parse(readFileSync(join(root, 'action.yml'), 'utf8'));

describe('action.yml agrees with src/inputs/definitions.ts', () => {
  test('runs the bundled main and post steps on node24', () => {
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/main/index.js', post: 'dist/post/index.js' });
    expect(action.name).toBeTruthy();
    expect(action.description).toBeTruthy();
    expect(action.branding).toMatchObject({ icon: expect.any(String), color: expect.any(String) });
  });

  test('exactly the inputs, in the same order, with the same description, default and required flag', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUTS.map((i) => i.name));
    for (const def of INPUTS) {
      const got = action.inputs[def.name];
      const want = def.actionDefault ?? def.default;
      expect({
        name: def.name,
        description: got.description,
        default: got.default ?? '',
        required: got.required,
      }).toEqual({
        name: def.name,
        description: def.description,
        default: want,
        required: !!def.required,
      });
      // YAML must keep defaults as strings (an unquoted `true` would be a boolean).
      if (got.default !== undefined) expect(typeof got.default).toBe('string');
    }
  });

  test('exactly the outputs with the same descriptions', () => {
    expect(Object.keys(action.outputs)).toEqual(OUTPUTS.map((o) => o.name));
    for (const o of OUTPUTS) expect(action.outputs[o.name].description).toBe(o.description);
  });
});

function section(text: string, name: string): string {
  const m = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(text);
  if (!m) throw new Error(`README.md has no ${name} markers`);
  return m[1];
}

/** Rows of the Markdown tables in `text`: cells split on unescaped pipes, `\|` unescaped. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*---/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, '|')),
    );
}

describe('README inputs/outputs table agrees with the definitions', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const table = rows(section(readme, 'inputs'));
  const byName = new Map(table.map((r) => [/^`([^`]+)`/.exec(r[0])?.[1] ?? r[0], r]));

  test('every input is listed with its default', () => {
    for (const def of INPUTS) {
      const row = byName.get(def.name);
      expect(row).toBeDefined();
      const want = def.actionDefault ?? def.default;
      expect({ name: def.name, default: row![2] }).toEqual({ name: def.name, default: want ? `\`${want}\`` : '' });
      expect(row![1]).toContain(def.description.slice(0, 40));
      expect(row![0].includes('(required)')).toBe(!!def.required);
    }
  });

  test('every output is listed', () => {
    for (const o of OUTPUTS) expect(byName.get(o.name)?.[1]).toBe(o.description);
  });

  test('nothing is listed that does not exist', () => {
    const known = new Set([...INPUTS.map((i) => i.name), ...OUTPUTS.map((o) => o.name), 'Input', 'Output']);
    for (const name of byName.keys()) expect(known.has(name) ? name : `unknown: ${name}`).toBe(name);
  });
});

describe('GitLab template agrees with the definitions', () => {
  const tpl = YAML.parse(readFileSync(join(root, 'templates/clair-scan.gitlab-ci.yml'), 'utf8'));
  // The job as GitLab resolves `extends:` (a hash merge, the job's own keys winning): by default the services mode.
  const withMode = (mode: string) => ({
    ...tpl[mode],
    ...tpl['clair-scan'],
    variables: { ...tpl[mode].variables, ...tpl['clair-scan'].variables },
  });
  const job = withMode(tpl['clair-scan'].extends);
  const dind = withMode('.clair-scan-dind');
  const envName = (n: string) => `CLAIR_SCAN_${n.toUpperCase().replace(/-/g, '_')}`;
  const gitlabDefaults: Record<string, string> = {
    // GitLab's own container-scanning variables, which the template defaults to the job's image and credentials.
    image: '$CS_IMAGE',
    'registry-username': '$CS_REGISTRY_USER',
    'registry-password': '$CS_REGISTRY_PASSWORD',
    'registry-host': '$CI_REGISTRY,$CI_SERVER_URL',
    // GitLab's private-CA variable (PEM text), defined empty in the template so an unset one expands to nothing.
    'registry-ca-file': '$ADDITIONAL_CA_CERT_BUNDLE',
    // GitLab's CS_* variables of the same meaning (empty by default: the input's default).
    'registry-insecure': '$CS_REGISTRY_INSECURE',
    'ignore-unfixed': '$CS_IGNORE_UNFIXED',
    dockerfile: '$CS_DOCKERFILE_PATH',
    'default-branch-image': '$CS_DEFAULT_BRANCH_IMAGE',
  };

  // What each mode sets differently from the input's default.
  const services: Record<string, string> = {
    'clair-mode': 'process',
    'postgres-url': 'postgres://clair@clair-db:5432/clair',
    'image-source': 'registry',
    'vuln-data': 'db-image:$CLAIR_SCAN_DB_IMAGE',
  };
  const dindDefaults: Record<string, string> = { 'vuln-data': 'db-image:$CLAIR_SCAN_DB_IMAGE' };

  test("a CLAIR_SCAN_ variable for every non-action-only input, with the same default (or the mode's), in both modes", () => {
    expect(tpl['clair-scan'].extends).toBe('.clair-scan-services');
    for (const [j, modeDefaults] of [
      [job, services],
      [dind, dindDefaults],
    ] as const) {
      for (const def of INPUTS.filter((i) => !i.actionOnly)) {
        expect({ name: def.name, value: j.variables[envName(def.name)] }).toEqual({
          name: def.name,
          value: modeDefaults[def.name] ?? gitlabDefaults[def.name] ?? def.default,
        });
      }
      // Besides the inputs: the CLI's explicit platform choice and the database image.
      const extra = Object.keys(j.variables).filter(
        (k) => k.startsWith('CLAIR_SCAN_') && !['CLAIR_SCAN_TOOL_IMAGE', 'CLAIR_SCAN_CI_PLATFORM'].includes(k),
      );
      expect(extra.sort()).toEqual(
        INPUTS.filter((i) => !i.actionOnly)
          .map((i) => envName(i.name))
          .sort(),
      );
      expect(j.variables.CLAIR_SCAN_CI_PLATFORM).toBe('gitlab');
    }
    expect(tpl.variables.CLAIR_SCAN_DB_IMAGE).toMatch(/^ghcr\.io\/clair-scan\/clair-db:v\d+\.\d+\.\d+$/);
    // The mode's own variables are not in the job's `variables:`, where they would win over the mode's.
    for (const mode of ['.clair-scan-services', '.clair-scan-dind']) {
      for (const k of Object.keys(tpl[mode].variables))
        expect({ k, inJob: k in tpl['clair-scan'].variables }).toEqual({ k, inJob: false });
    }
    // GitLab's CS_* defaults are top-level, where a user's top-level CS_IMAGE (as GitLab's docs set it) wins over them.
    expect(tpl.variables).toMatchObject({
      CS_IMAGE: '$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA',
      CS_REGISTRY_USER: '$CI_REGISTRY_USER',
      CS_REGISTRY_PASSWORD: '$CI_REGISTRY_PASSWORD',
    });
    expect(tpl.variables).toMatchObject({
      CS_IGNORE_UNFIXED: '',
      CS_REGISTRY_INSECURE: '',
      CS_DEFAULT_BRANCH_IMAGE: '',
      CS_DOCKERFILE_PATH: '',
    });
    expect(Object.keys(job.variables).filter((k) => k.startsWith('CS_'))).toEqual([]);
  });

  test('services mode: the database image as a service, no dind, no Docker; dind mode: the dind service over TLS', () => {
    expect(job.services).toEqual([
      { name: '$CLAIR_SCAN_DB_IMAGE', alias: 'clair-db', command: ['postgres', '-c', 'listen_addresses=*'] },
    ]);
    expect(JSON.stringify(job)).not.toMatch(/dind|"DOCKER_(HOST|TLS_\w+|CERT_PATH)"|privileged/);
    // The database image's public password in libpq's variable: in the (masked) URL it would blank out every "clair".
    expect(job.variables.PGPASSWORD).toBe('clair');
    expect(dind.services.map((s: { alias?: string; name: string }) => [s.name, s.alias])).toEqual([
      [expect.stringMatching(/^docker:.*dind$/), 'docker'],
    ]);
    // dind over TLS by default (docs/SECURITY.md).
    expect(dind.variables.DOCKER_HOST).toBe('tcp://docker:2376');
    expect(dind.variables.DOCKER_TLS_CERTDIR).toBe('/certs');
  });

  test('the container-scanning report and every report as artifacts, always', () => {
    expect(job.image.name).toBe('$CLAIR_SCAN_TOOL_IMAGE');
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports.container_scanning).toBe(
      `${job.variables.CLAIR_SCAN_OUTPUT_DIR}/gl-container-scanning-report.json`,
    );
    expect(job.artifacts.paths).toEqual([`${job.variables.CLAIR_SCAN_OUTPUT_DIR}/`]);
    expect(JSON.stringify(job)).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/); // no hand-found addresses
  });
});

describe('GitHub example workflows', () => {
  for (const file of ['container-scan.yml', 'scheduled-scan.yml']) {
    test(`${file}: permissions, this action, upload-sarif without a category (the SARIF's automationDetails is it)`, () => {
      const wf = YAML.parse(readFileSync(join(root, 'templates/github', file), 'utf8'));
      expect(wf.permissions).toEqual({ contents: 'read' });
      const job = Object.values(wf.jobs)[0] as {
        permissions: Record<string, string>;
        steps: { uses?: string; with?: Record<string, string>; id?: string; if?: string }[];
      };
      expect(job.permissions['security-events']).toBe('write');
      const scan = job.steps.find((s) => s.uses?.includes('clair-scan'));
      expect(scan?.id).toBe('scan');
      for (const k of Object.keys(scan!.with!)) expect(INPUTS.map((i) => i.name)).toContain(k);
      const sarif = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
      // upload-sarif applies `category` only to runs without automationDetails.id, and every run of ours has one.
      expect(sarif?.with?.category).toBeUndefined();
      expect(sarif?.with?.sarif_file).toBe('${{ steps.scan.outputs.sarif }}');
      expect(sarif?.if).toContain('always()');
    });
  }
  test('the fleet workflow: batch mode (images-file) with known inputs, and only outputs the action has', () => {
    const text = readFileSync(join(root, 'templates/github/fleet-scan.yml'), 'utf8');
    const wf = YAML.parse(text);
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const job = wf.jobs.scan;
    const scan = job.steps.find((s: { id?: string }) => s.id === 'scan');
    expect(scan.uses).toMatch(/^clair-scan\/clair-scan@/);
    expect(scan.with['images-file']).toBeTruthy();
    for (const k of Object.keys(scan.with)) expect(INPUTS.map((i) => i.name)).toContain(k);
    const used = [...text.matchAll(/steps\.scan\.outputs\.([a-z-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const o of used) expect(OUTPUTS.map((x) => x.name)).toContain(o);
  });
  test('the PR workflow builds with load: true and may comment', () => {
    const wf = YAML.parse(readFileSync(join(root, 'templates/github/container-scan.yml'), 'utf8'));
    const job = wf.jobs.scan;
    expect(job.permissions['pull-requests']).toBe('write');
    const build = job.steps.find((s: { uses?: string }) => s.uses?.startsWith('docker/build-push-action'));
    expect(build.with.load).toBe(true);
    const scan = job.steps.find((s: { id?: string }) => s.id === 'scan');
    expect(build.with.tags).toBe(scan.with.image);
  });
});
