import { actionRawInputs, SECRET_INPUTS } from '../../../src/inputs/action-inputs';
import { parseSettings } from '../../../src/inputs/settings';
import { INPUTS } from '../../../src/inputs/definitions';

const envKey = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
let written: string[];
const origWrite = process.stdout.write.bind(process.stdout);

beforeEach(() => {
  for (const def of INPUTS) delete process.env[envKey(def.name)];
  written = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
});
afterEach(() => {
  process.stdout.write = origWrite;
  for (const def of INPUTS) delete process.env[envKey(def.name)];
});

test('reads INPUT_<NAME> with dashes kept, as the runner sets them', () => {
  process.env['INPUT_IMAGE'] = ' myapp:ci \n other:1 ';
  process.env['INPUT_SEVERITY-THRESHOLD'] = 'critical';
  process.env['INPUT_IGNORE-UNFIXED'] = 'true';
  process.env['INPUT_CLAIR-IMAGE'] = '';
  const s = parseSettings(actionRawInputs());
  expect(s.images.map((i) => i.ref)).toEqual(['myapp:ci', 'other:1']);
  expect(s.policy.severityThreshold).toBe('Critical');
  expect(s.policy.ignoreUnfixed).toBe(true);
  expect(s.clairImage).toBe(INPUTS.find((i) => i.name === 'clair-image')!.default);
});

test('masks every secret input as soon as the inputs are read', () => {
  const secrets: Record<string, string> = {};
  for (const name of SECRET_INPUTS) {
    secrets[name] = `s3cret-${name}-value`;
    process.env[envKey(name)] = secrets[name];
  }
  process.env.INPUT_IMAGE = 'myapp:ci';
  const raw = actionRawInputs();
  const out = written.join('');
  for (const name of SECRET_INPUTS) expect(out).toContain(`::add-mask::${secrets[name]}`);
  expect(raw('github-token')).toBe(secrets['github-token']);
  expect(parseSettings(raw).publish.gitlabToken).toBe(secrets['gitlab-token']);
});

test('the secret list covers every input whose description promises masking', () => {
  for (const def of INPUTS) if (/masked/i.test(def.description)) expect(SECRET_INPUTS).toContain(def.name);
});

test('an empty input is undefined, so the default applies', () => {
  process.env['INPUT_ARTIFACT-NAME'] = '   ';
  expect(actionRawInputs()('artifact-name')).toBeUndefined();
});
