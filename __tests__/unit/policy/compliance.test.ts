import { Readable } from 'node:stream';
import { checkCompliance, evaluatePolicy } from '../../../src/policy';
import { checkNonRoot, isRootUser } from '../../../src/policy/compliance/non-root';
import { requiredBaseImage } from '../../../src/policy/compliance/base-image';
import { checkSecrets, ContentScanner } from '../../../src/policy/compliance/secrets';
import type { ResolvedImage } from '../../../src/image/types';
import { ClairScanError } from '../../../src/util/errors';
import { imageInfo, imageResult, policy, scanResult } from '../../helpers/model';
import { makeTar, memoryImage } from '../../helpers/layers';

/** Deterministic fake secrets, assembled at run time so no token-like literal sits in the source. */
function chars(alphabet: string, n: number, seed: number): string {
  let out = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRETS = {
  aws: 'AKIA' + chars(UPPER, 16, 1),
  github: 'ghp_' + chars(ALNUM, 36, 2),
  githubPat: 'github_pat_' + chars(ALNUM, 22, 3) + '_' + chars(ALNUM, 59, 4),
  gitlab: 'glpat-' + chars(ALNUM, 20, 5),
  slack: 'xoxb-' + chars('0123456789', 12, 6) + '-' + chars(ALNUM, 24, 7),
  google: 'AIza' + chars(ALNUM, 35, 8),
  pemBody: chars(ALNUM, 64, 9),
  npm: chars(ALNUM, 36, 10),
  dockerAuth: Buffer.from('user:' + chars(ALNUM, 20, 11)).toString('base64'),
  pypi: chars(ALNUM, 24, 12),
  netrc: chars(ALNUM, 24, 13),
};
const PEM = `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRETS.pemBody}\n-----END OPENSSH PRIVATE KEY-----\n`;

/** No finding, nor its JSON, contains any secret or any 8-character piece of one. */
function expectNoSecretValues(json: string): void {
  for (const value of Object.values(SECRETS)) {
    for (let i = 0; i + 8 <= value.length; i++) expect(json.includes(value.slice(i, i + 8))).toBe(false);
  }
}

describe('non-root', () => {
  it.each([
    ['', true],
    ['root', true],
    ['0', true],
    ['00', true],
    ['0:0', true],
    ['root:root', true],
    ['0:1000', true],
    ['root:staff', true],
    [':0', true],
    [':1000', true],
    ['  root  ', true],
    ['1000', false],
    ['1000:1000', false],
    ['1000:0', false],
    ['app', false],
    ['app:root', false],
    ['nobody', false],
    ['10', false],
  ])('user %j → root=%s', (user, root) => {
    expect(isRootUser(user)).toBe(root);
    const findings = checkNonRoot(imageInfo({ user }));
    expect(findings.length).toBe(root ? 1 : 0);
    if (root) {
      expect(findings[0]).toMatchObject({
        kind: 'compliance',
        rule: 'non-root',
        severity: 'High',
        key: 'myorg/app|non-root',
      });
      expect(findings[0].message).toMatch(/USER/);
    }
  });
});

describe('required base image', () => {
  async function layers(n: number, prefix: string): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for (let i = 0; i < n; i++) out.push(await makeTar([{ name: `${prefix}${i}.txt`, content: `${prefix}${i}` }]));
    return out;
  }

  it('passes when the base layers are a prefix; fails naming the differing layer; closes the base', async () => {
    const [a, b] = await layers(2, 'base');
    const [c, x] = await layers(2, 'app');
    const resolved: string[] = [];
    const bases: ReturnType<typeof memoryImage>[] = [];
    const resolve = async (ref: string): Promise<ResolvedImage> => {
      resolved.push(ref);
      const img = memoryImage([{ tar: a }, { tar: b }], { ref, name: 'debian' });
      bases.push(img);
      return img;
    };
    const good = memoryImage([{ tar: a }, { tar: b }, { tar: c }]);
    expect(await requiredBaseImage(good, 'debian:12', resolve)).toEqual([]);

    const bad = memoryImage([{ tar: a }, { tar: x }, { tar: c }]);
    const findings = await requiredBaseImage(bad, 'debian:12', resolve);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'required-base-image',
      severity: 'High',
      layer: bad.info.layers[1].diffId,
    });
    expect(findings[0].message).toContain(
      `layer 2 differs: the base image has ${good.info.layers[1].diffId}, the image has ${bad.info.layers[1].diffId}`,
    );

    const short = memoryImage([{ tar: a }]);
    const f2 = await requiredBaseImage(short, 'debian:12', resolve);
    expect(f2[0].message).toContain('the base image has 2 layers but the image has only 1');
    expect(f2[0].layer).toBeUndefined();

    expect(resolved).toEqual(['debian:12', 'debian:12', 'debian:12']);
    expect(bases.map((b) => b.closed)).toEqual([1, 1, 1]);
  });

  it('closes the base image even when reading it fails', async () => {
    let closed = 0;
    const broken = {
      get info(): never {
        throw new Error('boom');
      },
      layers: [],
      close: async () => {
        closed++;
      },
    } as unknown as ResolvedImage;
    await expect(requiredBaseImage(memoryImage([]), 'x', async () => broken)).rejects.toThrow('boom');
    expect(closed).toBe(1);
  });
});

