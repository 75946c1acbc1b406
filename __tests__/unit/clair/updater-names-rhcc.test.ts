/**
 * clair-url: a Red Hat container image (claircore rhcc: repository key rhcc-container-repository) is covered by a
 * completed rhel-vex update operation, the updater that writes Red Hat's container records; no other real claircore
 * updater covers it, and a custom name must name rhcc or rhel-vex.
 */
import { updaterCovers } from '../../../src/clair/updater-names';

const IMAGE = { repository: { id: '20', name: 'Red Hat Container Catalog', key: 'rhcc-container-repository' } };
// The repository detector's form (labels.json with a cpe): the name is a CPE, the key the same.
const IMAGE_CPE = {
  repository: { id: '21', name: 'cpe:2.3:a:redhat:openshift:4.14:*:el9:*:*:*:*:*', key: 'rhcc-container-repository' },
};

describe('updaterCovers: Red Hat container images', () => {
  it.each([
    ['rhel-vex', true],
    ['fixture-rhcc', true],
    ['my-rhel-vex-mirror', true],
    ['debian/updater', false],
    ['osv/go', false],
    ['aws-AL2023-updater', false],
    ['oracle-2024-updater', false],
    ['fixture-rhel', false],
    ['fixture-debian', false],
  ])('%s → %s', (name, want) => {
    expect(updaterCovers(name, IMAGE)).toBe(want);
    expect(updaterCovers(name, IMAGE_CPE)).toBe(want);
  });

  it('rhel-vex still covers no language repository', () => {
    expect(updaterCovers('rhel-vex', { repository: { id: '9', name: 'pypi' } })).toBe(false);
  });
});
