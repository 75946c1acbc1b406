/**
 * The one logging seam. The CLI logs to stderr; the action swaps in @actions/core (annotations, groups,
 * masking). Modules call these functions, never console.* directly, so output stays in one place.
 */
export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  debug(msg: string): void;
  /** Register a secret so it is masked in every later log line. */
  mask(secret: string): void;
}

const masked: string[] = [];

/** `msg` with every registered secret replaced by `***` (for text written without the logger, e.g. errors). */
export function scrub(msg: string): string {
  let out = msg;
  for (const s of masked) if (s) out = out.split(s).join('***');
  return out;
}

const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`${scrub(m)}\n`),
  warn: (m) => process.stderr.write(`warning: ${scrub(m)}\n`),
  debug: (m) => {
    if (process.env.CLAIR_SCAN_DEBUG) process.stderr.write(`debug: ${scrub(m)}\n`);
  },
  mask: (s) => {
    if (s && !masked.includes(s)) masked.push(s);
  },
};

let current: Logger = stderrLogger;

/** Swaps the logger; returns the one it replaces (so a caller can put it back). */
export function setLogger(l: Logger): Logger {
  const previous = current;
  current = l;
  return previous;
}

export const log: Logger = {
  info: (m) => current.info(m),
  warn: (m) => current.warn(m),
  debug: (m) => current.debug(m),
  mask: (s) => {
    stderrLogger.mask(s);
    if (current !== stderrLogger) current.mask(s);
  },
};
