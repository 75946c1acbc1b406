/**
 * The coverage proof for an existing Clair judges updater names as claircore v1.5.x writes them: by release for
 * Alpine, Ubuntu, Amazon Linux and Photon, by ecosystem for OSV; one Debian updater covers every Debian release.
 * Names of no known form (custom updaters such as the fixtures' `fixture-debian`) count when they name the
 * distribution. (The same names against a real Clair: __tests__/e2e/data/coverage-real-names.test.ts.)
 */
import { parseUpdaterName, updaterCovers } from '../../../src/clair/updater-names';

const d = (did: string, extra: Record<string, string> = {}) => ({ distribution: { id: '1', did, ...extra } });
const repo = (name: string) => ({ repository: { id: '9', name } });
const DEBIAN12 = d('debian', { version_id: '12', version_code_name: 'bookworm' });
const ALPINE319 = d('alpine', { version_id: '3.19.1', pretty_name: 'Alpine Linux v3.19' });
const JAMMY = d('ubuntu', { version_id: '22.04', version_code_name: 'jammy' });

describe('parseUpdaterName', () => {
  it.each([
    ['debian/updater', { family: 'debian' }],
    ['ubuntu/updater/jammy', { family: 'ubuntu', release: 'jammy' }],
    ['alpine-main-v3.19-updater', { family: 'alpine', release: 'v3.19' }],
    ['alpine-community-edge-updater', { family: 'alpine', release: 'edge' }],
    ['rhel-vex', { family: 'rhel' }],
    ['oracle-2024-updater', { family: 'oracle' }],
    ['oracle-all-updater', { family: 'oracle' }],
    ['aws-AL2023-updater', { family: 'aws', release: 'AL2023' }],
    ['photon-updater-5.0', { family: 'photon', release: '5.0' }],
    ['photon-updater-photon3', { family: 'photon', release: '3.0' }],
    ['suse-updater-suse.linux.enterprise.server.15', { family: 'suse', release: 'sles-15' }],
    ['suse-updater-opensuse.leap.15.5', { family: 'suse', release: 'leap-15.5' }],
    ['suse-updater-suse.linux.enterprise.micro.5', { family: 'suse' }],
    ['osv/pypi', { family: 'osv', release: 'pypi' }],
    ['osv/crates.io', { family: 'osv', release: 'crates.io' }],
  ])('%s', (name, want) => expect(parseUpdaterName(name)).toEqual(want));

  it('other names are not claircore forms', () => {
    for (const n of ['fixture-debian', 'clair.cvss', 'debian-bookworm-updater', 'RHEL9-rhel-9-including-unpatched'])
      expect(parseUpdaterName(n)).toBeUndefined();
  });
});

