/**
 * Heartbeat for long phases (data export, copy, import, push, pull, verify): one log line at least every 10 s with
 * the phase, the elapsed time and how far it got (bytes, records), so a CI log never goes quiet for minutes.
 * The timer is unref'd: a heartbeat alone never keeps the process alive.
 */
import { log } from '../util/log';

export interface Progress {
  /** Updates what the next heartbeat line reports. */
  bytes: number;
  records: number;
  stop(): void;
}

export function startProgress(phase: string, opts: { totalBytes?: number; intervalMs?: number } = {}): Progress {
  const started = Date.now();
  const p: Progress = {
    bytes: 0,
    records: 0,
    stop: () => clearInterval(timer),
  };
  const timer = setInterval(() => {
    const parts: string[] = [];
    if (p.bytes)
      parts.push(opts.totalBytes ? `${formatBytes(p.bytes)} of ${formatBytes(opts.totalBytes)}` : formatBytes(p.bytes));
    if (p.records) parts.push(`${p.records.toLocaleString('en-US')} records`);
    parts.push(`${formatDuration(Date.now() - started)} elapsed`);
    log.info(`${phase}: ${parts.join(', ')} …`);
  }, opts.intervalMs ?? 10_000);
  timer.unref();
  return p;
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

/** 4 s, 2 min 5 s, 3 h 20 min, 2 d 4 h. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
  const d = Math.floor(h / 24);
  return `${d} d${h % 24 ? ` ${h % 24} h` : ''}`;
}
