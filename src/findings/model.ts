/**
 * The one normalized model every policy, reporter and publisher reads: made by `normalize.ts` from Clair's
 * VulnerabilityReport (plus the image metadata the source knows), annotated by the policy (`allowlisted`, `verdict`).
 * The `json` reporter writes it, so it is versioned: bump `RESULT_SCHEMA_VERSION` on any breaking change and describe
 * it in docs/result-format.md.
 *
 * findings/ holds the model and what only reads or rewrites it: normalize.ts (Clair report → model), redact.ts
 * (secrets out of image history), delta.ts (baseline comparison).
 * May import: util/ and clair/types only (checked by __tests__/unit/architecture.test.ts).
 */

export const RESULT_SCHEMA_VERSION = '1.2.0';

/** Clair's normalized severities, least to most severe. */
export const SEVERITIES = ['Unknown', 'Negligible', 'Low', 'Medium', 'High', 'Critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Index in SEVERITIES, for ordering: higher is more severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** Case-insensitive parse; undefined when the text is not a severity name. */
export function parseSeverity(text: string): Severity | undefined {
  const t = text.trim().toLowerCase();
  return SEVERITIES.find((s) => s.toLowerCase() === t);
}

export interface Distribution {
  /** Clair's distribution id inside one report (not stable across scans). */
  id: string;
  /** os-release ID, e.g. "debian", "alpine". */
  did: string;
  name: string;
  version: string;
  versionId: string;
  versionCodeName: string;
  prettyName: string;
  arch: string;
  cpe: string;
}

/** Package ecosystem as used in package URLs (purl type). */
export type Ecosystem = 'deb' | 'apk' | 'rpm' | 'pypi' | 'maven' | 'gem' | 'golang' | 'npm' | 'generic';

export interface Package {
  /** Clair's package id inside one report (not stable across scans). */
  id: string;
  name: string;
  version: string;
  /** "binary" or "source" (Clair's kind). */
  kind: string;
  /** The source package, when Clair knows it (e.g. Debian `Source:`, apk origin). */
  source?: { name: string; version: string };
  ecosystem: Ecosystem;
  arch: string;
  /** Package URL (https://github.com/package-url/purl-spec), e.g. pkg:deb/debian/openssl@3.0.11-1?arch=amd64&distro=debian-12 */
  purl: string;
  /** Digest of the layer that introduced the package (Clair's environments[].introduced_in), if known. */
  layer?: string;
  /** Where the package database lives in the image (Clair's package_db), e.g. "var/lib/dpkg/status". */
  packageDb?: string;
  distribution?: Distribution;
  /** Language repository (Clair's repository name), e.g. "pypi", "maven". */
  repository?: string;
}

export interface Cvss {
  /** Base score, 0.0–10.0. */
  score: number;
  vector?: string;
  version?: string;
}

/** Why a finding does not count toward the gate. Set by the policy; reporters show it. */
export interface AllowlistMatch {
  /** Where the entry is: "path/to/file.yaml:12". */
  source: string;
  reason: string;
  /** ISO date (YYYY-MM-DD) the entry stops applying, if any. */
  expires?: string;
}

export interface VulnerabilityFinding {
  kind: 'vulnerability';
  /**
   * Stable identity: same image name (no tag/digest) + package name + vulnerability id → same key,
   * whatever the image digest. Used for SARIF fingerprints, GitLab ids, allowlist bookkeeping.
   */
  key: string;
  /** The vulnerability's display id: a CVE id when Clair's name/links carry one, else Clair's name. */
  id: string;
  /** Other ids for the same issue (CVE, GHSA, DSA, ALAS, ...), de-duplicated, not including `id`. */
  aliases: string[];
  /** Clair's vulnerability `name` as reported (may differ from `id`, e.g. "DSA-1234-1 openssl"). */
  name: string;
  severity: Severity;
  /** The distribution's own severity text (Clair `severity`), may be empty. */
  rawSeverity: string;
  cvss?: Cvss;
  description: string;
  /** Reference URLs, de-duplicated. */
  links: string[];
  /** When the vulnerability was published (ISO), if known. */
  issued?: string;
  /** Clair updater that provided the record, e.g. "debian/updater". */
  updater: string;
  package: Package;
  /** Version that fixes it; undefined when there is no fix yet. */
  fixedIn?: string;
  fixable: boolean;
  /** Set by the policy when an allowlist entry (or a VEX statement) covers this finding. */
  allowlisted?: AllowlistMatch;
  /** Set when the scan was compared with a baseline (src/findings/delta.ts). */
  baselineState?: BaselineState;
  /** In the CISA KEV catalogue (by `id` or an alias; findings/enrich.ts). Absent: not listed, or no KEV data (see ScanResult.enrichment). */
  kev?: { cve: string; dateAdded: string; dueDate: string; ransomware: boolean };
  /** FIRST EPSS score of `id` or an alias (the highest, if several). Absent: not scored, or no EPSS data. */
  epss?: { cve: string; score: number; percentile: number; date: string };
}

/** Which exploit data enriched the findings (ScanResult.enrichment); a missing member means "not enriched". */
export interface Enrichment {
  kev?: { version: string; date: string };
  epss?: { modelVersion: string; date: string };
}

/** A result of an image compliance check (non-root, secrets, base image). Allowlistable like a vulnerability. */
export interface ComplianceFinding {
  kind: 'compliance';
  /** Stable identity: image name + rule + location. */
  key: string;
  /** The check's rule id, e.g. "non-root", "secret/aws-access-key", "required-base-image". */
  rule: string;
  /** Human title, e.g. "Image runs as root". */
  title: string;
  /** What was found and what to do. Never contains a secret's value. */
  message: string;
  severity: Severity;
  /** Layer digest (diff id) where it was found, if it is about a layer. */
  layer?: string;
  /** Path inside the image, if it is about a file. */
  path?: string;
  allowlisted?: AllowlistMatch;
  /** Set when the scan was compared with a baseline (src/findings/delta.ts). */
  baselineState?: BaselineState;
}

export type Finding = VulnerabilityFinding | ComplianceFinding;

export interface LayerInfo {
  /** sha256 of the layer blob as served to Clair. */
  digest: string;
  /** sha256 of the uncompressed tar (the config's rootfs.diff_ids entry). */
  diffId: string;
  size?: number;
  /** The Dockerfile instruction that created it, from the image history, if known. */
  createdBy?: string;
}

export interface ImageInfo {
  /** The reference as the user gave it, e.g. "myapp:1.2" or "archive:out/image.tar". */
  ref: string;
  /** Repository name without registry, tag or digest; stable across builds, e.g. "myapp" or "org/myapp". */
  name: string;
  tag?: string;
  source: 'docker' | 'archive' | 'registry';
  /** The manifest digest sent to Clair (synthetic for daemon/archive images; stable per content). */
  manifestDigest: string;
  /** Image id: the config digest. */
  imageId: string;
  repoDigests: string[];
  os?: string;
  architecture?: string;
  /** `platform: all`: the platform (`os/arch[/variant]`) of the index this result is for; `ref` ends in it too. */
  platform?: string;
  /** Configured user (Config.User), "" when unset (= root). */
  user: string;
  created?: string;
  labels: Record<string, string>;
  layers: LayerInfo[];
}

export interface ImageResult {
  image: ImageInfo;
  distributions: Distribution[];
  /** Every package Clair found (for the SBOM), vulnerable or not. */
  packages: Package[];
  vulnerabilities: VulnerabilityFinding[];
  compliance: ComplianceFinding[];
  /** Informational notes about this scan, e.g. "no packages found"; NOTHING_TO_MATCH_NOTE is a warning. */
  notes: string[];
}

/**
 * The note of an image in which Clair recognised no distribution and no package: no vulnerability could be looked
 * up, which is NOT a clean result. Every report and the log say so (a warning); the gate still decides on findings.
 */
export const NOTHING_TO_MATCH_NOTE =
  'nothing Clair can match was found in this image: Clair recognised no distribution and no packages, so no vulnerability could be looked up. ' +
  'This is not a clean result. Images FROM scratch, static binaries and distroless images without a package database look like this; ' +
  'scan an image that has a package database (dpkg, apk, rpm) or language packages Clair indexes.';

/** True when Clair recognised neither a distribution nor a package in the image (see NOTHING_TO_MATCH_NOTE). */
export function nothingToMatch(img: Pick<ImageResult, 'distributions' | 'packages'>): boolean {
  return img.distributions.length === 0 && img.packages.length === 0;
}

export type SeverityCounts = Record<Severity, number>;

export function emptyCounts(): SeverityCounts {
  return { Unknown: 0, Negligible: 0, Low: 0, Medium: 0, High: 0, Critical: 0 };
}

/** The gate's decision. Written by the policy; every report shows it. */
export interface Verdict {
  /** "pass" or "fail" as the policy decided (even when `enforced` is false). */
  status: 'pass' | 'fail';
  /** False in report-only mode (`fail: false`): the exit code stays 0 whatever the status. */
  enforced: boolean;
  /** One line per failed rule, e.g. "2 findings at or above High (threshold: high)". */
  reasons: string[];
  /** The rules that were evaluated, human readable, e.g. ["severity-threshold: high", "fail-on: high>0 || medium>=3"]. */
  rules: string[];
  /** Counts of findings that count toward the gate (after allowlist and ignore-unfixed), per severity. */
  counted: SeverityCounts;
  /** Allowlist entries whose expiry date has passed (they no longer apply). */
  expiredEntries: AllowlistEntryRef[];
  /** Allowlist entries that matched no finding. */
  unusedEntries: AllowlistEntryRef[];
}

export interface AllowlistEntryRef {
  /** "file.yaml:12" */
  source: string;
  id: string;
  reason: string;
  expires?: string;
}

export interface ScanResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  tool: { name: 'clair-scan'; version: string };
  /** Clair that did the matching. `url` is omitted from reports when it is an ephemeral loopback Clair. */
  clair: { version?: string; ephemeral: boolean; url?: string };
  startedAt: string;
  finishedAt: string;
  images: ImageResult[];
  /** Undefined until the policy has run. */
  verdict?: Verdict;
  /** The comparison with a baseline result (src/findings/delta.ts); absent when no baseline was compared. */
  delta?: Delta;
  /** Why there is no (or only a partial) delta although a baseline was asked for, e.g. "the baseline is of another image". */
  baselineNotes?: string[];
  /**
   * Images a baseline was asked for but not compared with (unusable, unfetchable or of other images): every finding of
   * these is `baselineState: "new"`, the safe reading for `fail-on-new` and `new.*` rules; `baselineNotes` says why.
   */
  baselineUncompared?: string[];
  /**
   * The allowlist / VEX files as the change under review has them vs the base branch (policy/base.ts): which differ,
   * and the findings the changed files suppress that the base's do not. With `fromBase` the base's versions decided
   * (input policy-from-base) and these suppressions were not applied. Absent outside a pull / merge request.
   */
  policyChange?: PolicyChange;
  /**
   * Seconds per phase of the run (preflight, start-clair, data-load, image-export, index, data, match, …, policy), in
   * the order they first ran, summed over images; the phases before the reports were written (the log's last line
   * also has reports and cleanup). Absent in results not written by a scan.
   */
  timings?: Record<string, number>;
  /**
   * The exploit data (CISA KEV, FIRST EPSS) the findings were enriched with (1.2.0). Absent, or a member absent: that
   * data was not applied, so a finding without `kev`/`epss` is "not enriched", never "not exploited".
   */
  enrichment?: Enrichment;
}

