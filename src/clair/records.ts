/**
 * The one way to read an index (or vulnerability) report's packages with where they were found: one record per
 * (package, environment), with the environment's distribution and repositories looked up.
 */
import type { ClairDistribution, ClairEnvironment, ClairIndexReport, ClairPackage, ClairRepository } from './types';

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
