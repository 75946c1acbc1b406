/**
 * The normalized ScanResult as JSON, versioned by `schemaVersion` (see docs/result-format.md).
 * The only change: Clair's URL is dropped when it was the ephemeral loopback Clair (it means nothing later).
 */
import { ScanResult } from '../findings/model';

export function renderJson(result: ScanResult): string {
  const out: ScanResult = result.clair.ephemeral && result.clair.url !== undefined
    ? { ...result, clair: { version: result.clair.version, ephemeral: true } }
    : result;
  return `${JSON.stringify(out, null, 2)}\n`;
}