/** Policy files changed by the change under review (ScanResult.policyChange). */
export interface PolicyChange {
  /** The base the files were compared with, e.g. "main (a1b2c3d4e5f6)". */
  base: string;
  /** Files (as given in the inputs) whose content differs from the base's, or that the base does not have. */
  changed: string[];
  /** Files whose base version could not be read (with why): their base suppresses nothing. */
  unreadable: string[];
  /** The base's versions decided the verdict (policy-from-base); `suppressed` then were not applied. */
  fromBase: boolean;
  /** Findings suppressed by the change's policy files and not by the base's, most severe first. */
  suppressed: { id: string; severity: Severity; image: string; package?: string; by: string }[];
}

/**
 * Where a finding stands against the baseline, by its stable `key`: `new` (not in the baseline), `unchanged`, or
 * `updated` (in the baseline with another installed version, fixed-in version or severity). SARIF's fourth state,
 * `absent`, is a baseline finding that is gone: those are `Delta.fixed`.
 */
export type BaselineState = 'new' | 'unchanged' | 'updated';

/** A baseline finding that this scan no longer has. */
export interface FixedFinding {
  key: string;
  kind: 'vulnerability' | 'compliance';
  /** Vulnerability id, or the compliance rule id. */
  id: string;
  severity: Severity;
  /** Image name (no tag). */
  image: string;
  package?: { name: string; version: string };
  fixedIn?: string;
  /** Compliance findings: the title. */
  title?: string;
}

