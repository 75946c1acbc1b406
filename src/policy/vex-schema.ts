/**
 * The JSON-schema validation of VEX documents (src/policy/vex.ts): OpenVEX 0.2.0 against the vendored schema
 * (schemas/openvex/), CycloneDX 1.4–1.6 against the schemas @cyclonedx/cyclonedx-library ships, with ajv. Its own
 * module so the bundles load ajv and the schemas (~0.8 MB) only when a run has VEX files (src/util/lazy.ts).
 */
import Ajv2020 from 'ajv/dist/2020';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// JSON outside src/ (tsconfig.build's rootDir), so required, not imported; ncc bundles it.
const OPENVEX_SCHEMA = require('../../schemas/openvex/openvex_json_schema.json') as object;

let openVexValidator: ValidateFunction | undefined;
function validateOpenVexSchema(): ValidateFunction {
  if (!openVexValidator) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // RFC 3987 IRIs: ajv-formats has `iri` only in its full mode; an IRI is a URI that may hold non-ASCII characters.
    ajv.addFormat('iri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/u);
    openVexValidator = ajv.compile(OPENVEX_SCHEMA);
  }
  return openVexValidator;
}

/** Validates an OpenVEX document object against the vendored 0.2.0 schema; the errors (none = valid). */
export function openVexSchemaErrors(doc: unknown): ErrorObject[] {
  const v = validateOpenVexSchema();
  return v(doc) ? [] : [...(v.errors ?? [])];
}

const CDX_VERSIONS = ['1.4', '1.5', '1.6'] as const;
const cdxValidators = new Map<string, ValidateFunction>();
/** The CycloneDX JSON schema of `specVersion`, as @cyclonedx/cyclonedx-library ships it. */
function cdxValidator(version: string): ValidateFunction {
  let v = cdxValidators.get(version);
  if (!v) {
    // The library's package exports do not list res/: required by path; ncc bundles the JSON.
    const schemas: Record<string, object> = {
      '1.4': require('../../node_modules/@cyclonedx/cyclonedx-library/res/schema/bom-1.4.SNAPSHOT.schema.json'),
      '1.5': require('../../node_modules/@cyclonedx/cyclonedx-library/res/schema/bom-1.5.SNAPSHOT.schema.json'),
      '1.6': require('../../node_modules/@cyclonedx/cyclonedx-library/res/schema/bom-1.6.SNAPSHOT.schema.json'),
    };
    const spdx =
      require('../../node_modules/@cyclonedx/cyclonedx-library/res/schema/spdx.SNAPSHOT.schema.json') as object;
    const jsf =
      require('../../node_modules/@cyclonedx/cyclonedx-library/res/schema/jsf-0.82.SNAPSHOT.schema.json') as object;
    const crypto =
      require('../../node_modules/@cyclonedx/cyclonedx-library/res/schema/cryptography-defs.SNAPSHOT.schema.json') as object;
    // logger: false — the CycloneDX schemas use formats ajv-formats lacks (iri-reference, idn-email): not checked, not logged.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
    addFormats(ajv);
    ajv.addSchema(spdx, 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json');
    ajv.addSchema(jsf, 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json');
    ajv.addSchema(crypto, 'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json');
    v = ajv.compile(schemas[version]);
    cdxValidators.set(version, v);
  }
  return v;
}

/** Validates a CycloneDX BOM object against the library's schema of its specVersion; the errors (none = valid). */
export function cycloneDxSchemaErrors(bom: { specVersion?: unknown }): ErrorObject[] {
  const version = String(bom.specVersion);
  if (!(CDX_VERSIONS as readonly string[]).includes(version)) {
    return [
      {
        instancePath: '/specVersion',
        message: `must be one of ${CDX_VERSIONS.join(', ')} (VEX needs CycloneDX 1.4 or later)`,
        keyword: 'enum',
        schemaPath: '',
        params: {},
      },
    ];
  }
  const v = cdxValidator(version);
  return v(bom) ? [] : [...(v.errors ?? [])];
}
