/**
 * Which Clair updater covers which distribution or language ecosystem, by the updater's NAME — all an existing
 * Clair (`clair-url`) tells us about its data. A name of a known claircore v1.5.x form counts only for its own
 * distribution and release (or ecosystem); a name of no known form counts when it names the distribution id or
 * its updater set.
 * The name forms: docs/decisions/clair-updater-names.md.
 */
import { isLanguageRepository, RHCC_REPOSITORY_KEY, type ClairDistribution, type ClairRepository } from './types';

export interface CoverageSubject {
  distribution?: ClairDistribution;
  repository?: ClairRepository;
}

export type Family = 'debian' | 'ubuntu' | 'alpine' | 'rhel' | 'oracle' | 'aws' | 'photon' | 'suse' | 'osv';

/** The updater family of a distribution, by its os-release ID (the one list of them). */
export const FAMILY_BY_DID: Record<string, Family> = {
  debian: 'debian',
  ubuntu: 'ubuntu',
  alpine: 'alpine',
  rhel: 'rhel',
  centos: 'rhel',
  rocky: 'rhel',
  almalinux: 'rhel',
  ol: 'oracle',
  amzn: 'aws',
  photon: 'photon',
  suse: 'suse',
  sles: 'suse',
  'opensuse-leap': 'suse',
};

/** The Clair updater set (`updaters.sets`) of a family, as claircore v1.5.48 registers it (Red Hat's: `rhel-vex`). */
export const UPDATER_SET: Record<Family, string> = {
  debian: 'debian',
  ubuntu: 'ubuntu',
  alpine: 'alpine',
  rhel: 'rhel-vex',
  oracle: 'oracle',
  aws: 'aws',
  photon: 'photon',
  suse: 'suse',
  osv: 'osv',
};

interface Known {
  family: Family;
  /** The release (or ecosystem) the name is for; undefined: all releases of the family. */
  release?: string;
}

/** The family and release a real claircore updater name is for; undefined for any other name. */
export function parseUpdaterName(name: string): Known | undefined {
  const n = name.trim();
  let m: RegExpExecArray | null;
  if (n === 'debian/updater') return { family: 'debian' };
  if ((m = /^ubuntu\/updater\/([a-z]+)$/.exec(n))) return { family: 'ubuntu', release: m[1] };
  if ((m = /^alpine-[a-z]+-(v\d+\.\d+|edge)-updater$/.exec(n))) return { family: 'alpine', release: m[1] };
  if (n === 'rhel-vex') return { family: 'rhel' };
  if ((m = /^oracle-(\d{4}|all)-updater$/.exec(n))) return { family: 'oracle' };
  if ((m = /^aws-(AL\d*)-updater$/.exec(n))) return { family: 'aws', release: m[1] };
  if ((m = /^photon-updater-photon(\d+)$/.exec(n))) return { family: 'photon', release: `${m[1]}.0` };
  if ((m = /^photon-updater-(\d+\.\d+)$/.exec(n))) return { family: 'photon', release: m[1] };
  if ((m = /^suse-updater-suse\.linux\.enterprise\.server\.(\d+)$/.exec(n)))
    return { family: 'suse', release: `sles-${m[1]}` };
  if ((m = /^suse-updater-opensuse\.leap\.(\d+\.\d+)$/.exec(n))) return { family: 'suse', release: `leap-${m[1]}` };
  if (/^suse-updater-\S+$/.test(n)) return { family: 'suse' };
  if ((m = /^osv\/(\S+)$/.exec(n))) return { family: 'osv', release: m[1].toLowerCase() };
  return undefined;
}

/** The release name an updater of `family` uses for this distribution; undefined when it cannot be told. */
function releaseOf(family: Family, d: ClairDistribution): string | undefined {
  const vid = (d.version_id || '').trim();
  switch (family) {
    case 'ubuntu':
      return (d.version_code_name || '').trim().toLowerCase() || undefined;
    case 'alpine': {
      if (/edge/i.test(`${d.version_id ?? ''} ${d.pretty_name ?? ''} ${d.version ?? ''}`)) return 'edge';
      const mm = /^(\d+)\.(\d+)/.exec(vid) ?? /v?(\d+)\.(\d+)/.exec(d.pretty_name ?? '');
      return mm ? `v${mm[1]}.${mm[2]}` : undefined;
    }
    case 'aws':
      if (vid === '2') return 'AL2';
      if (vid === '2023' || vid.startsWith('2023.')) return 'AL2023';
      if (/^20\d\d\.\d\d$/.test(vid)) return 'AL1';
      return undefined;
    case 'photon': {
      const mm = /^(\d+)(?:\.(\d+))?/.exec(vid || d.version || '');
      return mm ? `${mm[1]}.${mm[2] ?? '0'}` : undefined;
    }
    case 'suse': {
      // claircore's suse scanner: SLES as its major release ("15"), Leap as major.minor ("15.5").
      const did = (d.did ?? '').toLowerCase();
      const v = vid || (d.version ?? '').trim();
      const mm = did === 'sles' ? /^\d+/.exec(v) : did === 'opensuse-leap' ? /^\d+\.\d+/.exec(v) : null;
      return mm ? `${did === 'sles' ? 'sles' : 'leap'}-${mm[0]}` : undefined;
    }
    default:
      return undefined;
  }
}

/** Does data from the updater `name` cover `t` (a distribution or a language repository)? */
export function updaterCovers(name: string, t: CoverageSubject): boolean {
  const known = parseUpdaterName(name);
  if (t.distribution) {
    const did = (t.distribution.did ?? '').toLowerCase();
    const set = FAMILY_BY_DID[did];
    if (known) {
      if (!set || known.family !== set) return false;
      if (known.release === undefined) return true;
      const want = releaseOf(known.family, t.distribution);
      // An image whose release we cannot tell is covered by any release's data (as the matcher decides).
      return want === undefined || want.toLowerCase() === known.release.toLowerCase();
    }
    // Another updater (custom, older Clair): it must name the distribution or its set. Short ids such as
    // "ol" are matched only as a whole word.
    return [did, set].some((k) => !!k && mentions(name, k));
  }
  // Red Hat container images: rhel-vex's container records (another updater must name rhcc or rhel-vex).
  if (t.repository?.key === RHCC_REPOSITORY_KEY)
    return known ? known.family === 'rhel' : mentions(name, 'rhcc') || mentions(name, UPDATER_SET.rhel);
  const repo = (t.repository?.name ?? '').toLowerCase();
  if (!isLanguageRepository(repo)) return false;
  if (known) return known.family === 'osv' && known.release === repo;
  return mentions(name, repo);
}

/** `name` contains `key`; a key of two letters or fewer ("ol", "go") only as a whole word. */
function mentions(name: string, key: string): boolean {
  const lower = name.toLowerCase();
  return key.length > 2 ? lower.includes(key) : new RegExp(`(^|[^a-z])${key}([^a-z]|$)`).test(lower);
}