export interface Delta {
  baseline: {
    /** Where it came from, e.g. "file baseline.json" or "GitHub run 123 (main), artifact clair-scan-reports". */
    source: string;
    schemaVersion: string;
    toolVersion?: string;
    finishedAt?: string;
    /** Image names compared (in both results). */
    images: string[];
  };
  /** Per state and severity, over vulnerability and compliance findings that are not allowlisted. */
  counts: { new: SeverityCounts; updated: SeverityCounts; unchanged: SeverityCounts; fixed: SeverityCounts };
  /** Baseline findings (not allowlisted there) that are gone, most severe first. */
  fixed: FixedFinding[];
}

/** Counts per severity over vulnerabilities (and compliance findings when `includeCompliance`). */
export function countBySeverity(
  findings: Iterable<Finding>,
  opts: { onlyFixable?: boolean; skipAllowlisted?: boolean } = {},
): SeverityCounts {
  const c = emptyCounts();
  for (const f of findings) {
    if (opts.skipAllowlisted && f.allowlisted) continue;
    if (opts.onlyFixable && f.kind === 'vulnerability' && !f.fixable) continue;
    c[f.severity]++;
  }
  return c;
}

/** Most severe first, then by id, package name, image: the order every report uses. */
export function compareFindings(a: VulnerabilityFinding, b: VulnerabilityFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (b.cvss?.score ?? 0) - (a.cvss?.score ?? 0) ||
    a.id.localeCompare(b.id) ||
    a.package.name.localeCompare(b.package.name) ||
    a.package.version.localeCompare(b.package.version)
  );
}
