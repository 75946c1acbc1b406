/**
 * `vuln-data: online` — Clair's OWN Debian updater (`clairctl export-updaters --strict` then `import-updaters`
 * inside the ephemeral Clair container) run against a fake Debian mirror + security tracker on 127.0.0.1.
 * The user points the updater there through `clair-config` (`updaters.config.debian.{mirror_url,json_url}`); the
 * product adds `updaters.sets: [debian]`, derived from the distribution it found in the image. Both drop-ins
 * merge (JSON merge-patch), so this also proves a user's updater config survives the product's set selection.
 * An online Clair's indexer also downloads Red Hat's mapping files (for every image, Debian too); the same
 * clair-config points those at the fake mirror, as a user behind a firewall would (see fake-debian-source.ts).
 *
 * Only the `debian` set runs: we cannot watch Clair's outbound traffic, but this machine has no internet and
 * `export-updaters --strict` exits non-zero when ANY updater fails, so a passing scan shows that no updater
 * other than `debian` (the one pointed at 127.0.0.1) was run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { scan } from '../../../src/scan';
import { expectScanError, findingLines, fixture, settingsFor } from './helpers';
import { trackRuns } from '../../helpers/runs';
import { FakeDebianSource, startFakeDebianSource, TrackerJson } from './fake-debian-source';

/** FAKE data (CVE-2098-*, not the offline bundle's CVE-2099-*), against debian-vuln's packages (FIXTURES.md). */
const TRACKER: TrackerJson = {
  openssl: {
    // libssl3 3.0.11-1~deb12u2 (Source: openssl) < fix → reported, urgency high → Critical.
    'CVE-2098-0001': {
      description: 'FAKE: openssl handshake bug (not a real vulnerability)',
      scope: 'remote',
      releases: {
        bookworm: {
          status: 'resolved',
          fixed_version: '3.0.13-1~deb12u1',
          urgency: 'high',
          repositories: { bookworm: '3.0.13-1~deb12u1' },
        },
        bullseye: {
          status: 'resolved',
          fixed_version: '1.1.1w-0+deb11u1',
          urgency: 'high',
          repositories: { bullseye: '1.1.1w-0+deb11u1' },
        },
        // sid is skipped by the updater (not a registered release): no record, no error.
        sid: { status: 'resolved', fixed_version: '3.1.5-1', urgency: 'high', repositories: { sid: '3.1.5-1' } },
      },
    },
    // Only for bullseye: nothing for the bookworm image.
    'CVE-2098-0009': {
      description: 'FAKE: bullseye only',
      releases: { bullseye: { status: 'open', urgency: 'medium' } },
    },
  },
  zlib: {
    // Open (no fixed_version) → every installed zlib1g is vulnerable; unimportant → Low.
    'CVE-2098-0002': {
      description: 'FAKE: zlib, no fix',
      releases: { bookworm: { status: 'open', urgency: 'unimportant', repositories: { bookworm: '1:1.2.13.dfsg-1' } } },
    },
  },
  glibc: {
    // libc6 2.36-9+deb12u4 (Source: glibc); medium → High.
    'CVE-2098-0003': {
      description: 'FAKE: glibc',
      releases: { bookworm: { status: 'resolved', fixed_version: '2.36-9+deb12u7', urgency: 'medium' } },
    },
  },
  curl: {
    // Fixed in an OLDER version than the installed libcurl4 7.88.1-10+deb12u5 → not reported.
    'CVE-2098-0004': {
      description: 'FAKE: curl, fixed long ago',
      releases: { bookworm: { status: 'resolved', fixed_version: '7.88.1-10+deb12u1', urgency: 'high' } },
    },
  },
  tar: {
    // Open, urgency not yet assigned → Unknown.
    'CVE-2098-0005': {
      description: 'FAKE: tar',
      releases: { bookworm: { status: 'open', urgency: 'not yet assigned' } },
    },
  },
  libgcrypt20: {
    // low → Medium.
    'CVE-2098-0006': {
      description: 'FAKE: libgcrypt20',
      releases: { bookworm: { status: 'resolved', fixed_version: '1.10.1-3+deb12u1', urgency: 'low' } },
    },
  },
  bash: {
    // fixed_version "0": Debian says the package was never affected → not reported.
    'CVE-2098-0007': {
      description: 'FAKE: bash, not affected',
      releases: { bookworm: { status: 'resolved', fixed_version: '0', urgency: 'unimportant' } },
    },
  },
  nginx: {
    // Not installed in the image.
    'CVE-2098-0008': { description: 'FAKE: nginx', releases: { bookworm: { status: 'open', urgency: 'high' } } },
  },
};

const EXPECTED = [
  'CVE-2098-0001 libssl3 3.0.11-1~deb12u2 Critical 3.0.13-1~deb12u1',
  'CVE-2098-0002 zlib1g 1:1.2.13.dfsg-1 Low -',
  'CVE-2098-0003 libc6 2.36-9+deb12u4 High 2.36-9+deb12u7',
  'CVE-2098-0005 tar 1.34+dfsg-1.2+deb12u1 Unknown -',
  'CVE-2098-0006 libgcrypt20 1.10.1-3 Medium 1.10.1-3+deb12u1',
];

