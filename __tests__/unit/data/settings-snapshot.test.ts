/**
 * `vuln-data: oci://REGISTRY/…` is read with the image-scanning credentials (docs/vuln-data.md): without an
 * explicit registry-host, the snapshot's registry is the one registry registry-username/registry-password are
 * bound to when no image names a registry first (the first image's registry wins).
 */
import { parseSettings } from '../../../src/inputs/settings';

const settings = (inputs: Record<string, string>) => parseSettings((n) => ({ image: 'myapp:ci', ...inputs })[n]);

describe('credential hosts and an oci:// snapshot', () => {
  it('binds the snapshot registry when registry-host is not set', () => {
    expect(settings({ 'vuln-data': 'oci://ghcr.io/org/clair-data:latest' }).registry.hosts).toEqual(['ghcr.io']);
    // One registry only: the image's comes first; the snapshot's registry is read with its own Docker config credentials.
    expect(
      settings({ image: 'registry.example.com:5000/app:1', 'vuln-data': 'OCI://127.0.0.1:38729/data/x:nightly' })
        .registry.hosts,
    ).toEqual(['registry.example.com:5000']);
  });

  it('adds nothing for online data, a file or a URL; an explicit registry-host wins', () => {
    expect(settings({ 'vuln-data': 'online' }).registry.hosts).toEqual([]);
    expect(settings({ 'vuln-data': 'https://data.example.com/clair-data.json.zst' }).registry.hosts).toEqual([]);
    expect(
      settings({ 'vuln-data': 'oci://ghcr.io/org/clair-data:latest', 'registry-host': 'quay.io' }).registry.hosts,
    ).toEqual(['quay.io']);
  });
});
