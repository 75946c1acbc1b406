import { parseReference, stableName } from '../../../src/image/reference';

const HEX = 'a'.repeat(64);
const DIGEST = `sha256:${HEX}`;

describe('parseReference', () => {
  it.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine', tag: 'latest', digest: undefined }],
    ['alpine:3.19', { registry: 'docker.io', repository: 'library/alpine', tag: '3.19', digest: undefined }],
    ['org/app:1.2', { registry: 'docker.io', repository: 'org/app', tag: '1.2', digest: undefined }],
    ['docker.io/alpine', { registry: 'docker.io', repository: 'library/alpine', tag: 'latest', digest: undefined }],
    [
      'docker.io/library/nginx:1.25',
      { registry: 'docker.io', repository: 'library/nginx', tag: '1.25', digest: undefined },
    ],
    [
      'ghcr.io/org/team/app:v1.2.3-rc_1',
      { registry: 'ghcr.io', repository: 'org/team/app', tag: 'v1.2.3-rc_1', digest: undefined },
    ],
    ['localhost:5000/app:ci', { registry: 'localhost:5000', repository: 'app', tag: 'ci', digest: undefined }],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest', digest: undefined }],
    ['registry:5000/team/app', { registry: 'registry:5000', repository: 'team/app', tag: 'latest', digest: undefined }],
    ['10.0.0.5:5000/app:1', { registry: '10.0.0.5:5000', repository: 'app', tag: '1', digest: undefined }],
    [
      'my-registry.example.com/a__b/c-d--e:1',
      { registry: 'my-registry.example.com', repository: 'a__b/c-d--e', tag: '1', digest: undefined },
    ],
  ])('%s', (ref, expected) => {
    expect(parseReference(ref)).toEqual(expected);
  });

  it('a digest alone sets no tag', () => {
    expect(parseReference(`app@${DIGEST}`)).toEqual({
      registry: 'docker.io',
      repository: 'library/app',
      tag: undefined,
      digest: DIGEST,
    });
    expect(parseReference(`localhost:5000/app@${DIGEST}`)).toEqual({
      registry: 'localhost:5000',
      repository: 'app',
      tag: undefined,
      digest: DIGEST,
    });
  });

  it('keeps both tag and digest', () => {
    expect(parseReference(`ghcr.io/org/app:1.2@${DIGEST}`)).toEqual({
      registry: 'ghcr.io',
      repository: 'org/app',
      tag: '1.2',
      digest: DIGEST,
    });
  });

  it('trims surrounding whitespace', () => {
    expect(parseReference('  alpine:3.19\n')).toEqual({
      registry: 'docker.io',
      repository: 'library/alpine',
      tag: '3.19',
      digest: undefined,
    });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['upper case repository', 'MyApp:1'],
    ['upper case path segment', 'ghcr.io/Org/app'],
    ['a space inside', 'my app:1'],
    ['a tab inside', 'app:\t1'],
    ['an empty tag', 'app:'],
    ['a tag starting with a dot', 'app:.hidden'],
    ['a tag of 129 characters', `app:${'x'.repeat(129)}`],
    ['a bad digest', 'app@sha256:xyz'],
    ['a short digest', 'app@sha256:abc123'],
    ['an empty repository', 'ghcr.io/'],
    ['a leading separator', 'ghcr.io/-app'],
    ['a trailing separator', 'app-:1'],
    ['a double slash', 'ghcr.io//app'],
  ])('rejects %s', (_what, ref) => {
    expect(parseReference(ref)).toBeUndefined();
  });

  it('accepts a 128-character tag', () => {
    expect(parseReference(`app:${'x'.repeat(128)}`)?.tag).toBe('x'.repeat(128));
  });
});

describe('stableName', () => {
  it.each([
    ['alpine:3.19', 'alpine'],
    ['docker.io/library/nginx:1.25', 'nginx'],
    ['org/app:1', 'org/app'],
    ['ghcr.io/org/app:1.2', 'ghcr.io/org/app'],
    [`localhost:5000/app@${DIGEST}`, 'localhost:5000/app'],
    [`ghcr.io/library/app:1@${DIGEST}`, 'ghcr.io/library/app'],
  ])('%s → %s', (ref, name) => {
    const parsed = parseReference(ref);
    expect(parsed).toBeDefined();
    expect(stableName(parsed!)).toBe(name);
  });

  it('is the same for every tag and digest of one repository', () => {
    const names = ['myapp', 'myapp:1', 'myapp:2', `myapp@${DIGEST}`, 'docker.io/library/myapp:3'].map((r) =>
      stableName(parseReference(r)!),
    );
    expect(new Set(names)).toEqual(new Set(['myapp']));
  });
});
