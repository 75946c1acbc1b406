import { parse } from 'yaml';
import {
  enforcedDropIn,
  generateClairConfig,
  OFFLINE_MAPPING_FILES,
  updaterSetsFor,
} from '../../../src/environment/clair-config';

const CONN = 'host=127.0.0.1 port=54321 user=clair password=p4ss dbname=clair sslmode=disable';
const params = { connString: CONN, httpListen: '127.0.0.1:46060', introspectionListen: '127.0.0.1:48089' };

describe('generateClairConfig', () => {
  it('airgap (offline data): a combo config with the keys Clair needs and empty Red Hat mapping files', () => {
    const cfg = parse(generateClairConfig({ ...params, airgap: true }));
    expect(cfg).toEqual({
      http_listen_addr: '127.0.0.1:46060',
      introspection_addr: '127.0.0.1:48089',
      log_level: 'info',
      indexer: {
        connstring: CONN,
        migrations: true,
        airgap: true,
        scanner: {
          package: {
            java: { disable_api: true },
            rhel_containerscanner: { name2repos_mapping_file: '/config/name2repos.json' },
          },
          repo: { 'rhel-repository-scanner': { repo2cpe_mapping_file: '/config/repo2cpe.json' } },
        },
      },
      matcher: { connstring: CONN, migrations: true, disable_updaters: true },
      notifier: { connstring: CONN, migrations: true },
    });
    expect(OFFLINE_MAPPING_FILES).toEqual({ repo2cpe: '/config/repo2cpe.json', name2repos: '/config/name2repos.json' });
  });

  it('online: no airgap and no mapping-file overrides; the log level is passed through', () => {
    const cfg = parse(generateClairConfig({ ...params, airgap: false, logLevel: 'debug' }));
    expect(cfg.log_level).toBe('debug');
    expect(cfg.indexer).toEqual({
      connstring: CONN,
      migrations: true,
      airgap: false,
      scanner: { package: { java: { disable_api: true } } },
    });
    expect(cfg.matcher).toEqual({ connstring: CONN, migrations: true, disable_updaters: true });
    expect(cfg.notifier).toEqual({ connstring: CONN, migrations: true });
    expect(JSON.stringify(cfg)).not.toMatch(/mapping_file|rhel/);
  });

  it('mapping files given as inputs (rhel-repo2cpe, rhel-name2repos): read from /config online too, each only when given', () => {
    const scanners = (p: { airgap: boolean; repo2cpeFile?: boolean; name2reposFile?: boolean }) =>
      parse(generateClairConfig({ ...params, ...p })).indexer.scanner;
    const name2repos = { rhel_containerscanner: { name2repos_mapping_file: '/config/name2repos.json' } };
    const repo2cpe = { 'rhel-repository-scanner': { repo2cpe_mapping_file: '/config/repo2cpe.json' } };
    expect(scanners({ airgap: false, name2reposFile: true })).toEqual({
      package: { java: { disable_api: true }, ...name2repos },
    });
    expect(scanners({ airgap: false, repo2cpeFile: true })).toEqual({
      package: { java: { disable_api: true } },
      repo: repo2cpe,
    });
    expect(scanners({ airgap: false, repo2cpeFile: true, name2reposFile: true })).toEqual({
      package: { java: { disable_api: true }, ...name2repos },
      repo: repo2cpe,
    });
    // Offline the same paths hold the empty files or the given ones.
    expect(scanners({ airgap: true, name2reposFile: true })).toEqual(scanners({ airgap: true }));
  });

  it('a connection string with YAML-special characters survives', () => {
    const tricky = "host=127.0.0.1 port=5432 user=clair password='a: b #c' dbname=clair";
    const cfg = parse(generateClairConfig({ ...params, connString: tricky, airgap: true }));
    expect([cfg.indexer.connstring, cfg.matcher.connstring, cfg.notifier.connstring]).toEqual([tricky, tricky, tricky]);
  });
});

describe('enforcedDropIn', () => {
  it('re-asserts the listen addresses and connection strings, as JSON (valid YAML too)', () => {
    const text = enforcedDropIn({ ...params, airgap: true });
    const expected = {
      http_listen_addr: '127.0.0.1:46060',
      introspection_addr: '127.0.0.1:48089',
      indexer: { connstring: CONN },
      matcher: { connstring: CONN },
      notifier: { connstring: CONN },
    };
    expect(JSON.parse(text)).toEqual(expected);
    expect(parse(text)).toEqual(expected);
  });
});

// Set names as claircore v1.5.48 registers them (Red Hat's is the VEX updater's factory, "rhel-vex", not "rhel").
describe('updaterSetsFor', () => {
  it.each([
    [[{ did: 'debian' }], [], ['debian']],
    [[{ did: 'ubuntu' }], [], ['ubuntu']],
    [[{ did: 'alpine' }], [], ['alpine']],
    [[{ did: 'rhel' }], [], ['rhel-vex']],
    [[{ did: 'centos' }], [], ['rhel-vex']],
    [[{ did: 'rocky' }], [], ['rhel-vex']],
    [[{ did: 'almalinux' }], [], ['rhel-vex']],
    [[{ did: 'ol' }], [], ['oracle']],
    [[{ did: 'amzn' }], [], ['aws']],
    [[{ did: 'photon' }], [], ['photon']],
    [[{ did: 'sles' }], [], ['suse']],
    [[{ did: 'opensuse-leap' }], [], ['suse']],
    [[], [{ name: 'pypi' }], ['osv']],
    [[], [{ name: 'maven' }, { name: 'go' }, { name: 'rubygems' }, { name: 'npm' }], ['osv']],
  ])('%j + %j → %j', (dists, repos, sets) => {
    expect(updaterSetsFor(dists, repos)).toEqual(sets);
  });

  it('unknown distributions and OS repositories add nothing', () => {
    expect(
      updaterSetsFor(
        [{ did: 'gentoo' }, {}, { did: '' }],
        [{ name: 'cpe:/o:redhat:enterprise_linux:9::baseos' }, {}, { name: '' }],
      ),
    ).toEqual([]);
    expect(updaterSetsFor([], [])).toEqual([]);
  });

  it('is sorted and de-duplicated', () => {
    expect(
      updaterSetsFor(
        [{ did: 'ubuntu' }, { did: 'rocky' }, { did: 'alpine' }, { did: 'centos' }, { did: 'ubuntu' }],
        [{ name: 'pypi' }, { name: 'maven' }],
      ),
    ).toEqual(['alpine', 'osv', 'rhel-vex', 'ubuntu']);
  });
});

describe('PSK auth (every ephemeral Clair gets a random key)', () => {
  const psk = Buffer.alloc(32, 7).toString('base64');
  it('the generated config and the enforced drop-in both carry auth.psk, so a user drop-in cannot turn it off', () => {
    expect(parse(generateClairConfig({ ...params, airgap: true, psk })).auth).toEqual({
      psk: { key: psk, iss: ['clair-scan'] },
    });
    expect(JSON.parse(enforcedDropIn({ ...params, airgap: true, psk })).auth).toEqual({
      psk: { key: psk, iss: ['clair-scan'] },
    });
  });
  it('without a key there is no auth section (an empty key is fatal to Clair)', () => {
    expect(parse(generateClairConfig({ ...params, airgap: true })).auth).toBeUndefined();
  });
});
