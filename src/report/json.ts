/**
 * The normalized ScanResult as JSON, versioned by `schemaVersion` (see docs/result-format.md).
 * The only change: Clair's URL is dropped when it was the ephemeral loopback Clair (it means nothing later).
 */
import { ScanResult } from '../findings/model';
import { jsonChunks } from './json-stream';
import { writeChunksAtomic } from './common';
import type { ReportFormatDescriptor } from './format';

function jsonView(result: ScanResult): ScanResult {
  return result.clair.ephemeral && result.clair.url !== undefined
    ? { ...result, clair: { version: result.clair.version, ephemeral: true } }
    : result;
}

export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(jsonView(result), null, 2)}\n`;
}

/** The same text as renderJson, in chunks (one per finding/package at most): what writeReports writes. */
export function* jsonReportChunks(result: ScanResult): Generator<string> {
  yield* jsonChunks(jsonView(result), 2, 4);
  yield '\n';
}

export const jsonFormat: ReportFormatDescriptor<'json'> = {
  name: 'json',
  fileName: 'clair-scan-result.json',
  contentType: 'application/json',
  output: { name: 'json', description: 'Path of the normalized JSON result.' },
  write: async (dir, result) => (await writeChunksAtomic(dir, jsonFormat.fileName, jsonReportChunks(result))) as string,
};
