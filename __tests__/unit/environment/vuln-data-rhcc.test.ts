/**
 * Red Hat container images (claircore's rhcc ecosystem) must be covered by data like any distribution: the image's
 * own package (from root/buildinfo/Dockerfile-<component>-<version>-<release>) is matched only by rhel-vex's
 * container records (repository key rhcc-container-repository, an rhctag range), so an image with such a package
 * is refused when the data has none. The index below has the shape Clair v4.9.0 gave for the rhcc fixture image.
 */
import { assertCovered, coverageFromDatabase, coverageTargets } from '../../../src/environment/vuln-data';
import { updaterSetsFor } from '../../../src/environment/clair-config';
import type { DockerClient } from '../../../src/environment/docker';
import type { Postgres } from '../../../src/environment/postgres';
import type { ClairIndexReport } from '../../../src/clair/types';
import { ClairScanError } from '../../../src/util/errors';

const RHEL9 = {
  id: '1',
  did: 'rhel',
  name: 'Red Hat Enterprise Linux Server',
  version: '9',
  version_id: '9',
  pretty_name: 'Red Hat Enterprise Linux Server 9',
};
const GOLD = {
  id: '20',
  name: 'Red Hat Container Catalog',
  key: 'rhcc-container-repository',
  uri: 'https://catalog.redhat.com/software/containers/explore',
};
const BASEOS = { id: '21', name: 'cpe:2.3:o:redhat:enterprise_linux:9:*:baseos:*:*:*:*:*', key: 'rhel-cpe-repository' };
const DOCKERFILE = 'root/buildinfo/Dockerfile-ose-cli-container-v4.14.5-202401011111';

function rhccIndex(): ClairIndexReport {
  const src = {
    id: 's',
    name: 'ose-cli-container',
    version: 'v4.14.5-202401011111',
    kind: 'source',
    normalized_version: 'rhctag:4.14.0.0.0.0.0.0.0.0',
  };
  return {
    manifest_hash: `sha256:${'b'.repeat(64)}`,
    state: 'IndexFinished',
    success: true,
    err: '',
    packages: {
      s: src,
      b: {
        id: 'b',
        name: 'openshift4/ose-cli',
        version: 'v4.14.5-202401011111',
        kind: 'binary',
        source: src,
        normalized_version: 'rhctag:4.14.0.0.0.0.0.0.0.0',
      },
      r: { id: 'r', name: 'openssl-libs', version: '1:3.0.7-27.el9', kind: 'binary' },
    },
    distributions: { '1': RHEL9 },
    repository: { '20': GOLD, '21': BASEOS },
    environments: {
      s: [{ package_db: DOCKERFILE, repository_ids: ['20'] }],
      b: [{ package_db: DOCKERFILE, repository_ids: ['20'] }],
      r: [{ package_db: 'sqlite:var/lib/rpm', distribution_id: '1', repository_ids: ['21'] }],
    },
  };
}

describe('coverageTargets: Red Hat container images', () => {
  it('the image package (binary, repository key rhcc-container-repository) is a target of its own, beside the RHEL release', () => {
    const targets = coverageTargets(rhccIndex());
    expect(targets.map((t) => t.label)).toEqual([
      'Red Hat Enterprise Linux Server 9',
      'Red Hat container image openshift4/ose-cli',
    ]);
    expect(targets[1]).toEqual({ label: 'Red Hat container image openshift4/ose-cli', repository: GOLD });
  });

  it('one target per image repository name (a name2repos mapping can give several), none for the source package', () => {
    const r = rhccIndex();
    const src = r.packages!.s;
    r.packages!.b2 = {
      id: 'b2',
      name: 'openshift4/ose-cli-rhel9',
      version: 'v4.14.5-202401011111',
      kind: 'binary',
      source: src,
      normalized_version: 'rhctag:4.14.0.0.0.0.0.0.0.0',
    };
    r.environments!.b2 = [{ package_db: DOCKERFILE, repository_ids: ['20'] }];
    // The same package found in a second place is still one target.
    r.environments!.b.push({ package_db: DOCKERFILE, repository_ids: ['20'] });
    expect(coverageTargets(r).map((t) => t.label)).toEqual([
      'Red Hat Enterprise Linux Server 9',
      'Red Hat container image openshift4/ose-cli',
      'Red Hat container image openshift4/ose-cli-rhel9',
    ]);
  });

  it("an earlier layer's image package is unmatchable (claircore's rhcc coalescer): no target for it", () => {
    const r = rhccIndex();
    r.packages!.b.normalized_version = 'unmatchable:4.14.0.0.0.0.0.0.0.0';
    expect(coverageTargets(r).map((t) => t.label)).toEqual(['Red Hat Enterprise Linux Server 9']);
  });

  it('a repository of another key (or a language repository) is not a container image', () => {
    const r = rhccIndex();
    r.repository!['20'] = { ...GOLD, key: '' };
    expect(coverageTargets(r).map((t) => t.label)).toEqual(['Red Hat Enterprise Linux Server 9']);
  });
});

describe('coverageFromDatabase / assertCovered: Red Hat container images', () => {
  const pg = { container: {}, port: 5432, user: 'clair', password: 'pw', database: 'clair' } as unknown as Postgres;
  const image = coverageTargets(rhccIndex())[1];

  function counting(n: number): { docker: DockerClient; queries: string[] } {
    const queries: string[] = [];
    const exec = async (_c: unknown, cmd: string[]) => {
      queries.push(cmd[cmd.length - 1]);
      return { exitCode: 0, stdout: `${n}\n`, stderr: '' };
    };
    return { docker: { exec } as unknown as DockerClient, queries };
  }

  it("counts rhel-vex's container records that carry an rhctag range (a record without one can never match)", async () => {
    const { docker, queries } = counting(3);
    expect(await coverageFromDatabase(docker, pg, [image])).toEqual(new Map([[image, 3]]));
    expect(queries).toEqual([
      "SELECT (SELECT count(*) FROM vuln WHERE repo_key = 'rhcc-container-repository' AND version_kind = 'rhctag')",
    ]);
  });

  it('no such records: refused, naming the image, never reported clean', async () => {
    const { docker } = counting(0);
    const coverage = await coverageFromDatabase(docker, pg, [image]);
    let err: unknown;
    try {
      assertCovered('registry.example/ocp/cli:4.14', coverage, 'bundle.jsonl');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).exitCode).toBe(2);
    expect((err as ClairScanError).message).toBe(
      'Clair has no vulnerability data for Red Hat container image openshift4/ose-cli (found in registry.example/ocp/cli:4.14); refusing to report the image as clean',
    );
  });
});

describe('updaterSetsFor (vuln-data: online): Red Hat container images need rhel-vex', () => {
  it.each([
    [[], [GOLD], ['rhel-vex']],
    [[{ did: 'rhel' }], [GOLD], ['rhel-vex']],
    [[{ did: 'debian' }], [GOLD, { name: 'pypi' }], ['debian', 'osv', 'rhel-vex']],
    [[], [{ name: 'Red Hat Container Catalog', key: 'other' }], []],
  ])('%j + %j → %j', (dists, repos, sets) => {
    expect(updaterSetsFor(dists, repos)).toEqual(sets);
  });
});
