/**
 * non-root: the image's configured user (Config.User) must not be root.
 *
 * Root is: empty (Docker's default), `root`, any all-zero uid (`0`, `00`), with or without a group
 * (`0:0`, `root:root`, `0:<any>`, `root:<any>`), and a group-only value (`:0`, `:1000`) because the user
 * part is then the default, root. A non-root user with group 0 (`1000:0`, `app:root`) passes: that is the
 * OpenShift convention for arbitrary uids (files group-owned by 0), and the process has no root privileges.
 * A user *name* other than root is trusted as written: we do not read /etc/passwd to see whether it maps to uid 0.
 */
import type { ComplianceFinding, ImageInfo } from '../../findings/model';
import type { ComplianceCheck } from './check';

export const NON_ROOT_RULE = 'non-root';

export function isRootUser(user: string): boolean {
  const u = user.trim();
  const name = u.split(':')[0].trim();
  if (name === '' || name === 'root') return true;
  return /^\d+$/.test(name) && Number(name) === 0;
}

export function checkNonRoot(info: ImageInfo): ComplianceFinding[] {
  if (!isRootUser(info.user)) return [];
  const shown = info.user.trim() === '' ? 'no USER is set, so it runs as root' : `USER is "${info.user.trim()}"`;
  return [
    {
      kind: 'compliance',
      key: `${info.name}|${NON_ROOT_RULE}`,
      rule: NON_ROOT_RULE,
      title: 'Image runs as root',
      message:
        `The image's configured user (Config.User) is root: ${shown}. ` +
        'Add `USER <uid>` with a non-zero numeric uid (e.g. `USER 10001`) to the Dockerfile after the steps that need root, ' +
        'or allowlist rule "non-root" for this image with a reason.',
      severity: 'High',
    },
  ];
}

export const nonRootCheck: ComplianceCheck = {
  inputs: ['check-non-root'],
  enabled: (p) => p.checkNonRoot === true,
  label: () => 'check-non-root',
  owns: (rule) => rule === NON_ROOT_RULE,
  readsLayers: false,
  run: async (image) => checkNonRoot(image.info),
};