describe('ContentScanner (the sliding window)', () => {
  it('finds a secret split at every possible chunk boundary, with its line', () => {
    const text = `line one\nline two\nkey=${SECRETS.aws}\n`;
    for (let cut = 1; cut < text.length; cut++) {
      const s = new ContentScanner();
      s.push(text.slice(0, cut));
      s.push(text.slice(cut));
      s.end();
      expect([cut, s.found.get('secret/aws-access-key-id')]).toEqual([cut, 3]);
    }
  });

  it('finds a secret after a long prefix fed in tiny chunks (the window drops old text)', () => {
    const text = 'x\n'.repeat(3000) + `token: ${SECRETS.github} end\n`;
    const s = new ContentScanner();
    for (let i = 0; i < text.length; i += 5) s.push(text.slice(i, i + 5));
    s.end();
    expect(s.found.get('secret/github-token')).toBe(3001);
  });

  it('does not call a longer run of capitals an AWS key, even split at the 20th character', () => {
    const long = SECRETS.aws + 'XYZ';
    const s = new ContentScanner();
    s.push(`a ${long.slice(0, 22)}`);
    s.push(`${long.slice(22)} b`);
    s.end();
    expect(s.found.has('secret/aws-access-key-id')).toBe(false);
  });

  it('ignores the AWS documentation example key', () => {
    const s = new ContentScanner();
    s.push('aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n');
    s.end();
    expect(s.found.size).toBe(0);
  });
});

