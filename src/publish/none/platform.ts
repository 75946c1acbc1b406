/** No CI platform (`--ci-platform none`, and `auto` when no platform is detected): plain text, nothing published. */
import type { Platform } from '../platform';

export const none: Platform = {
  name: 'none',
  help: 'plain text',
  detect: () => false,
};
