/**
 * docs/shared-clair.md's Kubernetes manifests, as the doc shows them, against the Kubernetes OpenAPI schemas
 * (kubernetes-models 4.5.1: Kubernetes 1.27.1's schemas compiled for ajv; 5.x needs Node 22): the kinds, required fields and types.
 * The schemas allow unknown fields, so a misspelled optional field is not caught here (a server's strict field
 * validation would). No cluster runs them here; the doc says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import YAML from 'yaml';

const root = join(__dirname, '..', '..', '..');
const doc = readFileSync(join(root, 'docs/shared-clair.md'), 'utf8');

/** The first ```yaml block after the "### Kubernetes" heading: what a reader copies. */
function manifests(): Record<string, unknown>[] {
  const section = doc.slice(doc.indexOf('\n### Kubernetes\n'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('docs/shared-clair.md has no yaml block under "### Kubernetes"');
  return YAML.parseAllDocuments(block).map((d) => d.toJS() as Record<string, unknown>);
}

const KINDS: Record<string, new (m: never) => { validate(): void }> = {
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'networking.k8s.io/v1/Ingress': Ingress,
};

/** 'valid', or the schema's complaint, per manifest. */
function validate(ms: unknown[]): string[] {
  return (ms as { apiVersion: string; kind: string }[]).map((m) => {
    const Kind = KINDS[`${m.apiVersion}/${m.kind}`];
    if (!Kind) return `no schema for ${m.apiVersion}/${m.kind}`;
    try {
      new Kind(m as never).validate();
      return 'valid';
    } catch (err) {
      return String((err as Error).message);
    }
  });
}

describe("docs/shared-clair.md's Kubernetes manifests", () => {
  const ms = manifests();

  test('are the documented objects', () => {
    expect(ms.map((m) => `${m.kind as string}/${(m.metadata as { name: string }).name}`)).toEqual([
      'Secret/clair',
      'Deployment/clair-indexer',
      'Deployment/clair-matcher',
      'Service/clair-indexer',
      'Service/clair-matcher',
      'Ingress/clair',
    ]);
  });

  test('validate against the Kubernetes OpenAPI schemas', () => {
    expect(validate(ms)).toEqual(ms.map(() => 'valid'));
  });

  test('the validator rejects a broken copy (replicas as a string, a Deployment without containers)', () => {
    const copy = (): { spec: { replicas: unknown; template: { spec: Record<string, unknown> } } } =>
      JSON.parse(JSON.stringify(ms[1]));
    const a = copy();
    a.spec.replicas = 'two';
    const b = copy();
    delete b.spec.template.spec.containers;
    const [ra, rb] = validate([a, b]);
    expect(ra).toContain('replicas must be integer');
    expect(rb).toContain('must have required property containers');
  });

  test('the doc says the manifests were schema-checked, not run', () => {
    expect(doc).toMatch(
      /Kubernetes\s+manifests are checked against the Kubernetes API schemas[\s\S]{0,200}not applied to a cluster/,
    );
  });
});
