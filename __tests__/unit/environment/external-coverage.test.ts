/**
 * clair-url's data check (environment/index.ts openExternal, issue 23): which updaters have data is asked once per
 * run, not once per image — a shared Clair's updaters only add data while it runs. A target the cached answer does
 * not cover is asked again before it is refused, so new data is seen and a real gap is still exit 2.
 */
import { ClairClient } from '../../../src/clair/client';
import type { ClairIndexReport } from '../../../src/clair/types';
import { openClairService } from '../../../src/environment';
import type { Settings } from '../../../src/inputs/settings';
import type { RunState } from '../../../src/environment/run-state';
import { expectScanError } from '../../helpers/errors';

const settings = { clairUrl: 'http://127.0.0.1:9', scanTimeoutSec: 10 } as Settings;
const state: RunState = { runId: 'unit-external-coverage', tempDirs: [] };

/** An index report with one dpkg package of Debian 12. */
function debianIndex(hash: string): ClairIndexReport {
  return {
    manifest_hash: hash,
    state: 'IndexFinished',
    success: true,
    packages: { '1': { id: '1', name: 'openssl', version: '3.0.11-1', kind: 'binary' } },
    distributions: {
      '1': {
        id: '1',
        did: 'debian',
        name: 'Debian GNU/Linux',
        version: '12 (bookworm)',
        version_id: '12',
        version_code_name: 'bookworm',
      },
    },
    repository: {},
    environments: { '1': [{ package_db: 'var/lib/dpkg/status', introduced_in: 'sha256:aa', distribution_id: '1' }] },
  } as unknown as ClairIndexReport;
}

const op = [{ ref: 'r', updater: 'debian/updater', fingerprint: 'f', date: '2026-01-01T00:00:00Z' }];

async function service() {
  return openClairService(
    settings,
    () => {
      throw new Error('no Docker for clair-url');
    },
    state,
    async (_p, f) => f(),
    {} as never,
  );
}

afterEach(() => jest.restoreAllMocks());

it('covered: one update-operations request for many images', async () => {
  const ask = jest
    .spyOn(ClairClient.prototype, 'updateOperations')
    .mockResolvedValue({ 'debian/updater': op } as never);
  const env = await service();
  for (let i = 0; i < 5; i++) await env.ensureData(debianIndex(`sha256:${i}`), `image-${i}`);
  expect(ask).toHaveBeenCalledTimes(1);
  await env.close();
});

it('not covered by the cached answer: asked again (data loaded meanwhile is seen), then cached again', async () => {
  const ask = jest
    .spyOn(ClairClient.prototype, 'updateOperations')
    .mockResolvedValueOnce({} as never)
    .mockResolvedValue({ 'debian/updater': op } as never);
  const env = await service();
  await env.ensureData(debianIndex('sha256:1'), 'image-1');
  await env.ensureData(debianIndex('sha256:2'), 'image-2');
  expect(ask).toHaveBeenCalledTimes(2);
  await env.close();
});

it('still not covered after asking again: refused (exit 2), each time on an answer asked for it', async () => {
  const ask = jest
    .spyOn(ClairClient.prototype, 'updateOperations')
    .mockResolvedValue({ 'alpine/updater': op } as never);
  const env = await service();
  for (const i of [1, 2]) {
    const err = await expectScanError(env.ensureData(debianIndex(`sha256:${i}`), `image-${i}`));
    expect(err.message).toMatch(/^Clair has no vulnerability data for Debian.* \(found in image-\d\); refusing/);
  }
  // Image 1: the first answer, then a fresh one; image 2: the cached (fresh) one misses, asked once more.
  expect(ask).toHaveBeenCalledTimes(3);
  await env.close();
});

it('asked when the service opens, beside the first export and index; the images use that answer', async () => {
  const ask = jest
    .spyOn(ClairClient.prototype, 'updateOperations')
    .mockResolvedValue({ 'debian/updater': op } as never);
  const env = await service();
  expect(ask).toHaveBeenCalledTimes(1); // before any image was indexed
  await env.ensureData(debianIndex('sha256:1'), 'image-1');
  await env.ensureData(debianIndex('sha256:2'), 'image-2');
  expect(ask).toHaveBeenCalledTimes(1);
  await env.close();
});

it('a failed request is not cached: the next image asks again (the one made at opening included)', async () => {
  const ask = jest
    .spyOn(ClairClient.prototype, 'updateOperations')
    .mockRejectedValueOnce(new Error('connection reset at opening'))
    .mockRejectedValueOnce(new Error('connection reset'))
    .mockResolvedValue({ 'debian/updater': op } as never);
  const env = await service();
  await expect(env.ensureData(debianIndex('sha256:1'), 'image-1')).rejects.toThrow(/^connection reset$/);
  await env.ensureData(debianIndex('sha256:2'), 'image-2');
  expect(ask).toHaveBeenCalledTimes(3);
  await env.close();
});
