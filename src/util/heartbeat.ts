/**
 * A progress line every few seconds while a long phase runs ("Loading vulnerability data: 120 MB of 210 MB,
 * 14 s"), so a CI log never goes quiet for minutes. The timer is unref'd: a heartbeat alone must never keep the
 * process alive (the fail-closed guard in util/phase.ts relies on a stalled run letting the event loop drain).
 */
import { log } from './log';

export interface Heartbeat {
  stop(): void;
}

export function startHeartbeat(what: string, detail: () => string = () => '', intervalMs = 10000): Heartbeat {
  const started = Date.now();
  const timer = setInterval(() => {
    const d = detail();
    log.info(`${what}: ${d ? `${d}, ` : ''}${Math.round((Date.now() - started) / 1000)} s …`);
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
