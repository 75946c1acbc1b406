/**
 * The GitHub Actions cache as a DataCache (src/data/cache.ts), through @actions/cache 5 (CommonJS). With Cache
 * Service v2 (`ACTIONS_CACHE_SERVICE_V2`, GitHub-hosted runners) it speaks twirp to `ACTIONS_RESULTS_URL`
 * (`github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL | CreateCacheEntry |
 * FinalizeCacheEntryUpload`, bearer `ACTIONS_RUNTIME_TOKEN`) and moves the entry — a zstd tar of the cache dir —
 * to and from the signed blob-storage URLs it answers; otherwise the legacy `_apis/artifactcache` API at
 * `ACTIONS_CACHE_URL`. Imported only by the action's main step, so the CLI bundle does not carry it; loaded on first
 * use (src/util/lazy.ts), so the main step starts without it.
 */
import { errorMessage } from '../util/errors';
import type { BundleRequire } from '../util/lazy';
import { log } from '../util/log';
import type { DataCache } from './cache';

declare const require: BundleRequire;
/** @actions/cache, loaded on first use: a chunk of its own in the bundles (src/util/lazy.ts). */
const loadCache = (): Promise<typeof import('@actions/cache')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!([], () => ok(require('@actions/cache') as typeof import('@actions/cache')), fail, 'cache'),
      )
    : Promise.resolve(require('@actions/cache') as typeof import('@actions/cache'));

export function githubDataCache(): DataCache {
  return {
    restore: async (dir, key, prefix) => {
      try {
        return await (await loadCache()).restoreCache([dir], key, [prefix]);
      } catch (err) {
        log.warn(`Restoring the vulnerability-data cache failed (${errorMessage(err)}); Clair's updaters will run.`);
        return undefined;
      }
    },
    save: async (dir, key) => {
      try {
        return (await (await loadCache()).saveCache([dir], key)) !== -1;
      } catch (err) {
        log.warn(`Saving the vulnerability data to the cache failed: ${errorMessage(err)}`);
        return false;
      }
    },
  };
}

/** The runner offers a cache service to this step (a runtime token and the service URL for its protocol). */
export async function githubCacheAvailable(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return !!env.ACTIONS_RUNTIME_TOKEN && (await loadCache()).isFeatureAvailable();
}