describe('updaterCovers', () => {
  it('Debian: debian/updater covers every release; alpine-* data covers no Debian image', () => {
    expect(updaterCovers('debian/updater', DEBIAN12)).toBe(true);
    expect(updaterCovers('debian/updater', d('debian', { version_id: '11' }))).toBe(true);
    expect(updaterCovers('alpine-main-v3.19-updater', DEBIAN12)).toBe(false);
    expect(updaterCovers('ubuntu/updater/jammy', DEBIAN12)).toBe(false);
    expect(updaterCovers('osv/pypi', DEBIAN12)).toBe(false);
  });

  it("Alpine and Ubuntu: only the image's own release", () => {
    expect(updaterCovers('alpine-main-v3.19-updater', ALPINE319)).toBe(true);
    expect(updaterCovers('alpine-community-v3.19-updater', ALPINE319)).toBe(true);
    expect(updaterCovers('alpine-main-v3.18-updater', ALPINE319)).toBe(false);
    expect(
      updaterCovers(
        'alpine-main-edge-updater',
        d('alpine', { version_id: '3.20.0_alpha20240329', pretty_name: 'Alpine Linux edge' }),
      ),
    ).toBe(true);
    expect(updaterCovers('ubuntu/updater/jammy', JAMMY)).toBe(true);
    expect(updaterCovers('ubuntu/updater/focal', JAMMY)).toBe(false);
    // No release known for the image: any release's data may cover it (the matcher decides).
    expect(updaterCovers('ubuntu/updater/focal', d('ubuntu'))).toBe(true);
  });

  it('RHEL family, Oracle, Amazon, Photon, SUSE', () => {
    for (const did of ['rhel', 'centos', 'rocky', 'almalinux'])
      expect(updaterCovers('rhel-vex', d(did, { version_id: '9.4' }))).toBe(true);
    expect(updaterCovers('rhel-vex', d('ol', { version_id: '9.4' }))).toBe(false);
    expect(updaterCovers('oracle-2024-updater', d('ol', { version_id: '9.4' }))).toBe(true);
    expect(updaterCovers('aws-AL2023-updater', d('amzn', { version_id: '2023' }))).toBe(true);
    expect(updaterCovers('aws-AL2-updater', d('amzn', { version_id: '2023' }))).toBe(false);
    expect(updaterCovers('aws-AL1-updater', d('amzn', { version_id: '2018.03' }))).toBe(true);
    expect(updaterCovers('photon-updater-5.0', d('photon', { version_id: '5.0' }))).toBe(true);
    expect(updaterCovers('photon-updater-3.0', d('photon', { version_id: '5.0' }))).toBe(false);
    expect(updaterCovers('suse-updater-suse.linux.enterprise.server.15', d('sles', { version_id: '15.5' }))).toBe(true);
    expect(updaterCovers('suse-updater-suse.linux.enterprise.server.15', DEBIAN12)).toBe(false);
  });

  it("Photon and SUSE as claircore v1.5.48 names their updaters: only the image's own release", () => {
    // The distributions claircore's photon and suse scanners give (e2e: the photon3 and sles15 fixtures).
    const photon3 = d('photon', {
      name: 'VMware Photon OS',
      version: '3.0',
      version_id: '3.0',
      pretty_name: 'VMware Photon OS/Linux',
    });
    const sles15 = d('sles', {
      name: 'SLES',
      version: '15',
      version_id: '15',
      pretty_name: 'SUSE Linux Enterprise Server 15',
    });
    const leap155 = d('opensuse-leap', { name: 'openSUSE Leap', version: '15.5', version_id: '15.5' });
    expect(updaterCovers('photon-updater-photon3', photon3)).toBe(true);
    expect(updaterCovers('photon-updater-photon2', photon3)).toBe(false);
    expect(updaterCovers('photon-updater-photon3', sles15)).toBe(false);
    expect(updaterCovers('suse-updater-suse.linux.enterprise.server.15', sles15)).toBe(true);
    expect(updaterCovers('suse-updater-suse.linux.enterprise.server.12', sles15)).toBe(false);
    expect(updaterCovers('suse-updater-opensuse.leap.15.5', sles15)).toBe(false);
    expect(updaterCovers('suse-updater-opensuse.leap.15.5', leap155)).toBe(true);
    expect(updaterCovers('suse-updater-opensuse.leap.15.6', leap155)).toBe(false);
    expect(updaterCovers('suse-updater-suse.linux.enterprise.server.15', leap155)).toBe(false);
    // The fixtures' own updater names (no claircore form) name the family.
    expect(updaterCovers('fixture-photon', photon3)).toBe(true);
    expect(updaterCovers('fixture-suse', sles15)).toBe(true);
    expect(updaterCovers('fixture-suse', photon3)).toBe(false);
  });

  it('language packages: only osv/<their ecosystem>', () => {
    expect(updaterCovers('osv/pypi', repo('pypi'))).toBe(true);
    expect(updaterCovers('osv/go', repo('pypi'))).toBe(false);
    expect(updaterCovers('osv/maven', repo('maven'))).toBe(true);
    expect(updaterCovers('osv/rubygems', repo('rubygems'))).toBe(true);
    expect(updaterCovers('osv/npm', repo('go'))).toBe(false);
    expect(updaterCovers('debian/updater', repo('pypi'))).toBe(false);
    expect(updaterCovers('osv/pypi', repo('cpe:/o:redhat:enterprise_linux:9::baseos'))).toBe(false);
  });

  it('names of no known form count when they name the distribution or ecosystem (short ids as whole words)', () => {
    expect(updaterCovers('fixture-debian', DEBIAN12)).toBe(true);
    expect(updaterCovers('fixture-alpine', DEBIAN12)).toBe(false);
    expect(updaterCovers('fixture-pypi', repo('pypi'))).toBe(true);
    expect(updaterCovers('my-ol-mirror', d('ol'))).toBe(true);
    expect(updaterCovers('clair.cvss', d('ol'))).toBe(false);
    expect(updaterCovers('fixture-golang', repo('go'))).toBe(false);
    expect(updaterCovers('fixture-go', repo('go'))).toBe(true);
  });
});
