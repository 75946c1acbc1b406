/** Clair v4 HTTP API JSON shapes (httptransport + claircore JSON tags), only the fields we read, and the one way to read a report's packages (`packageRecords`). Imports nothing. */

export interface ClairManifest {
  hash: string;
  layers: { hash: string; uri: string; headers: Record<string, string[]> }[];
}

export interface ClairPackage {
  id: string;
  name: string;
  version: string;
  kind?: string;
  source?: ClairPackage;
  normalized_version?: string;
  module?: string;
  arch?: string;
  cpe?: string;
}

export interface ClairDistribution {
  id: string;
  did?: string;
  name?: string;
  version?: string;
  version_code_name?: string;
  version_id?: string;
  arch?: string;
  cpe?: string;
  pretty_name?: string;
}

export interface ClairRepository {
  id: string;
  name?: string;
  key?: string;
  uri?: string;
  cpe?: string;
}

/**
 * The language ecosystems, as Clair names their repositories (claircore's python, java, ruby, go and nodejs
 * indexers): the one list. OS "repositories" (e.g. RHEL CPE repositories) ride on the distribution instead.
 */
export const LANGUAGE_REPOSITORIES = ['pypi', 'maven', 'rubygems', 'go', 'npm'] as const;
export type LanguageRepository = (typeof LANGUAGE_REPOSITORIES)[number];

export function isLanguageRepository(name: string | undefined): name is LanguageRepository {
  return !!name && (LANGUAGE_REPOSITORIES as readonly string[]).includes(name);
}

/**
 * The repository key of Red Hat container images (claircore rhel/rhcc RepositoryKey): the rhcc scanner's "Red Hat
 * Container Catalog" repository and the rhel-vex updater's records for container images (OCI purls) carry it.
 */
export const RHCC_REPOSITORY_KEY = 'rhcc-container-repository';

/** Clair's `Environment`: where in the image a package was found (not to be confused with our ClairService). */
export interface ClairEnvironment {
  package_db?: string;
  introduced_in?: string;
  distribution_id?: string;
  repository_ids?: string[] | null;
}

export interface ClairIndexReport {
  manifest_hash: string;
  state: string;
  packages?: Record<string, ClairPackage>;
  distributions?: Record<string, ClairDistribution>;
  repository?: Record<string, ClairRepository>;
  environments?: Record<string, ClairEnvironment[]>;
  success: boolean;
  err: string;
}

export interface ClairVulnerability {
  id: string;
  updater?: string;
  name: string;
  description?: string;
  issued?: string;
  links?: string;
  severity?: string;
  normalized_severity?: string;
  package?: ClairPackage | null;
  distribution?: ClairDistribution | null;
  repository?: ClairRepository | null;
  fixed_in_version?: string;
  arch_op?: string;
}

export interface ClairVulnerabilityReport {
  manifest_hash: string;
  packages?: Record<string, ClairPackage>;
  distributions?: Record<string, ClairDistribution>;
  repository?: Record<string, ClairRepository>;
  environments?: Record<string, ClairEnvironment[]>;
  vulnerabilities?: Record<string, ClairVulnerability>;
  package_vulnerabilities?: Record<string, string[]>;
  enrichments?: Record<string, unknown[]>;
}

export interface ClairUpdateOperation {
  ref: string;
  updater: string;
  fingerprint?: string;
  date?: string;
  kind?: string;
}

/**
 * The one way to read an index (or vulnerability) report's packages with where they were found: one record per
 * (package, environment), with the environment's distribution and repositories looked up.
 */
export interface PackageRecord {
  packageId: string;
  package?: ClairPackage;
  environment: ClairEnvironment;
  distributionId?: string;
  distribution?: ClairDistribution;
  /** The environment's repository ids, each with its repository when the report has it. */
  repositories: { id: string; repository?: ClairRepository }[];
}

type ReportParts = Pick<ClairIndexReport, 'packages' | 'environments' | 'distributions' | 'repository'>;

/** Every (package, environment) of the report, in the report's order. */
export function packageRecords(report: ReportParts): PackageRecord[] {
  const out: PackageRecord[] = [];
  for (const [packageId, envs] of Object.entries(report.environments ?? {})) {
    for (const environment of envs ?? []) {
      const distributionId = environment.distribution_id || undefined;
      out.push({
        packageId,
        package: report.packages?.[packageId],
        environment,
        distributionId,
        distribution: distributionId ? report.distributions?.[distributionId] : undefined,
        repositories: (environment.repository_ids ?? []).map((id) => ({ id, repository: report.repository?.[id] })),
      });
    }
  }
  return out;
}

/** The first record of each package (where Clair first found it). */
export function firstRecordByPackage(report: ReportParts): Map<string, PackageRecord> {
  const first = new Map<string, PackageRecord>();
  for (const r of packageRecords(report)) if (!first.has(r.packageId)) first.set(r.packageId, r);
  return first;
}
