/**
 * data/: vulnerability data as a thing of its own — where a run's data comes from (source.ts: file, URL, `oci://`
 * → a verified bundle), its snapshot format (snapshot.ts), OCI artifacts (oci.ts), `clair-scan data …` (export.ts,
 * cli.ts) and the online-data cache (cache.ts, github-cache.ts).
 *
 * May import: util/, clair/, image/ (registry auth, temp dirs), inputs/ and environment/ (data/ runs clairctl in the
 * run's Clair container). environment/ does not import data/: a caller of openClairService hands it the loader
 * below (docs/ARCHITECTURE.md).
 */
import type { Settings } from '../inputs/settings';
import type { VulnDataLoader } from '../environment';
import type { RunState } from '../environment/run-state';
import { fetchOnline } from '../environment/vuln-data';
import { prepareVulnData, type PreparedData } from './source';
import { parseMaxAge, type MemberName, type SnapshotMembers } from './snapshot';
import { serviceDataTrust, useDbImage } from './db-image';
import { activeDataCache, cacheDir, loadOnlineWithCache } from './cache';
import { loadDataPublicKey } from './signing';

/** Where the loader leaves the exploit-data members the run's vulnerability data carries (issue 22, data/exploit.ts). */
export interface DataMembersSink {
  snapshot?: PreparedData['members'];
  /** A database image's members, read from its running container and checked against its labels (db-image.ts). */
  image?: { label: string; members?: SnapshotMembers; bytes: Partial<Record<MemberName, Buffer>> };
}

/** The run's vulnerability data, as openClairService loads it into an ephemeral Clair. */
export function vulnDataLoader(settings: Settings, state: RunState, members?: DataMembersSink): VulnDataLoader {
  return {
    prepare: async (target) => {
      const prepared = await prepareVulnData(settings, state, target);
      if (members && prepared.members) members.snapshot = prepared.members;
      return prepared;
    },
    maxAgeMs: () => parseMaxAge(settings.vulnDataMaxAge),
    dbImage: (docker, timeoutMs) => useDbImage(settings, docker, timeoutMs, members),
    serviceTrust: () => serviceDataTrust(settings),
    loadOnline: async (target, sets) => {
      // The action's vulnerability-data cache (input `cache`): a fresh cached snapshot instead of the updaters.
      const cache = activeDataCache();
      if (!cache) {
        await fetchOnline(target.docker, target.clair, sets, settings.dataTimeoutSec * 1000, { pg: target.pg, state });
        return [];
      }
      const publicKey = settings.vulnDataPublicKey ? loadDataPublicKey(settings.vulnDataPublicKey) : undefined;
      const loaded = await loadOnlineWithCache(
        {
          ...target,
          state,
          cache,
          maxAge: settings.vulnDataMaxAge,
          timeoutMs: settings.dataTimeoutSec * 1000,
          dir: cacheDir(),
          publicKey,
        },
        sets,
      );
      return loaded.notes;
    },
  };
}