const track = trackRuns({ after: 'manual' });
let source: FakeDebianSource | undefined;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-online-'));
});

afterEach(async () => {
  await source?.close();
  source = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
  expect(track.ids).toHaveLength(1);
  track.expectClean();
});

/** The clair-config file a user would write: JSON, or YAML for a .yaml name. */
function clairConfigFile(s: FakeDebianSource, name = 'clair.json'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    name.endsWith('.yaml') ? stringify(s.clairConfig()) : JSON.stringify(s.clairConfig(), null, 2),
  );
  return file;
}

describe("vuln-data: online runs Clair's Debian updater against the configured (fake) source", () => {
  it("reports exactly what the security tracker says for bookworm, from the updater's own requests", async () => {
    source = await startFakeDebianSource({ tracker: TRACKER });
    const outcome = await scan(
      settingsFor([fixture('debian-vuln')], {
        'vuln-data': 'online',
        'clair-config': clairConfigFile(source),
        formats: 'json',
      }),
      track,
    );

    const [image] = outcome.result.images;
    expect(image.distributions.map((d) => d.prettyName)).toEqual(['Debian GNU/Linux 12 (bookworm)']);
    expect(findingLines(image)).toEqual(EXPECTED);
    // Raw urgency and the tracker link come from the updater, not from us.
    const ssl = image.vulnerabilities.find((v) => v.id === 'CVE-2098-0001');
    expect(ssl?.rawSeverity).toBe('high');
    expect(ssl?.links).toContain('https://security-tracker.debian.org/tracker/CVE-2098-0001');
    expect(outcome.exitCode).toBe(1); // default gate: a Critical and a High finding

    // The updater really fetched from us: the dists listing, each listed release's Release file (partial),
    // and the tracker JSON. `../` resolves to /debian/Release (404, skipped as the real mirror's would be);
    // -updates/-backports/sid/stable/testing/experimental/README are never requested.
    const seen = source.requests
      .filter((r) => !r.path.startsWith('/redhat/'))
      .map((r) => `${r.method} ${r.path}${r.range ? ` [${r.range}]` : ''}`)
      .sort();
    expect(seen).toEqual(
      [
        'GET /debian/Release [bytes=0-512]',
        'GET /debian/dists/',
        'GET /debian/dists/bookworm/Release [bytes=0-512]',
        'GET /debian/dists/bullseye/Release [bytes=0-512]',
        'GET /tracker/data/json',
      ].sort(),
    );
    // The rest were the RHEL scanners' map downloads (see fake-debian-source.ts), nothing else.
    expect(
      [
        ...new Set(source.requests.filter((r) => r.path.startsWith('/redhat/')).map((r) => `${r.method} ${r.path}`)),
      ].sort(),
    ).toEqual(['GET /redhat/container-name-repos-map.json', 'GET /redhat/repository-to-cpe.json']);
  });

  it('a source without bookworm data: exit 2 and "refusing to report the image as clean", not a clean report', async () => {
    const bullseyeOnly: TrackerJson = {
      openssl: {
        'CVE-2098-0101': {
          description: 'FAKE: bullseye only',
          releases: { bullseye: { status: 'resolved', fixed_version: '1.1.1w-0+deb11u1', urgency: 'high' } },
        },
      },
    };
    source = await startFakeDebianSource({ tracker: bullseyeOnly });
    const err = await expectScanError(
      scan(
        settingsFor([fixture('debian-vuln')], {
          'vuln-data': 'online',
          'clair-config': clairConfigFile(source, 'clair.yaml'),
        }),
        track,
      ),
    );
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(
      /no vulnerability data for Debian GNU\/Linux 12 \(bookworm\) \(found in localhost\/clair-scan-fixture\/debian-vuln:1\); refusing to report the image as clean/,
    );
    expect(err.hint).toMatch(/updaters ran but have no data for this release/);
    // The updater did run against us (so the data really lacked bookworm; nothing was unreachable).
    expect(source.requests.map((r) => r.path)).toContain('/tracker/data/json');
  });

  it('a broken source (tracker answers 500): export-updaters --strict fails, exit 2, the error names the updater', async () => {
    source = await startFakeDebianSource({ tracker: TRACKER, trackerStatus: 500 });
    const err = await expectScanError(
      scan(
        settingsFor([fixture('debian-vuln')], { 'vuln-data': 'online', 'clair-config': clairConfigFile(source) }),
        track,
      ),
    );
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe("Clair's updaters failed for debian (exit 1)");
    // The details name the failing updater and what the source answered, as plain text (no ANSI colour codes).
    expect(err.details).toMatch(/debian\/updater: unexpected response: 500 Internal Server Error/);
    expect(err.details).not.toContain('\u001b[');
    expect(err.hint).toMatch(/offline bundle/);
    expect(source.requests.map((r) => r.path)).toContain('/tracker/data/json');
  });
});
