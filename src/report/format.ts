/**
 * What a report format is: one object per format (its file exports it), listed once in formats.ts. The settings'
 * `formats` check, writeReports, the action's outputs and the platforms read the descriptors, never a table of
 * their own (docs/ARCHITECTURE.md: where to add a report format).
 */
import type { ScanResult, Severity } from '../findings/model';

/** The policy's per-finding part, for reports that show what fails the gate (JUnit): Settings['policy']'s fields. */
export interface ReportGate {
  severityThreshold?: Severity;
  failOn?: string;
  ignoreUnfixed: boolean;
  failOnNew?: boolean;
}

/** What a writer reads of Settings['reports'] (the format list aside: it is made of these descriptors). */
export interface ReportOptions {
  outputDir: string;
  dockerfile: string;
  severities?: Severity[];
  ignoreUnfixed?: boolean;
  gate?: ReportGate;
  /** The GitLab report's `location.default_branch_image` (default-branch-image). */
  defaultBranchImage?: string;
}

export interface ReportFormatDescriptor<N extends string = string> {
  /** The value in the `formats` input. */
  readonly name: N;
  /** The file written in output-dir. */
  readonly fileName: string;
  /** The media type of that file (for a platform that uploads it with one). */
  readonly contentType: string;
  /** The action output that holds the report's path, when the action has one for it. */
  readonly output?: { readonly name: string; readonly description: string };
  /**
   * What a CI platform reads this file as, beyond the report artifact: GitLab's `artifacts:reports` key, GitHub code
   * scanning, Jenkins' `junit` step. The pipelines name the file (templates/); this says which one they expect.
   */
  readonly platformReport?: {
    readonly gitlab?: 'container_scanning' | 'cyclonedx';
    readonly github?: 'code-scanning';
    readonly jenkins?: 'junit';
  };
  /** Writes the report to `dir/fileName` atomically (streamed, or rendered in memory for the small ones); returns its path. */
  write(dir: string, result: ScanResult, opts: ReportOptions): Promise<string>;
}
