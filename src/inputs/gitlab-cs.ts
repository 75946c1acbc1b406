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

/** Fills empty inputs of `raw` from the CS_* variables of `env`; says which in the log (a secret's value masked). */
export function applyContainerScanningVariables(raw: Map<string, string | undefined>, env: Record<string, string | undefined>): void {
  for (const [cs, input] of CONTAINER_SCANNING_INPUTS) {
    const value = env[cs];
    if (!value?.trim() || raw.get(input)?.trim()) continue;
    if (input === 'registry-password') log.mask(value);
    raw.set(input, value);
    log.info(`${input}: from GitLab's ${cs}${input === 'registry-password' ? '' : ` (${value.trim()})`}`);
  }
}
