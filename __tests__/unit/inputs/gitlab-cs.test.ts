/**
 * GitLab's CS_* variables fill the clair-scan inputs they mean when the CLAIR_SCAN_ one is empty
 * (src/inputs/gitlab-cs.ts): CLAIR_SCAN_* wins; a password is masked; each mapping is said in the log.
 */
import { applyContainerScanningVariables } from '../../../src/inputs/gitlab-cs';
import { parseSettings } from '../../../src/inputs/settings';
import { setLogger, type Logger } from '../../../src/util/log';

const lines: string[] = [];
const masked: string[] = [];
let previous: Logger;
beforeEach(() => {
  lines.length = 0;
  masked.length = 0;
  previous = setLogger({
    info: (m) => lines.push(`info: ${m}`),
    warn: (m) => lines.push(`warn: ${m}`),
    debug: () => undefined,
    mask: (s) => void masked.push(s),
  });
});
afterEach(() => setLogger(previous));

const CS = {
  CS_IMAGE: 'registry.example.com/acme/shop:abc',
  CS_REGISTRY_USER: 'ci-user',
  CS_REGISTRY_PASSWORD: 's3cret-token',
  CS_IGNORE_UNFIXED: 'true',
  CS_REGISTRY_INSECURE: 'true',
  CS_DEFAULT_BRANCH_IMAGE: 'registry.example.com/acme/shop/main:latest',
  CS_DOCKERFILE_PATH: 'docker/app/Dockerfile',
};

test('each CS_* variable fills its empty input, and the settings read them as such', () => {
  const raw = new Map<string, string | undefined>([
    ['ignore-unfixed', ''],
    ['dockerfile', undefined],
  ]);
  applyContainerScanningVariables(raw, CS);
  expect(Object.fromEntries(raw)).toEqual({
    image: CS.CS_IMAGE,
    'registry-username': 'ci-user',
    'registry-password': 's3cret-token',
    'ignore-unfixed': 'true',
    'registry-insecure': 'true',
    'default-branch-image': CS.CS_DEFAULT_BRANCH_IMAGE,
    dockerfile: 'docker/app/Dockerfile',
  });
  const s = parseSettings((n) => raw.get(n));
  expect([
    s.images.length,
    s.policy.ignoreUnfixed,
    s.reports.ignoreUnfixed,
    s.registry.insecure,
    s.reports.defaultBranchImage,
    s.reports.dockerfile,
  ]).toEqual([1, true, true, true, CS.CS_DEFAULT_BRANCH_IMAGE, 'docker/app/Dockerfile']);
  expect(masked).toEqual(['s3cret-token']);
  expect(lines.join('\n')).not.toContain('s3cret-token');
  expect(lines).toContain("info: ignore-unfixed: from GitLab's CS_IGNORE_UNFIXED (true)");
  expect(lines).toContain("info: registry-insecure: from GitLab's CS_REGISTRY_INSECURE (true)");
});

test('a CLAIR_SCAN_* value wins over the CS_* one; empty CS_* variables change nothing', () => {
  const raw = new Map<string, string | undefined>([
    ['image', 'mine:1'],
    ['ignore-unfixed', 'false'],
    ['registry-insecure', 'false'],
  ]);
  applyContainerScanningVariables(raw, { ...CS, CS_DOCKERFILE_PATH: '  ', CS_DEFAULT_BRANCH_IMAGE: '' });
  expect([
    raw.get('image'),
    raw.get('ignore-unfixed'),
    raw.get('registry-insecure'),
    raw.has('dockerfile'),
    raw.has('default-branch-image'),
  ]).toEqual(['mine:1', 'false', 'false', false, false]);
});

test('GitLab variables clair-scan does not apply are named with the reason when set, not silently dropped', () => {
  applyContainerScanningVariables(new Map(), {
    CS_IGNORE_STATUSES: 'will_not_fix',
    CS_DOCKER_INSECURE: 'true',
    CS_QUIET: 'true',
    CI_APPLICATION_TAG: '',
  });
  expect(lines).toEqual([
    "warn: GitLab's CS_IGNORE_STATUSES is set but not applied by clair-scan: Clair reports no vendor fix statuses, only whether a fixed version exists (ignore-unfixed); allowlists and VEX suppress findings one by one (docs/gitlab-migration.md).",
    "warn: GitLab's CS_DOCKER_INSECURE is set but not applied by clair-scan: clair-scan never skips TLS certificate verification; trust a private CA with registry-ca-file (ADDITIONAL_CA_CERT_BUNDLE) (docs/gitlab-migration.md).",
  ]);
});

test('a bad CS_* value is rejected by name like the input it fills', () => {
  const raw = new Map<string, string | undefined>([['image', 'a:1']]);
  applyContainerScanningVariables(raw, { CS_IGNORE_UNFIXED: 'maybe' });
  expect(() => parseSettings((n) => raw.get(n))).toThrow(/input "ignore-unfixed" has an invalid value "maybe"/);
});