describe('secrets check on streamed layers', () => {
  it('finds every kind of secret and credential file, without ever reporting a value', async () => {
    const layer = await makeTar([
      { name: 'app/', type: 'directory' },
      { name: 'app/.env', content: `AWS_ACCESS_KEY_ID=${SECRETS.aws}\n` },
      { name: 'app/ci.yml', content: `a: 1\ngithub: ${SECRETS.github}\npat: ${SECRETS.githubPat}\n` },
      {
        name: 'app/tokens.txt',
        content: `gitlab ${SECRETS.gitlab}\nslack ${SECRETS.slack}\ngoogle ${SECRETS.google}\n`,
      },
      { name: 'app/deploy.pem', content: PEM },
      { name: 'root/.ssh/id_ed25519', content: PEM },
      { name: 'root/.ssh/id_ed25519.pub', content: 'ssh-ed25519 AAAA' },
      { name: 'root/.aws/credentials', content: '[default]\n' },
      { name: 'root/.git-credentials', content: 'https://u:x@example.invalid\n' },
      {
        name: 'root/.docker/config.json',
        content: JSON.stringify({ auths: { 'ghcr.io': { auth: SECRETS.dockerAuth } } }),
      },
      { name: 'home/a/.npmrc', content: `registry=https://r.example/\n//r.example/:_authToken=${SECRETS.npm}\n` },
      { name: 'home/a/.pypirc', content: `[pypi]\nusername = __token__\npassword = ${SECRETS.pypi}\n` },
      { name: 'home/a/.netrc', content: `machine example.invalid login me password ${SECRETS.netrc}\n` },
      { name: 'usr/bin/link', type: 'symlink', linkname: '/app/.env' },
    ]);
    const img = memoryImage([{ tar: layer }]);
    const { findings, stats } = await checkSecrets(img);
    const got = findings.map((f) => `${f.rule} ${f.path}`).sort();
    expect(got).toEqual(
      [
        'secret/aws-access-key-id /app/.env',
        'secret/github-token /app/ci.yml',
        'secret/gitlab-token /app/tokens.txt',
        'secret/slack-token /app/tokens.txt',
        'secret/google-api-key /app/tokens.txt',
        'secret/private-key /app/deploy.pem',
        'secret/private-key /root/.ssh/id_ed25519',
        'secret/ssh-private-key-file /root/.ssh/id_ed25519',
        'secret/aws-credentials-file /root/.aws/credentials',
        'secret/git-credentials-file /root/.git-credentials',
        'secret/docker-config-auth /root/.docker/config.json',
        'secret/npmrc-token /home/a/.npmrc',
        'secret/pypirc-password /home/a/.pypirc',
        'secret/netrc-password /home/a/.netrc',
      ].sort(),
    );
    for (const f of findings) {
      expect(f).toMatchObject({ kind: 'compliance', severity: 'Critical', layer: img.info.layers[0].diffId });
      expect(f.key).toBe(`myorg/app|${f.rule}|${f.path}`);
    }
    expect(findings.find((f) => f.rule === 'secret/github-token')?.message).toContain('/app/ci.yml (line 2)');
    expect(stats).toMatchObject({ layers: 1, files: 12, skippedLarge: 0, skippedBinary: 0 });
    expectNoSecretValues(JSON.stringify(findings));

    // The github_pat_ form alone is found too.
    const pat = memoryImage([{ tar: await makeTar([{ name: 'p', content: `x ${SECRETS.githubPat} y` }]) }]);
    expect((await checkSecrets(pat)).findings.map((f) => f.rule)).toEqual(['secret/github-token']);
  });

  it('a secret split across two stream chunks is found (layer streamed 7 bytes at a time)', async () => {
    const content = 'filler line\n'.repeat(100) + `export KEY=${SECRETS.aws}\n` + 'tail\n'.repeat(100);
    const tarBuf = await makeTar([{ name: 'etc/profile.d/env.sh', content }]);
    const img = memoryImage([{ tar: tarBuf, chunkSize: 7 }]);
    const { findings } = await checkSecrets(img);
    expect(findings.map((f) => [f.rule, f.path])).toEqual([['secret/aws-access-key-id', '/etc/profile.d/env.sh']]);
    expect(findings[0].message).toContain('(line 101)');
  });

  it('a secret deleted by a later layer (whiteout) still counts, and says so', async () => {
    const l1 = await makeTar([
      { name: 'app/id_rsa', content: PEM },
      { name: 'data/keep/token.txt', content: `t=${SECRETS.github}\n` },
      { name: 'srv/x.env', content: `k=${SECRETS.aws}\n` },
    ]);
    const l2 = await makeTar([
      { name: 'app/.wh.id_rsa', content: '' },
      { name: 'data/.wh..wh..opq', content: '' },
      { name: 'srv/x.env', content: 'k=rotated\n' },
    ]);
    const l3 = await makeTar([{ name: 'other.txt', content: 'hello' }]);
    const img = memoryImage([{ tar: l1 }, { tar: l2 }, { tar: l3 }]);
    const { findings } = await checkSecrets(img);
    const by = (rule: string) => findings.find((f) => f.rule === rule);
    expect(findings.map((f) => f.rule).sort()).toEqual(
      ['secret/aws-access-key-id', 'secret/github-token', 'secret/private-key', 'secret/ssh-private-key-file'].sort(),
    );
    for (const rule of ['secret/ssh-private-key-file', 'secret/private-key', 'secret/github-token']) {
      expect(by(rule)?.message).toContain("It was deleted later (layer 2) but is still in the image's history");
      expect(by(rule)?.message).toContain('added in layer 1 of 3');
      expect(by(rule)?.layer).toBe(img.info.layers[0].diffId);
    }
    expect(by('secret/aws-access-key-id')?.message).toContain('overwritten later (layer 2)');
    expectNoSecretValues(JSON.stringify(findings));
  });

  it('skips large and binary files for content (counted), but still checks their paths', async () => {
    const big = Buffer.alloc(1536 * 1024, 'a');
    Buffer.from(`key ${SECRETS.aws} `).copy(big, 1000);
    const bin = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]), Buffer.from(` ${SECRETS.github} `)]);
    const layer = await makeTar([
      { name: 'opt/big.log', content: big },
      { name: 'usr/bin/tool', content: bin },
      { name: 'root/.ssh/id_rsa', content: Buffer.concat([Buffer.alloc(2 * 1024 * 1024, 1)]) },
      { name: 'etc/ok.txt', content: 'nothing here' },
    ]);
    const img = memoryImage([{ tar: layer }]);
    const notes: string[] = [];
    const findings = await checkCompliance(
      img,
      policy({ checkSecrets: true }),
      async () => {
        throw new Error('not used');
      },
      { notes },
    );
    expect(findings.map((f) => `${f.rule} ${f.path}`)).toEqual(['secret/ssh-private-key-file /root/.ssh/id_rsa']);
    expect(notes).toEqual([
      'secrets check: 4 files in 1 layers; content of 1 text files scanned; not content-scanned (paths only): 2 files over 1 MiB, 1 binary files',
    ]);
  });

  it('credential files only count with credentials in them', async () => {
    const layer = await makeTar([
      {
        name: 'root/.docker/config.json',
        content: JSON.stringify({ credsStore: 'desktop', auths: { 'ghcr.io': {} } }),
      },
      { name: 'home/b/.docker/config.json', content: JSON.stringify({ experimental: 'enabled' }) },
      { name: 'home/c/.docker/config.json', content: '{ not json' },
      { name: 'home/a/.npmrc', content: 'registry=https://r.example/\n//r.example/:_authToken=${NPM_TOKEN}\n' },
      { name: 'home/a/.pypirc', content: '[pypi]\nusername = __token__\n' },
      { name: 'home/a/.netrc', content: 'machine example.invalid login me\n' },
    ]);
    const { findings, stats } = await checkSecrets(memoryImage([{ tar: layer }]));
    expect(findings).toEqual([]);
    expect(stats.scanned).toBe(6);
  });

  it('a broken layer stream is a ClairScanError naming the layer', async () => {
    const img = memoryImage([{ tar: await makeTar([{ name: 'a', content: 'a' }]) }]);
    img.layers[0].openTar = async () =>
      new Readable({
        read() {
          this.destroy(new Error('connection reset'));
        },
      });
    const err = await checkSecrets(img).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).message).toBe(
      `secrets check: cannot read layer 1 (${img.info.layers[0].diffId}): connection reset`,
    );
  });

  it('opens every layer exactly once', async () => {
    const img = memoryImage([
      { tar: await makeTar([{ name: 'a', content: 'a' }]) },
      { tar: await makeTar([{ name: 'b', content: 'b' }]) },
      { tar: await makeTar([{ name: 'c', content: 'c' }]) },
    ]);
    const { stats } = await checkSecrets(img);
    expect(img.opened).toBe(3);
    expect(stats.files).toBe(3);
  });
});

