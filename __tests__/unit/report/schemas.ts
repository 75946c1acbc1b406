/** Validators for the official schemas in /work/shared/schemas (see SOURCES.md there). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

const SCHEMA_DIR = process.env.CLAIR_SCAN_SCHEMA_DIR ?? '/work/shared/schemas';

function load(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;
}

let sarifOasis: ValidateFunction | undefined;
let sarifGithub: ValidateFunction | undefined;
let gitlab: ValidateFunction | undefined;

function errors(v: ValidateFunction): string {
  return JSON.stringify((v.errors ?? []).slice(0, 5).map((e: ErrorObject) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
}

/** Returns null when valid, else a description of the first errors. */
export function validateSarifOasis(doc: unknown): string | null {
  if (!sarifOasis) {
    const ajv = new AjvDraft04({ allErrors: false, strict: false });
    addFormats(ajv);
    sarifOasis = ajv.compile(load('sarif-schema-2.1.0.json'));
  }
  return sarifOasis(doc) ? null : errors(sarifOasis);
}

export function validateSarifGithub(doc: unknown): string | null {
  if (!sarifGithub) {
    const ajv = new Ajv2020({ allErrors: false, strict: false, validateSchema: false });
    addFormats(ajv);
    sarifGithub = ajv.compile(load('github-codeql-action-sarif-schema-2.1.0.json'));
  }
  return sarifGithub(doc) ? null : errors(sarifGithub);
}

export function validateGitlab(doc: unknown): string | null {
  if (!gitlab) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    addFormats(ajv);
    gitlab = ajv.compile(load('container-scanning-report-format.json'));
  }
  return gitlab(doc) ? null : errors(gitlab);
}
