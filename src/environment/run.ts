/**
 * One run (a scan or a batch): its id and state, a deadline and a timing for every phase, the Docker client, and
 * the cleanup that ends it whatever happened — shared by src/scan.ts and src/batch/run.ts.
 */
import type { Settings } from '../inputs/settings';
import { runPhase } from '../util/phase';
import { log } from '../util/log';
import { newRunId, type RunState, trackRun } from './run-state';
import { cleanupRun } from './cleanup';
import { DockerClient } from './docker';

/**
 * The long phases shown as a collapsible group in the CI log (util/log.ts `log.group`: GitHub groups, GitLab
 * sections). Per-image phases are grouped by the caller that runs images one at a time (scan.ts: one group per
 * image); groups never nest, so inside one these open none.
 */
export const PHASE_GROUPS: Record<string, string> = {
  pull: 'Pulling the PostgreSQL and Clair images',
  'start-postgres': 'Starting PostgreSQL',
  'start-clair': 'Starting Clair',
  'data-load': 'Loading vulnerability data',
};

/** Runs one phase under its deadline and records its time. */
export type PhaseTimer = <T>(phase: string, f: () => Promise<T>) => Promise<T>;

export interface Run {
  state: RunState;
  /** Seconds per phase, summed (for benchmarks and the log). */
  timings: Record<string, number>;
  time: PhaseTimer;
  /** The Docker client, made on first use (a scan against `clair-url` of a registry image needs none). */
  docker: () => DockerClient;
  /**
   * Ends the run: `first` (the layer server) closes, then — within the `cleanup` phase — `clair` and everything the
   * run state records. Call it in a `finally`.
   */
  end(closing: { first?: { close(): Promise<void> }; clair?: { close(): Promise<void> } }): Promise<void>;
}

/** A new run: its state is tracked (a fail-closed exit cleans it up) and handed to `onState` at once. */
export function startRun(settings: Settings, onState?: (s: RunState) => void): Run {
  const state: RunState = {
    runId: newRunId(),
    dockerHost: settings.dockerHost,
    tempDirs: [],
    ...(settings.clairMode === 'process' ? { noDocker: true } : {}),
  };
  const untrack = trackRun(state);
  onState?.(state);
  const timings: Record<string, number> = {};
  const deadlines = phaseDeadlines(settings);
  // Every phase runs under a deadline (fail closed: a stalled phase is an error naming it, never a silent end).
  const timed: PhaseTimer = async (phase, f) => {
    const t0 = process.hrtime.bigint();
    try {
      const d = deadlines[phase] ?? deadlines.default;
      return await runPhase(phase, d.ms, f, d.hint);
    } finally {
      timings[phase] = (timings[phase] ?? 0) + Number(process.hrtime.bigint() - t0) / 1e9;
    }
  };
  const time: PhaseTimer = (phase, f) =>
    PHASE_GROUPS[phase] ? log.group(phase, PHASE_GROUPS[phase], () => timed(phase, f)) : timed(phase, f);
  let docker: DockerClient | undefined;
  return {
    state,
    timings,
    time,
    docker: () => {
      // From now on the run may have containers (an image read from the daemon): cleanup asks the daemon.
      delete state.noDocker;
      return (docker ??= new DockerClient(settings.dockerHost));
    },
    end: async ({ first, clair }) => {
      await first?.close();
      try {
        await time('cleanup', async () => {
          await clair?.close();
          await cleanupRun(state);
        });
      } finally {
        untrack();
      }
    },
  };
}

interface PhaseDeadline {
  ms: number;
  hint: string;
}

/** How long each phase may take, from the timeout inputs; every phase has one. */
export function phaseDeadlines(settings: Settings): Record<string, PhaseDeadline> & { default: PhaseDeadline } {
  const startup = {
    ms: settings.startupTimeoutSec * 1000 + 30000,
    hint: 'PostgreSQL or Clair did not start in time: check the Docker daemon, or raise startup-timeout.',
  };
  const data = {
    ms: settings.dataTimeoutSec * 1000 + 30000,
    hint: "loading vulnerability data took too long: check the Docker daemon's disk and the data source, or raise data-timeout.",
  };
  const scanning = {
    ms: settings.scanTimeoutSec * 1000 + 30000,
    hint: 'Clair or the image source stopped answering: check them, or raise scan-timeout for very large images.',
  };
  const local = {
    ms: 10 * 60 * 1000,
    hint: 'this step does no network I/O; a stall here is a bug in clair-scan: please report it with this log.',
  };
  return {
    preflight: startup,
    pull: startup,
    'start-postgres': startup,
    'start-clair': startup,
    'data-load': data,
    data,
    'layer-server': { ms: 60000, hint: 'the layer server could not start: check layer-server-address.' },
    'image-export': scanning,
    index: scanning,
    match: scanning,
    compliance: scanning,
    normalize: local,
    policy: local,
    reports: {
      ms: 10 * 60 * 1000,
      hint: `writing the reports stalled: check that output-dir (${settings.reports.outputDir}) is on a healthy, writable disk.`,
    },
    cleanup: {
      ms: 5 * 60 * 1000,
      hint: 'removing the containers stalled: check the Docker daemon; leftovers carry the label io.clair-scan.run.',
    },
    default: scanning,
  };
}
