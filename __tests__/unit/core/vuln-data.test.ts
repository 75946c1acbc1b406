import { assertCovered, coverageTargets, CoverageTarget } from '../../../src/environment/vuln-data';
import type { ClairIndexReport } from '../../../src/clair/types';
import { ClairScanError } from '../../../src/util/errors';

const DEBIAN = { id: '1', did: 'debian', name: 'Debian GNU/Linux', version: '12 (bookworm)', version_id: '12', pretty_name: 'Debian GNU/Linux 12 (bookworm)' };
const ALPINE = { id: '2', did: 'alpine', name: 'Alpine Linux', version: '', version_id: '3.19.1', pretty_name: '' };
const UNUSED = { id: '3', did: 'ubuntu', name: 'Ubuntu', version: '22.04', pretty_name: 'Ubuntu 22.04' };

function indexReport(): ClairIndexReport {
  return {
    manifest_hash: `sha256:${'a'.repeat(64)}`,
    state: 'IndexFinished',
    success: true,
    err: '',
    packages: {},
    distributions: { '1': DEBIAN, '2': ALPINE, '3': UNUSED, '4': { id: '4', did: 'wolfi' } },
    repository: {
      '10': { id: '10', name: 'pypi', uri: 'https://pypi.org/simple' },
      '11': { id: '11', name: 'pypi', uri: 'https://other.index/simple' },
      '12': { id: '12', name: 'maven' },
      '13': { id: '13', name: 'cpe:/o:redhat:enterprise_linux:9::baseos', key: 'rhel-cpe-repository' },
      '14': { id: '14', name: 'go' },
    },
    environments: {
      p1: [{ package_db: 'var/lib/dpkg/status', distribution_id: '1', repository_ids: null }],
      p2: [{ package_db: 'var/lib/dpkg/status', distribution_id: '1', repository_ids: ['13'] }],
      p3: [
        { package_db: 'usr/lib/python3/site-packages/a.dist-info', distribution_id: '1', repository_ids: ['10'] },
        { package_db: 'opt/venv/site-packages/a.dist-info', distribution_id: '', repository_ids: ['11'] },
      ],
      p4: [{ package_db: 'lib/apk/db/installed', distribution_id: '2' }],
      p5: [{ package_db: 'app.jar', repository_ids: ['12', '99'] }],
      // A distribution id that the report does not describe is skipped.
      p6: [{ package_db: 'x', distribution_id: '77' }],
      // Distribution 4 without pretty name, name or version is labelled by its did.
      p7: [{ package_db: 'lib/apk/db/installed', distribution_id: '4' }],
    },
  };
}

describe('coverageTargets', () => {
  it('lists the distributions and language repositories the packages belong to, once each', () => {
    const targets = coverageTargets(indexReport());
    expect(targets.map((t) => t.label)).toEqual(['Debian GNU/Linux 12 (bookworm)', 'Alpine Linux', 'wolfi', 'pypi packages', 'maven packages']);
    expect(targets[0]).toEqual({ label: 'Debian GNU/Linux 12 (bookworm)', distribution: DEBIAN });
    expect(targets[1]).toEqual({ label: 'Alpine Linux', distribution: ALPINE });
    // The first pypi repository stands for all of them; the OS (CPE) repository is not a target.
    expect(targets[3]).toEqual({ label: 'pypi packages', repository: { id: '10', name: 'pypi', uri: 'https://pypi.org/simple' } });
    expect(targets[4]).toEqual({ label: 'maven packages', repository: { id: '12', name: 'maven' } });
    // Ubuntu (no package in it) and the go repository (no package in it) are not targets.
    expect(targets.some((t) => t.distribution?.did === 'ubuntu' || t.repository?.name === 'go')).toBe(false);
  });

  it('an index without environments has nothing to cover', () => {
    expect(coverageTargets({ manifest_hash: 'x', state: 'IndexFinished', success: true, err: '' })).toEqual([]);
  });

  it('labels a distribution by name and version when it has no pretty name', () => {
    const r = indexReport();
    r.distributions = { '1': { id: '1', did: 'debian', name: 'Debian GNU/Linux', version: '11 (bullseye)' } };
    r.environments = { p: [{ distribution_id: '1' }] };
    expect(coverageTargets(r).map((t) => t.label)).toEqual(['Debian GNU/Linux 11 (bullseye)']);
  });
});

describe('assertCovered', () => {
  const [debian, alpine, , pypi] = coverageTargets(indexReport());

  function failure(coverage: Map<CoverageTarget, number>, source: string): ClairScanError {
    try {
      assertCovered('myapp:ci', coverage, source);
    } catch (err) {
      if (err instanceof ClairScanError) return err;
      throw err;
    }
    throw new Error('assertCovered passed but should have thrown');
  }

  it('passes when every target has data', () => {
    expect(() => assertCovered('myapp:ci', new Map([[debian, 120], [pypi, 3]]), 'online')).not.toThrow();
    expect(() => assertCovered('myapp:ci', new Map(), 'online')).not.toThrow();
  });

  it('names every target without data and refuses to call the image clean', () => {
    const err = failure(new Map([[debian, 0], [alpine, 5], [pypi, 0]]), 'online');
    expect(err.message).toBe('Clair has no vulnerability data for Debian GNU/Linux 12 (bookworm), pypi packages (found in myapp:ci); refusing to report the image as clean');
    expect(err.exitCode).toBe(2);
  });

  it('online: the hint says the updaters had no data for this release and offers a bundle', () => {
    const err = failure(new Map([[alpine, 0]]), 'online');
    expect(err.hint).toMatch(/updaters ran but have no data for this release/);
    expect(err.hint).toMatch(/offline bundle/);
  });

  it('bundle: the hint names the bundle and how to make one that covers it', () => {
    const err = failure(new Map([[alpine, 0]]), 'data/bundle.json.zst');
    expect(err.hint).toBe(
      'the vulnerability data (data/bundle.json.zst) does not cover this distribution: use a bundle exported with the updaters for it (clairctl export-updaters), or vuln-data: online.',
    );
    expect(err.hint).not.toMatch(/internet/);
  });
});
