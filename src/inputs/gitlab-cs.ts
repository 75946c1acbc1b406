/**
 * GitLab's Container Scanning variables (`CS_*`) that mean what a clair-scan input means: in GitLab CI (the CLI's
 * ci-platform `gitlab`) each fills its input when the `CLAIR_SCAN_*` variable (or flag) is empty, so
 * `CLAIR_SCAN_*` wins. The include template also maps them in its job's variables; the CI/CD component and a job of
 * the user's own rely on this. docs/gitlab-migration.md has the table of every CS_* variable.
 */
import { log } from '../util/log';

/** `[GitLab variable, clair-scan input]`, in the order they are applied. */
export const CONTAINER_SCANNING_INPUTS: readonly (readonly [string, string])[] = [
  ['CS_IMAGE', 'image'],
  ['CS_REGISTRY_USER', 'registry-username'],
  ['CS_REGISTRY_PASSWORD', 'registry-password'],
  ['CS_IGNORE_UNFIXED', 'ignore-unfixed'],
  ['CS_REGISTRY_INSECURE', 'registry-insecure'],
  ['CS_DEFAULT_BRANCH_IMAGE', 'default-branch-image'],
  ['CS_DOCKERFILE_PATH', 'dockerfile'],
];

/**
 * GitLab variables with no clair-scan meaning that change what GitLab's analyzer reports: named with the reason when
 * set, so that a migrated pipeline does not silently lose (or keep) a setting. None of them can loosen the gate.
 */
export const CONTAINER_SCANNING_NOT_APPLIED: Readonly<Record<string, string>> = {
  CS_IGNORE_STATUSES:
    'Clair reports no vendor fix statuses, only whether a fixed version exists (ignore-unfixed); allowlists and VEX suppress findings one by one',
  CS_DOCKER_INSECURE:
    'clair-scan never skips TLS certificate verification; trust a private CA with registry-ca-file (ADDITIONAL_CA_CERT_BUNDLE)',
  CS_DISABLE_LANGUAGE_VULNERABILITY_SCAN: 'clair-scan always reports the language packages Clair finds',
  CI_APPLICATION_REPOSITORY:
    'the image is CS_IMAGE (or CLAIR_SCAN_IMAGE), by default $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA',
  CI_APPLICATION_TAG: 'the image is CS_IMAGE (or CLAIR_SCAN_IMAGE), by default $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA',
};

/** Fills empty inputs of `raw` from the CS_* variables of `env`; says which in the log (a secret's value masked). */
export function applyContainerScanningVariables(
  raw: Map<string, string | undefined>,
  env: Record<string, string | undefined>,
): void {
  for (const [cs, input] of CONTAINER_SCANNING_INPUTS) {
    const value = env[cs];
    if (!value?.trim() || raw.get(input)?.trim()) continue;
    if (input === 'registry-password') log.mask(value);
    raw.set(input, value);
    log.info(`${input}: from GitLab's ${cs}${input === 'registry-password' ? '' : ` (${value.trim()})`}`);
  }
  for (const [name, why] of Object.entries(CONTAINER_SCANNING_NOT_APPLIED)) {
    if (env[name]?.trim())
      log.warn(`GitLab's ${name} is set but not applied by clair-scan: ${why} (docs/gitlab-migration.md).`);
  }
}
