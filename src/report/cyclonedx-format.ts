/**
 * The CycloneDX format's descriptor, apart from cyclonedx.ts: the writer and @cyclonedx/cyclonedx-library (~0.3 MB
 * with its serializers and SPDX list) are loaded when an SBOM is written (src/util/lazy.ts), so the action starts
 * without reading them.
 */
import { writeChunksAtomic } from './common';
import type { ReportFormatDescriptor } from './format';
import type { BundleRequire } from '../util/lazy';

declare const require: BundleRequire;

const loadCycloneDx = (): Promise<typeof import('./cyclonedx')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!([], () => ok(require('./cyclonedx') as typeof import('./cyclonedx')), fail, 'cyclonedx'),
      )
    : Promise.resolve(require('./cyclonedx') as typeof import('./cyclonedx'));

export const cyclonedxFormat: ReportFormatDescriptor<'cyclonedx'> = {
  name: 'cyclonedx',
  fileName: 'clair-scan.cdx.json',
  contentType: 'application/vnd.cyclonedx+json',
  output: { name: 'sbom', description: 'Path of the CycloneDX SBOM.' },
  platformReport: { gitlab: 'cyclonedx' },
  write: async (dir, result) =>
    (await writeChunksAtomic(
      dir,
      cyclonedxFormat.fileName,
      (await loadCycloneDx()).cycloneDxReportChunks(result),
    )) as string,
};
