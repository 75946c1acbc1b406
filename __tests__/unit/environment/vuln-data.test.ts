import {
  assertCovered,
  CoverageCache,
  coverageFromDatabase,
  coverageTargets,
  CoverageTarget,
} from '../../../src/environment/vuln-data';
import type { DockerClient } from '../../../src/environment/docker';
import type { Postgres } from '../../../src/environment/postgres';
import type { ClairIndexReport } from '../../../src/clair/types';
import { ClairScanError } from '../../../src/util/errors';

const DEBIAN = {
  id: '1',
  did: 'debian',
  name: 'Debian GNU/Linux',
  version: '12 (bookworm)',
  version_id: '12',
  pretty_name: 'Debian GNU/Linux 12 (bookworm)',
};
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
    expect(targets.map((t) => t.label)).toEqual([
      'Debian GNU/Linux 12 (bookworm)',
      'Alpine Linux',
      'wolfi',
      'pypi packages',
      'maven packages',
    ]);
    expect(targets[0]).toEqual({ label: 'Debian GNU/Linux 12 (bookworm)', distribution: DEBIAN });
    expect(targets[1]).toEqual({ label: 'Alpine Linux', distribution: ALPINE });
    // The first pypi repository stands for all of them; the OS (CPE) repository is not a target.
    expect(targets[3]).toEqual({
      label: 'pypi packages',
      repository: { id: '10', name: 'pypi', uri: 'https://pypi.org/simple' },
    });
    expect(targets[4]).toEqual({ label: 'maven packages', repository: { id: '12', name: 'maven' } });
    // Ubuntu (no package in it) and the go repository (no package in it) are not targets.
    expect(targets.filter((t) => t.distribution?.did === 'ubuntu' || t.repository?.name === 'go')).toEqual([]); // targets: checked above
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
    expect(() =>
      assertCovered(
        'myapp:ci',
        new Map([
          [debian, 120],
          [pypi, 3],
        ]),
        'online',
      ),
    ).not.toThrow();
    expect(() => assertCovered('myapp:ci', new Map(), 'online')).not.toThrow();
  });

  it('names every target without data and refuses to call the image clean', () => {
    const err = failure(
      new Map([
        [debian, 0],
        [alpine, 5],
        [pypi, 0],
      ]),
      'online',
    );
    expect(err.message).toBe(
      'Clair has no vulnerability data for Debian GNU/Linux 12 (bookworm), pypi packages (found in myapp:ci); refusing to report the image as clean',
    );
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

describe('coverageFromDatabase: counts per target, one query per image, cached for the run', () => {
  const pg = { container: {}, port: 5432, user: 'clair', password: 'pw', database: 'clair' } as unknown as Postgres;
  /** A Docker client whose psql exec answers each `(SELECT count(*) …)` with `counts(sql)` and logs the SQL. */
  function fakeDocker(counts: (sql: string) => number): { docker: DockerClient; queries: string[] } {
    const queries: string[] = [];
    const exec = async (_c: unknown, cmd: string[]) => {
      const sql = cmd[cmd.length - 1];
      queries.push(sql);
      const parts = sql.replace(/^SELECT /, '').split(/, (?=\(SELECT count)/);
      return { exitCode: 0, stdout: `${parts.map(counts).join('\t')}\n`, stderr: '' };
    };
    return { docker: { exec } as unknown as DockerClient, queries };
  }
  const [debian, alpine, , pypi] = coverageTargets(indexReport());
  const byTarget = (sql: string): number =>
    sql.includes("dist_id = 'debian'")
      ? 120
      : sql.includes("dist_id = 'alpine'")
        ? 0
        : sql.includes("repo_name = 'pypi'")
          ? 7
          : -1;

  it('asks once for all targets, each count planned on its own, in target order', async () => {
    const { docker, queries } = fakeDocker(byTarget);
    const got = await coverageFromDatabase(docker, pg, [debian, alpine, pypi]);
    expect([...got.entries()]).toEqual([
      [debian, 120],
      [alpine, 0],
      [pypi, 7],
    ]);
    expect(queries).toHaveLength(1);
    expect(queries[0]).toBe(
      "SELECT (SELECT count(*) FROM vuln WHERE dist_id = 'debian' AND (dist_version = '12 (bookworm)' OR dist_version_id = '12')), " +
        "(SELECT count(*) FROM vuln WHERE dist_id = 'alpine' AND (dist_version_id = '3.19.1')), (SELECT count(*) FROM vuln WHERE repo_name = 'pypi')",
    );
  });

  it('the next image of the run asks only for what is new; after invalidate() (more data loaded) it asks again', async () => {
    const { docker, queries } = fakeDocker(byTarget);
    const cache = new CoverageCache();
    await coverageFromDatabase(docker, pg, [debian, pypi], cache);
    expect([...(await coverageFromDatabase(docker, pg, [pypi, debian], cache)).values()]).toEqual([7, 120]);
    expect(queries).toHaveLength(1);
    await coverageFromDatabase(docker, pg, [debian, alpine], cache);
    expect(queries).toHaveLength(2);
    expect(queries[1]).toBe(
      "SELECT (SELECT count(*) FROM vuln WHERE dist_id = 'alpine' AND (dist_version_id = '3.19.1'))",
    );
    cache.invalidate();
    await coverageFromDatabase(docker, pg, [debian], cache);
    expect(queries).toHaveLength(3);
  });

  it('a count taken while more data was being loaded is not kept', async () => {
    const cache = new CoverageCache();
    const { docker, queries } = fakeDocker((sql) => {
      if (queries.length === 1) cache.invalidate(); // the online updaters finished while the first count ran
      return byTarget(sql);
    });
    expect(await coverageFromDatabase(docker, pg, [alpine], cache)).toEqual(new Map([[alpine, 0]]));
    await coverageFromDatabase(docker, pg, [alpine], cache);
    await coverageFromDatabase(docker, pg, [alpine], cache);
    expect(queries).toHaveLength(2);
  });

  it('the pretty name counts only where a matcher queries it (Alpine) or for an unknown distribution, not for Photon OS', async () => {
    // claircore's Photon 1.0, 2.0 and 3.0 distributions share the pretty name "VMware Photon OS/Linux": 2.0 data must not cover 3.0.
    const photon3 = {
      id: '5',
      did: 'photon',
      name: 'VMware Photon OS',
      version: '3.0',
      version_id: '3.0',
      pretty_name: 'VMware Photon OS/Linux',
    };
    // A real Alpine index has Version "3.19" while the alpine updater's records have only VersionID "3.19": the pretty name is what matches.
    const alpine319 = {
      id: '6',
      did: 'alpine',
      name: 'Alpine Linux',
      version: '3.19',
      pretty_name: 'Alpine Linux v3.19',
    };
    const other = { id: '7', did: 'wolfi', name: 'Wolfi', version: '20230201', pretty_name: 'Wolfi' };
    const r = indexReport();
    r.distributions = { '5': photon3, '6': alpine319, '7': other };
    r.environments = { a: [{ distribution_id: '5' }], b: [{ distribution_id: '6' }], c: [{ distribution_id: '7' }] };
    const targets = coverageTargets(r);
    // A pretty name that does not say the release gets it.
    expect(targets.map((t) => t.label)).toEqual(['VMware Photon OS/Linux 3.0', 'Alpine Linux v3.19', 'Wolfi 20230201']);
    const { docker, queries } = fakeDocker(() => 0);
    await coverageFromDatabase(docker, pg, targets);
    expect(queries[0]).toBe(
      "SELECT (SELECT count(*) FROM vuln WHERE dist_id = 'photon' AND (dist_version = '3.0' OR dist_version_id = '3.0')), " +
        "(SELECT count(*) FROM vuln WHERE dist_id = 'alpine' AND (dist_version = '3.19' OR dist_pretty_name = 'Alpine Linux v3.19')), " +
        "(SELECT count(*) FROM vuln WHERE dist_id = 'wolfi' AND (dist_version = '20230201' OR dist_pretty_name = 'Wolfi'))",
    );
  });

  it('RHEL without repository CPEs is 0 without a query; no answer is an error, never "covered"', async () => {
    const rhel: CoverageTarget = {
      label: 'Red Hat Enterprise Linux 9',
      distribution: { id: '9', did: 'rhel', version_id: '9.4' },
      rhelCpes: [],
    };
    const { docker, queries } = fakeDocker(byTarget);
    expect(await coverageFromDatabase(docker, pg, [rhel])).toEqual(new Map([[rhel, 0]]));
    expect(queries).toHaveLength(0);
    const empty = { exec: async () => ({ exitCode: 0, stdout: '', stderr: '' }) } as unknown as DockerClient;
    await expect(coverageFromDatabase(empty, pg, [debian])).rejects.toThrow(/gave no count/);
  });
});
