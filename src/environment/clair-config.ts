/**
 * The generated Clair config (combo mode). Users never have to write one; if they give one (`clair-config`),
 * it is merged over ours as a Clair drop-in, and ours is merged again last so that connection strings and
 * listen addresses stay the ones this run controls.
 */
import { stringify } from 'yaml';
import { isLanguageRepository, RHCC_REPOSITORY_KEY } from '../clair/types';
import { FAMILY_BY_DID, UPDATER_SET } from '../clair/updater-names';

export interface ClairConfigParams {
  connString: string;
  httpListen: string;
  introspectionListen: string;
  /** Offline data: forbid the indexer any non-private network access. */
  airgap: boolean;
  logLevel?: string;
  /**
   * Base64 key for Clair's `auth.psk`: every ephemeral Clair gets a random one, so its API (which binds a
   * non-loopback address next to a remote daemon such as dind) answers only this run.
   */
  psk?: string;
  /**
   * A real Red Hat repository-to-CPE mapping file is placed at OFFLINE_MAPPING_FILES.repo2cpe (`rhel-repo2cpe`):
   * the RHEL repository scanner reads it instead of fetching one (online too, so runs are reproducible).
   */
  repo2cpeFile?: boolean;
  /**
   * A real Red Hat container name-to-repositories mapping file is placed at OFFLINE_MAPPING_FILES.name2repos
   * (`rhel-name2repos`): the rhel_containerscanner reads it instead of fetching one (online too, so runs are
   * reproducible).
   */
  name2reposFile?: boolean;
  /** Where the mapping files are (default OFFLINE_MAPPING_FILES, in the container; clair-mode: process has its own). */
  mappingFiles?: { repo2cpe: string; name2repos: string };
}

function authSection(p: ClairConfigParams): object {
  return p.psk ? { auth: { psk: { key: p.psk, iss: ['clair-scan'] } } } : {};
}

/** Where the Red Hat mapping files are placed in /config: empty ones for offline runs, or the user's (`rhel-repo2cpe`, `rhel-name2repos`). */
export const OFFLINE_MAPPING_FILES = { repo2cpe: '/config/repo2cpe.json', name2repos: '/config/name2repos.json' };

export function generateClairConfig(p: ClairConfigParams): string {
  const mapping = p.mappingFiles ?? OFFLINE_MAPPING_FILES;
  return stringify({
    http_listen_addr: p.httpListen,
    introspection_addr: p.introspectionListen,
    log_level: p.logLevel ?? 'info',
    ...authSection(p),
    indexer: {
      connstring: p.connString,
      migrations: true,
      airgap: p.airgap,
      scanner: {
        package: {
          // Maven's search API costs 2 s per jar and needs the internet (clair-v4.md §8.5).
          java: { disable_api: true },
          // Offline, Red Hat's mapping files cannot be fetched, and without one these scanners fail EVERY
          // index ("unable to create a mappingFile object"): give them empty local ones (RHEL repository
          // CPEs then stay unknown, and a container image's only repository name is its `name` label; a user
          // supplies real mapping files with rhel-repo2cpe / rhel-name2repos).
          ...(p.airgap || p.name2reposFile
            ? { rhel_containerscanner: { name2repos_mapping_file: mapping.name2repos } }
            : {}),
        },
        // Without repository CPEs (an empty mapping) RHEL packages cannot be matched: the coverage proof
        // (vuln-data.ts) refuses such an image instead of reporting it clean.
        ...(p.airgap || p.repo2cpeFile
          ? { repo: { 'rhel-repository-scanner': { repo2cpe_mapping_file: mapping.repo2cpe } } }
          : {}),
      },
    },
    matcher: {
      connstring: p.connString,
      migrations: true,
      // Data comes from `clairctl import-updaters` (offline bundle, or an export run for the image's distributions).
      disable_updaters: true,
    },
    // Combo mode always builds the notifier and blocks until this connects (clair-v4.md §3, §8.2).
    notifier: { connstring: p.connString, migrations: true },
  });
}

/** The drop-in that re-asserts what this run must control, applied after a user's drop-in. */
export function enforcedDropIn(p: ClairConfigParams): string {
  return JSON.stringify({
    http_listen_addr: p.httpListen,
    introspection_addr: p.introspectionListen,
    ...authSection(p),
    indexer: { connstring: p.connString },
    matcher: { connstring: p.connString },
    notifier: { connstring: p.connString },
  });
}

/** Clair updater sets for `vuln-data: online`, from what the index found. */
export function updaterSetsFor(dists: { did?: string }[], repos: { name?: string; key?: string }[]): string[] {
  const sets = new Set<string>();
  for (const d of dists) {
    const family = d.did ? FAMILY_BY_DID[d.did] : undefined;
    const set = family ? UPDATER_SET[family] : undefined;
    if (set) sets.add(set);
  }
  for (const r of repos) {
    if (isLanguageRepository(r.name)) sets.add(UPDATER_SET.osv);
    // Red Hat container images are matched by rhel-vex's container records.
    if (r.key === RHCC_REPOSITORY_KEY) sets.add(UPDATER_SET.rhel);
  }
  return [...sets].sort();
}
