/** Per-phase timings of a run (environment/run.ts records them): for the result file and the log's last line. */

/** Seconds per phase, rounded to milliseconds, in the order the phases first ran. */
export function phaseSeconds(timings: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(timings).map(([phase, s]) => [phase, Math.round(s * 1000) / 1000]));
}

/** One log line: "Phase times (s): preflight 0.04, start-clair 4.21, …; wall 23.5". */
export function formatTimings(timings: Record<string, number>, wallSeconds?: number): string {
  const phases = Object.entries(timings).map(([phase, s]) => `${phase} ${s.toFixed(2)}`);
  return `Phase times (s): ${phases.join(', ') || 'none'}${wallSeconds === undefined ? '' : `; wall ${wallSeconds.toFixed(1)}`}`;
}