describe('checkCompliance + evaluatePolicy', () => {
  it('runs only the enabled checks', async () => {
    const img = memoryImage([{ tar: await makeTar([{ name: 'k.pem', content: PEM }]) }], { user: 'root' });
    const resolve = async (): Promise<ResolvedImage> => {
      throw new Error('not called');
    };
    expect(await checkCompliance(img, policy(), resolve)).toEqual([]);
    expect(img.opened).toBe(0);
    expect((await checkCompliance(img, policy({ checkNonRoot: true }), resolve)).map((f) => f.rule)).toEqual([
      'non-root',
    ]);
    expect((await checkCompliance(img, policy({ checkSecrets: true }), resolve)).map((f) => f.rule)).toEqual([
      'secret/private-key',
    ]);
  });

  it('an enabled check fails the gate unless allowlisted; compliance findings count with their severity', async () => {
    const img = memoryImage([{ tar: await makeTar([{ name: 'k.pem', content: PEM }]) }], { user: '0' });
    const pol = policy({ checkNonRoot: true, checkSecrets: true, severityThreshold: undefined });
    const comp = await checkCompliance(img, pol, async () => img);
    const result = scanResult([imageResult(img.info, [], comp)]);
    const verdict = await evaluatePolicy(result, pol, new Date('2026-01-01T00:00:00Z'));
    expect(verdict.status).toBe('fail');
    expect(verdict.rules).toEqual(['check-non-root', 'check-secrets']);
    expect(verdict.reasons).toEqual([
      '1 compliance finding (check-non-root): non-root in myorg/app:1.0',
      '1 compliance finding (check-secrets): secret/private-key at /k.pem in myorg/app:1.0',
    ]);
    expect(verdict.counted).toMatchObject({ High: 1, Critical: 1 });
  });
});
