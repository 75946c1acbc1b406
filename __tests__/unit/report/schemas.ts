/** Validators for the official schemas in shared/schemas beside the checkout (see SOURCES.md there). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

/** shared/ sits beside the checkout (CI clones next to it); CLAIR_SCAN_SCHEMA_DIR overrides. */
const SCHEMA_DIR =
  process.env.CLAIR_SCAN_SCHEMA_DIR ??
  [path.resolve(__dirname, '../../../../shared/schemas'), '/work/shared/schemas'].find((d) =>
    fs.existsSync(path.join(d, 'SOURCES.md')),
  ) ??
  path.resolve(__dirname, '../../../../shared/schemas');

function load(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;
}

/**
 * Copy of a schema without `uniqueItems`. ajv checks uniqueItems on arrays of objects pairwise (quadratic):
 * 5,000 SARIF results take minutes. The large-volume tests use this and check uniqueness themselves.
 */
function withoutUniqueItems(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutUniqueItems);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'uniqueItems') out[k] = withoutUniqueItems(v);
    return out;
  }
  return node;
}

const cache = new Map<string, ValidateFunction>();

function errors(v: ValidateFunction): string {
  return JSON.stringify(
    (v.errors ?? []).slice(0, 5).map((e: ErrorObject) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`),
  );
}

function validator(kind: 'oasis' | 'github' | 'gitlab', fast: boolean): ValidateFunction {
  const id = `${kind}:${fast}`;
  let v = cache.get(id);
  if (!v) {
    const ajv =
      kind === 'oasis'
        ? new AjvDraft04({ strict: false })
        : kind === 'github'
          ? // The codeql-action copy has an `anyOf` misplaced inside `properties` (see SOURCES.md), which ajv's
            // meta-schema check rejects; the schema is used as upload-sarif uses it.
            new Ajv2020({ strict: false, validateSchema: false })
          : new Ajv({ strict: false });
    addFormats(ajv);
    const file = {
      oasis: 'sarif-schema-2.1.0.json',
      github: 'github-codeql-action-sarif-schema-2.1.0.json',
      gitlab: 'container-scanning-report-format.json',
    }[kind];
    const schema = load(file);
    v = ajv.compile((fast ? withoutUniqueItems(schema) : schema) as Record<string, unknown>);
    cache.set(id, v);
  }
  return v;
}

/** Returns null when valid, else a description of the first errors. `fast`: skip uniqueItems (large documents). */
export function validateSarifOasis(doc: unknown, fast = false): string | null {
  const v = validator('oasis', fast);
  return v(doc) ? null : errors(v);
}

export function validateSarifGithub(doc: unknown, fast = false): string | null {
  const v = validator('github', fast);
  return v(doc) ? null : errors(v);
}

export function validateGitlab(doc: unknown, fast = false): string | null {
  const v = validator('gitlab', fast);
  return v(doc) ? null : errors(v);
}

/**
 * Validates every SARIF, GitLab and CycloneDX file among `written` (writeReports' answer) against the official
 * schemas; returns the problems, [] when all are valid.
 */
export async function validateWrittenReports(written: Partial<Record<string, string>>): Promise<string[]> {
  const problems: string[] = [];
  const read = (f: string): unknown => JSON.parse(fs.readFileSync(f, 'utf8'));
  if (written.sarif) {
    const doc = read(written.sarif);
    for (const [name, err] of [
      ['SARIF (OASIS)', validateSarifOasis(doc)],
      ['SARIF (GitHub)', validateSarifGithub(doc)],
    ])
      if (err) problems.push(`${name}: ${err}`);
  }
  if (written.gitlab) {
    const err = validateGitlab(read(written.gitlab));
    if (err) problems.push(`GitLab: ${err}`);
  }
  if (written.cyclonedx) {
    const err = await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(
      fs.readFileSync(written.cyclonedx, 'utf8'),
    );
    if (err !== null && err !== undefined) problems.push(`CycloneDX: ${JSON.stringify(err).slice(0, 500)}`);
  }
  return problems;
}
