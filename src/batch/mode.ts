/**
 * Whether inputs ask for batch mode — the one test both entry points route by (src/cli.ts, src/main.ts). A module
 * of its own, importing nothing: the action decides before it loads batch mode's chunk.
 */
import type { RawInputs } from '../inputs/settings';

/** Batch mode: an images-file, or a registry listing (a `*` pattern) among the images. */
export function isBatch(raw: RawInputs): boolean {
  if (raw('images-file')?.trim()) return true;
  return (raw('image') ?? '').split(/[\n,]/).some((l) => l.includes('*'));
}
