/**
 * Whether Clair already indexed a manifest, asked before an image is exported (image/known.ts decides what to
 * skip with it). Known means: Clair has a stored index report of exactly this digest, in state IndexFinished and
 * successful, whose packages were found only in the layers given, and the indexer state it answered with is its
 * current one. Anything else — no report, another state, another layer, an error asking — is "not known", and
 * the image is exported as before. May import util/ only.
 */
import { errorMessage } from '../util/errors';
import type { ClairClient } from './client';

export interface KnownVerdict {
  known: boolean;
  /** For the log line: why the export is skipped or not. */
  why: string;
  /** The common case of a manifest Clair has never seen (debug, not info). */
  quiet?: boolean;
}

export function clairKnows(client: Pick<ClairClient, 'storedIndexReport' | 'indexState'>): {
  check(hash: string, layerDigests: string[]): Promise<KnownVerdict>;
} {
  return {
    async check(hash, layerDigests) {
      const short = `${hash.slice(0, 19)}…`;
      try {
        const stored = await client.storedIndexReport(hash);
        if (!stored) return { known: false, why: `Clair has no index report of ${short}`, quiet: true };
        const r = stored.report;
        if (r.manifest_hash !== hash)
          return {
            known: false,
            why: `Clair answered with the report of another manifest (${String(r.manifest_hash).slice(0, 19)}…)`,
          };
        if (r.state !== 'IndexFinished' || r.success !== true)
          return {
            known: false,
            why: `Clair's index report of ${short} is in state ${r.state}${r.success ? '' : ', unsuccessful'}`,
          };
        // Clair never checks a manifest digest: a report whose packages come from other layers is not this image's.
        const layers = new Set(layerDigests);
        for (const envs of Object.values(r.environments ?? {})) {
          for (const e of envs ?? []) {
            if (e.introduced_in && !layers.has(e.introduced_in))
              return {
                known: false,
                why: `Clair's index report of ${short} names a layer this image does not have (${e.introduced_in.slice(0, 19)}…)`,
              };
          }
        }
        const state = await client.indexState();
        if (stored.etag !== `"${state}"`)
          return {
            known: false,
            why: `Clair's indexer state changed while it was asked (${stored.etag ?? 'none'} then "${state}")`,
          };
        return {
          known: true,
          why: `Clair already has a finished index report of this exact content (${short}, indexer state ${state})`,
        };
      } catch (err) {
        return { known: false, why: `asking Clair for its index report failed (${errorMessage(err)})` };
      }
    },
  };
}
