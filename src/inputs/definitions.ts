/**
 * The one list of inputs. The action reads them as `INPUT_<NAME>` (action.yml), the CLI as `--<name>`
 * flags, the GitLab template as `CLAIR_SCAN_<NAME>` variables. `npm run mirrors` (scripts/mirrors.ts) writes
 * action.yml's inputs and outputs, the README's tables and the template's variables from it, so it is the single
 * place to add an input.
 */
import { REPORT_OUTPUTS } from '../report/formats';

export type InputType = 'string' | 'boolean' | 'integer' | 'list';

export interface InputDefinition {
  name: string;
  description: string;
  /** Default as the user would write it (string form); '' means unset. */
  default: string;
  type: InputType;
  /** An integer input's bounds (inclusive); the one place they are written (settings.ts checks them). */
  min?: number;
  max?: number;
  required?: boolean;
  /** Only meaningful in the GitHub Action (hidden from the CLI). */
  actionOnly?: boolean;
  /**
   * A credential: masked in every log line and error the moment it is read. The CLI also reads it from a
   * file (`--<name>-file <path>`, `CLAIR_SCAN_<NAME>_FILE`) and warns when it is given as a flag, whose value
   * other users of the machine can read in the process list.
   */
  secret?: boolean;
  /**
   * A compliance check's input (src/policy/compliance/): parsed by its type into `Settings.policy` under its
   * camelCase name (`check-non-root` → `policy.checkNonRoot`), so a new check adds its row here and nothing in settings.ts.
   */
  check?: boolean;
  /** The action.yml default expression when it differs from `default` (e.g. `${{ github.token }}`). */
  actionDefault?: string;
  /**
   * The GitLab template's variable when it is not `default`: a value from GitLab's own variables and the note that
   * says so, or `mode` when the template's services/dind mode sets it (scripts/mirrors.ts writes the template).
   */
  gitlab?: { readonly value: string; readonly note: string } | 'mode';
  group: 'image' | 'clair' | 'data' | 'policy' | 'reports' | 'publish';
}

const DEFAULT_CLAIR_IMAGE = 'quay.io/projectquay/clair:4.9.0';
const DEFAULT_POSTGRES_IMAGE = 'docker.io/library/postgres:15';
/**
 * The database image this project publishes nightly (.github/workflows/vuln-data-nightly.yml): PostgreSQL with Clair's
 * schema and data inside, ready in about a second, as trivy-db is for Trivy. Its tag is the default Clair's version:
 * the two move together (a database image of another Clair version is refused).
 */
export const DEFAULT_DB_IMAGE = 'ghcr.io/clair-scan/clair-db:v4.9.0';

/** The description suffix of a secret input that the CLI also takes (see `InputDefinition.secret`). */
function secretNote(name: string): string {
  const env = `CLAIR_SCAN_${name.toUpperCase().replace(/-/g, '_')}`;
  return ` Secret: masked in logs. CLI: set \`${env}\` or read it from a file with \`--${name}-file <path>\` (or \`${env}_FILE\`); a \`--${name}\` flag is visible to other users in the process list.`;
}

/**
 * Written `as const` so that the input names are a type (`InputName`): reading an input that does not exist, e.g.
 * `opt('required-base-imag')`, is a compile error instead of a silent undefined.
 */
const INPUT_LIST = [
  // image source
  {
    name: 'image',
    gitlab: {
      value: '$CS_IMAGE',
      note: "Here: GitLab's CS_IMAGE, the image the pipeline built (as GitLab's container scanning reads it).",
    },
    group: 'image',
    type: 'list',
    default: '',
    description:
      'Image(s) to scan, one per line or comma-separated: a name in the Docker daemon (`myapp:ci`), a `docker save`/OCI archive path, or a registry reference. Prefix with `docker:`, `archive:` (also `docker-archive:`, `oci-archive:`) or `registry:` to force the source. Required unless `images-file` names the images.',
  },
  {
    name: 'image-source',
    gitlab: 'mode',
    group: 'image',
    type: 'string',
    default: 'auto',
    description:
      'Where to read unprefixed images from: `auto` (an existing file is an archive; else the Docker daemon; a name with a registry host that the daemon lacks, from that registry; Docker Hub is never used implicitly), `docker`, `archive` or `registry`.',
  },
  {
    name: 'platform',
    group: 'image',
    type: 'string',
    default: '',
    description:
      "The platform to scan from a multi-platform image, `os/arch[/variant]` (`linux/arm64`, `linux/arm/v7`): taken from a registry's image index or an OCI archive's index.json; a Docker daemon's image must be that platform. `all`: every platform of the index in one run, each a result of its own labelled with its platform (in every report, the comment and the `platforms` output); one platform that fails to scan fails the run. Unset: the index's linux/amd64 (linux/arm64 on arm64 runners) image, or the single image. (The CI platform is `--ci-platform`.)",
  },
  {
    name: 'images-file',
    group: 'image',
    type: 'string',
    default: '',
    description:
      "Batch mode: a file with one image reference per line (`#` comments) to scan in one run, each image on its own (a failing image does not stop the others). Writes `batch-summary.json` and `vulnerable.list` to output-dir; exit code 2 if any image errored, else 1 if any failed the policy. A line (or an `image`) `registry:HOST/ORG/*` lists the registry's repositories under ORG (`**`: at any depth), see `tags`. See docs/shared-clair.md.",
  },
  {
    name: 'tags',
    group: 'image',
    type: 'list',
    default: 'latest',
    description:
      'Batch mode, registry listings (`registry:HOST/ORG/*`): the tags to scan, comma-separated: `latest`, `semver` (every semantic-version tag), `all`, or `/REGEX/` (matching the whole tag).',
  },
  {
    name: 'concurrency',
    group: 'image',
    type: 'integer',
    min: 1,
    max: 64,
    default: '4',
    description:
      'Batch mode: images scanned at the same time (1–64). Clair indexes synchronously, so this is the number of index requests a shared Clair gets from this run at once.',
  },
  {
    name: 'resume',
    group: 'image',
    type: 'boolean',
    default: 'false',
    description:
      'Batch mode: skip the images an earlier, interrupted run with the same output-dir and policy already finished (state in `batch-state.jsonl`); images that errored are scanned again.',
  },
  {
    name: 'image-timeout',
    group: 'image',
    type: 'integer',
    min: 1,
    max: 7 * 24 * 3600,
    default: '1800',
    description:
      'Batch mode: seconds one image may take from export to its reports; over it, the image is recorded as errored and the batch goes on.',
  },
  {
    name: 'docker-host',
    group: 'image',
    type: 'string',
    default: '',
    description:
      'Docker daemon to read images from and run Clair on, e.g. `tcp://docker:2375` for GitLab `docker:dind`. Defaults to `DOCKER_HOST`, else the local socket.',
  },
  {
    name: 'registry-username',
    gitlab: {
      value: '$CS_REGISTRY_USER',
      note: "Here: GitLab's CS_REGISTRY_USER (by default the job's registry user).",
    },
    group: 'image',
    type: 'string',
    default: '',
    description: 'Username for pulling `registry:` images (basic or token auth).',
  },
  {
    name: 'registry-password',
    gitlab: {
      value: '$CS_REGISTRY_PASSWORD',
      note: "Here: GitLab's CS_REGISTRY_PASSWORD (by default the job's registry password).",
    },
    group: 'image',
    type: 'string',
    default: '',
    secret: true,
    description: `Password or token for pulling \`registry:\` images.${secretNote('registry-password')}`,
  },
  {
    name: 'registry-insecure',
    gitlab: { value: '$CS_REGISTRY_INSECURE', note: "Empty: GitLab's CS_REGISTRY_INSECURE, else false." },
    group: 'image',
    type: 'boolean',
    default: 'false',
    description:
      'Talk plain HTTP to the registry (for a local test registry). Loopback registries use HTTP unless they answer TLS.',
  },
  {
    name: 'registry-host',
    gitlab: {
      value: '$CI_REGISTRY,$CI_SERVER_URL',
      note: "Here: the project's registry and the GitLab server, whose `/jwt/auth` hands out that registry's tokens.",
    },
    group: 'image',
    type: 'list',
    default: '',
    description:
      'The one registry (`host[:port]`) registry-username/registry-password are sent to, after a 401 challenge; further comma-separated entries are hosts of its https token service, never registries. Default: the first registry the `image` references (or a batch list) name. Other registries get no credentials but their own from the Docker config (`auths`, `credHelpers`, `credsStore`).',
  },
  {
    name: 'registry-ca-file',
    gitlab: {
      value: '$ADDITIONAL_CA_CERT_BUNDLE',
      note: "(Its contents; a file-type variable's path works too.)",
    },
    group: 'image',
    type: 'string',
    default: '',
    description:
      "CA certificate(s) (PEM: a file path, or the PEM text itself) trusted besides the default CAs by clair-scan's HTTPS clients: registries and their token services, `vuln-data` URLs, database-image lookups, and the ephemeral Clair's updaters. Adds trust, never disables verification. The GitLab template sets it from `ADDITIONAL_CA_CERT_BUNDLE`.",
  },
  {
    name: 'layer-server-address',
    group: 'image',
    type: 'string',
    default: '',
    description:
      'Address (`host` or `host:port`) at which Clair reaches the layer server this tool runs. Chosen automatically (the local address that routes to the Docker daemon or `clair-url`); set it only if auto-detection is wrong.',
  },
  // clair
  {
    name: 'clair-url',
    group: 'clair',
    type: 'string',
    default: '',
    description:
      'Use an existing Clair (combo or indexer+matcher behind one URL) instead of starting one, e.g. `http://clair.internal:6060`. No containers are started.',
  },
  {
    name: 'clair-psk',
    group: 'clair',
    type: 'string',
    default: '',
    secret: true,
    description: `Base64 pre-shared key of an existing Clair with \`auth.psk\`; requests are signed as issuer \`clair-intraservice\`.${secretNote('clair-psk')}`,
  },
  {
    name: 'clair-mode',
    gitlab: 'mode',
    group: 'clair',
    type: 'string',
    default: 'container',
    description:
      "How the run's own Clair runs: `container` (PostgreSQL and Clair as ephemeral containers on the Docker daemon) or `process` (`clair` from the PATH as a child process of clair-scan, against the PostgreSQL of `postgres-url`: a database image holding the data, `vuln-data: db-image:<ref>`, or a database a snapshot is imported into with `clairctl`; never `online`; no Docker daemon needed for registry and archive images; docs/process-mode.md). Not with `clair-url`.",
  },
  {
    name: 'postgres-url',
    gitlab: 'mode',
    group: 'clair',
    type: 'string',
    default: '',
    secret: true,
    description: `With \`clair-mode: process\`: the PostgreSQL holding Clair's database, as \`postgres://USER:PASSWORD@HOST:PORT/DB\` (e.g. the database image as a GitLab service).${secretNote('postgres-url')}`,
  },
  {
    name: 'clair-image',
    group: 'clair',
    type: 'string',
    default: DEFAULT_CLAIR_IMAGE,
    description: 'Clair image for the ephemeral Clair.',
  },
  {
    name: 'postgres-image',
    group: 'clair',
    type: 'string',
    default: DEFAULT_POSTGRES_IMAGE,
    description:
      'PostgreSQL image for the ephemeral Clair database (must honour `POSTGRES_USER`/`POSTGRES_PASSWORD`/`POSTGRES_DB` like the official image).',
  },
  {
    name: 'pull',
    group: 'clair',
    type: 'string',
    default: 'missing',
    description: 'When to pull the Clair and PostgreSQL images: `missing`, `always` or `never`.',
  },
  {
    name: 'clair-config',
    group: 'clair',
    type: 'string',
    default: '',
    description:
      'Optional Clair config file (`.yaml` or `.json`) merged over the generated one as a Clair drop-in (e.g. to set `log_level` or updater options). Connection strings and listen addresses are always generated.',
  },
  {
    name: 'rhel-repo2cpe',
    group: 'clair',
    type: 'string',
    default: '',
    description:
      "Red Hat's repository-to-CPE mapping file (`repository-to-cpe.json`, published at security.access.redhat.com/data/metrics/) for the ephemeral Clair's RHEL repository scanner: it turns the content sets of an RHEL/UBI image into the repository CPEs that RHEL matching needs. Offline runs (a snapshot in `vuln-data`) have no other source: without it such an image has no repository CPEs and the scan refuses to call it clean.",
  },
  {
    name: 'rhel-name2repos',
    group: 'clair',
    type: 'string',
    default: '',
    description:
      "Red Hat's container name-to-repositories mapping file (`container-name-repos-map.json`, published at security.access.redhat.com/data/metrics/) for the ephemeral Clair's Red Hat container scanner: it lists the repositories a Red Hat container image ships to under its `name` label, and each becomes a package of the image, so rhel-vex records filed under any of them match. Offline runs (a snapshot in `vuln-data`) have no other source: without it the image's only package is its `name` label.",
  },
  {
    name: 'startup-timeout',
    group: 'clair',
    type: 'integer',
    min: 1,
    default: '300',
    description: 'Seconds to wait for PostgreSQL and Clair to become ready.',
  },
  {
    name: 'scan-timeout',
    group: 'clair',
    type: 'integer',
    min: 1,
    default: '900',
    description: 'Seconds to wait for Clair to index and match one image.',
  },
  // vulnerability data
  {
    name: 'vuln-data',
    gitlab: {
      value: 'db-image:$CLAIR_SCAN_DB_IMAGE',
      note: "Here: the database image CLAIR_SCAN_DB_IMAGE (the services mode's service, the dind mode's PostgreSQL).",
    },
    group: 'data',
    type: 'string',
    default: `db-image:${DEFAULT_DB_IMAGE}`,
    description:
      "Vulnerability data for the ephemeral Clair. The default is this project's nightly database image (signed; see docs/vuln-data.md). Or `online` (run Clair's updaters for the distributions found in the image), or a snapshot: the path or URL of a bundle made by `clair-scan data export` or `clairctl export-updaters` (`.json`, `.gz`, `.zst`), or `oci://REGISTRY/REPO:TAG` (pushed with `clair-scan data push`; same credentials as images), or `db-image:REGISTRY/REPO:TAG`: a PostgreSQL image with the Clair database and its data inside (built with `clair-scan data image build`) that PostgreSQL starts from, so no import runs (pulled per `pull`, with the credentials bound to its registry). Snapshots are verified before use (docs/vuln-data.md).",
  },
  {
    name: 'vuln-data-max-age',
    group: 'data',
    type: 'string',
    default: '',
    description:
      'With a snapshot in `vuln-data`: its maximum age, e.g. `24h`, `2d`. An older snapshot is refreshed online (its updater sets) when the Docker host can reach the sources; otherwise it is used with a warning naming its age in the log and the reports. A `db-image:` older than this (its creation time) is refused, and so is KEV, EPSS or end-of-life data older than this by its own date (given or carried by the data). Empty: no limit.',
  },
  {
    name: 'vuln-data-public-key',
    group: 'data',
    type: 'string',
    default: '',
    description:
      'A PEM public key (a path, or the PEM text itself), e.g. `cosign.pub`: every `vuln-data` snapshot or database image must carry a valid cosign-compatible signature by it before it is used (`oci://` and `db-image:` by their registry manifest digest, files and URLs by `<bundle>.manifest.json.sig`; signed with `--sign-key` on `clair-scan data push`, `data export`, `data image build`), and cached online data is used only when signed. A missing or bad signature is an error. Empty: the data is used unverified, with a notice in the log and the reports. See docs/vuln-data.md.',
  },
  {
    name: 'updaters',
    group: 'data',
    type: 'list',
    default: '',
    description:
      'With `vuln-data: online`: Clair updater sets to run (e.g. `debian,alpine,osv`). Default: chosen from the distributions and language packages found in the image.',
  },
  {
    name: 'data-timeout',
    group: 'data',
    type: 'integer',
    min: 1,
    default: '1800',
    description: 'Seconds to wait for vulnerability data to load.',
  },
  {
    name: 'cache',
    group: 'data',
    type: 'boolean',
    default: 'true',
    actionOnly: true,
    description:
      "With `vuln-data: online`: keep the vulnerability data that Clair's updaters fetched in the GitHub Actions cache (key `clair-scan-vulndata-<clair version>-<updater sets>-<YYYYMMDD>`, restoring the newest older entry when today's is missing) and load it instead of running the updaters while it is younger than `vuln-data-max-age` (default 24 h); older data is refreshed by the updaters and saved again. A cache failure never fails the scan.",
  },
  // policy
  {
    name: 'severity-threshold',
    group: 'policy',
    type: 'string',
    default: '',
    description:
      'Fail when any counted finding is at or above this severity: `unknown`, `negligible`, `low`, `medium`, `high`, `critical`, or `none` to disable. Not set: `high`, unless `fail-on` is set, which then replaces it (given both, either fails the gate).',
  },
  {
    name: 'fail-on',
    group: 'policy',
    type: 'string',
    default: '',
    description:
      "A bare severity (`high`: fail on High or worse, like grype's `--fail-on`) or a count rule, e.g. `critical>0 || high>=3`: severity names (each counts exactly that severity), `total`, `fixable`; `>`, `>=`, `==`, `!=`, `<`, `<=`; `&&`, `||`, `!`, parentheses; fails when true. Replaces the default `severity-threshold`. See docs/policy.md.",
  },
  {
    name: 'ignore-unfixed',
    gitlab: { value: '$CS_IGNORE_UNFIXED', note: "Empty: GitLab's CS_IGNORE_UNFIXED, else false." },
    group: 'policy',
    type: 'boolean',
    default: 'false',
    description:
      'Leave out findings that have no fixed version: they do not count toward the gate and are not in the SARIF and GitLab reports or the summary/comment/note (as trivy and GitLab do); the JSON and HTML reports and the SBOM still list them.',
  },
  {
    name: 'fail',
    group: 'policy',
    type: 'boolean',
    default: 'true',
    description:
      'Exit non-zero when the policy fails. `false` = report-only: the verdict is reported, the step succeeds.',
  },
  {
    name: 'allowlist',
    group: 'policy',
    type: 'list',
    default: '',
    description:
      "Allowlist file(s): the native YAML format, a clair-scanner whitelist, or GitLab's `vulnerability-allowlist.yml` (detected by content); also Trivy's `.trivyignore` / `.trivyignore.yaml` (by file name) and the `ignore:` rules of a `.grype.yaml`, with what they cannot express refused (docs/policy.md).",
  },
  {
    name: 'check-non-root',
    group: 'policy',
    check: true,
    type: 'boolean',
    default: 'false',
    description: 'Fail when the image is configured to run as root.',
  },
  {
    name: 'check-secrets',
    group: 'policy',
    check: true,
    type: 'boolean',
    default: 'false',
    description:
      'Fail when any layer contains a private key, cloud access key, token or credential file (also in layers deleted later).',
  },
  {
    name: 'required-base-image',
    group: 'policy',
    check: true,
    type: 'string',
    default: '',
    description:
      'Fail unless the image is built on this base image (its layers are the first layers of the scanned image).',
  },
  {
    name: 'base-image-public-key',
    group: 'policy',
    check: true,
    type: 'string',
    default: '',
    description:
      'With `required-base-image`: a PEM public key file (e.g. `cosign.pub`); the base image must also carry a valid cosign signature by that key (simple signing, the `sha256-<digest>.sig` tag in its registry, read with the same registry credentials) over the digest whose layers were compared. No network beyond the registry. An unsigned or otherwise signed base is a `required-base-image/signature` finding. See docs/policy.md.',
  },
  {
    name: 'check-eol',
    group: 'policy',
    check: true,
    type: 'string',
    default: 'warn',
    description:
      'End-of-life OS: `off`, `warn` (report an image whose OS release is past its end of life, by `eol-data`, as an `eol` compliance finding; not gated) or `fail` (also fail the gate on it). No security data comes for an end-of-life release, so few findings there mean no data, not a clean image. Without a table (`eol-data`, or one the vulnerability data carries), `warn` notes that it was not checked and `fail` is an error. See docs/policy.md.',
  },
  {
    name: 'eol-data',
    group: 'policy',
    check: true,
    type: 'string',
    default: '',
    description:
      'The end-of-life table for `check-eol`: endoflife.date API arrays (`https://endoflife.date/api/<product>.json`, as published) in one JSON document `{"source", "date", "products": {"debian": [...], ...}}`. A file path or an https URL (a mirror). Empty: the table the vulnerability data carries, if any; `none`: no table.',
  },
  {
    name: 'baseline',
    group: 'policy',
    type: 'string',
    default: '',
    description:
      'Previous result to compare with (`clair-scan-result.json`): a file path, or a GitHub workflow run id (its report artifact). Default: in a pull/merge request, the result of the latest successful run of this workflow (GitHub) or pipeline (GitLab) on the target branch; `none` turns the comparison off. Findings match by image name, package and vulnerability, whatever the tag or digest. See docs/policy.md.',
  },
  {
    name: 'fail-on-new',
    group: 'policy',
    type: 'boolean',
    default: 'false',
    description:
      '`severity-threshold` counts only the findings the baseline did not have (what this change introduced), so an old backlog does not fail the gate. Where no baseline is asked for nothing is new; a baseline that was asked for but could not be compared counts every finding as new. Not in batch mode. `fail-on` rules can also count `new.high` etc.',
  },
  {
    name: 'policy-from-base',
    group: 'policy',
    type: 'boolean',
    default: 'false',
    description:
      'In a pull / merge request, read the `allowlist` and `vex` files as the base branch has them, not from the checkout, so the change under review cannot suppress its own findings. Either way the comment says first which findings changed policy files suppress.',
  },
  {
    name: 'vex',
    group: 'policy',
    type: 'list',
    default: '',
    description:
      'VEX document(s), OpenVEX or CycloneDX JSON: a `not_affected` statement with a justification, or CycloneDX `false_positive`, suppresses the finding like an allowlist entry (the newest statement about a finding decides). A malformed document is an error.',
  },
  {
    name: 'kev-data',
    group: 'policy',
    type: 'string',
    default: '',
    description:
      'The CISA Known Exploited Vulnerabilities catalogue (`known_exploited_vulnerabilities.json`, as published) to mark findings whose CVE (or an alias naming it) is known exploited, in every report and for `kev` in `fail-on`. A file path or an https URL (a mirror). Empty: the catalogue the vulnerability data carries (a snapshot or database image built with `--kev-data`), else with `vuln-data: online` the published file (a failed download is a warning, or an error when `fail-on` uses `kev`); with none, findings are not enriched (which never means "not exploited"). `none`: off.',
  },
  {
    name: 'epss-data',
    group: 'policy',
    type: 'string',
    default: '',
    description:
      'The FIRST EPSS scores (`epss_scores-YYYY-MM-DD.csv.gz`, gzip or plain CSV, as published) to give findings their exploit probability and percentile, in every report and for `epss` in `fail-on` (e.g. `epss>=0.5`). A file path or an https URL (a mirror). Empty: the scores the vulnerability data carries (built with `--epss-data`), else with `vuln-data: online` the published file (a failed download is a warning, or an error when `fail-on` uses `epss`); with none, findings are not enriched. `none`: off.',
  },
  // reports
  {
    name: 'output-dir',
    group: 'reports',
    type: 'string',
    default: 'clair-scan-reports',
    description: 'Directory the reports are written to.',
  },
  {
    name: 'formats',
    group: 'reports',
    type: 'list',
    default: 'sarif,gitlab,markdown,html,json,cyclonedx',
    description:
      'Reports to write: `sarif`, `gitlab`, `markdown`, `html`, `json`, `cyclonedx`, and on request `openvex` (the allowlisted findings as an OpenVEX document) and `junit` (JUnit XML: a failed test case per finding that fails the gate, for the Jenkins `junit` step).',
  },
  {
    name: 'report-severities',
    group: 'reports',
    type: 'list',
    default: '',
    description:
      "Severities written to the SARIF and GitLab reports and the Markdown summary, PR comment and MR note, e.g. `critical,high` (a report filter like trivy-action's `limit-severities-for-sarif`; the gate still counts every finding, and the JSON and HTML reports and the SBOM list all). Empty: all. In GitLab CI, `CS_SEVERITY_THRESHOLD` (a minimum, as in GitLab's template) fills it when it is empty.",
  },
  {
    name: 'dockerfile',
    gitlab: { value: '$CS_DOCKERFILE_PATH', note: "Empty: GitLab's CS_DOCKERFILE_PATH, else Dockerfile." },
    group: 'reports',
    type: 'string',
    default: 'Dockerfile',
    description:
      'Repository path of the Dockerfile; SARIF results are located on it so GitHub code scanning accepts them.',
  },
  {
    name: 'default-branch-image',
    gitlab: { value: '$CS_DEFAULT_BRANCH_IMAGE', note: "Empty: GitLab's CS_DEFAULT_BRANCH_IMAGE, else none." },
    group: 'reports',
    type: 'string',
    default: '',
    description:
      "GitLab report: the image's name on the default branch, written as each finding's `location.default_branch_image` so that GitLab tracks a merge request's findings as the default branch's, not as new ones, when the branch's image has another name (e.g. `$CI_REGISTRY_IMAGE/$CI_DEFAULT_BRANCH:latest`). One image per run. The GitLab template fills it from GitLab's `CS_DEFAULT_BRANCH_IMAGE`.",
  },
  // publishing
  {
    name: 'github-token',
    group: 'publish',
    type: 'string',
    default: '',
    actionOnly: true,
    secret: true,
    actionDefault: '${{ github.token }}',
    description: 'Token for the pull request comment. Needs `pull-requests: write`. Secret: masked in logs.',
  },
  {
    name: 'comment',
    group: 'publish',
    type: 'boolean',
    default: 'true',
    description: 'Keep one summary comment on the pull/merge request, updated in place on every push.',
  },
  {
    name: 'job-summary',
    group: 'publish',
    type: 'boolean',
    default: 'true',
    actionOnly: true,
    description: 'Write the Markdown summary to the job summary.',
  },
  {
    name: 'upload-artifact',
    group: 'publish',
    type: 'boolean',
    default: 'true',
    actionOnly: true,
    description: 'Upload the reports as one workflow artifact.',
  },
  {
    name: 'artifact-name',
    group: 'publish',
    type: 'string',
    default: 'clair-scan-reports',
    actionOnly: true,
    description: 'Name of the uploaded artifact.',
  },
  {
    name: 'gitlab-token',
    group: 'publish',
    type: 'string',
    default: '',
    secret: true,
    description: `GitLab token with \`api\` scope for the merge request note (GitLab's job token cannot write notes). Without it the note is skipped.${secretNote('gitlab-token')}`,
  },
] as const satisfies readonly InputDefinition[];

/** The name of an input of the table (a typo is a type error). */
export type InputName = (typeof INPUT_LIST)[number]['name'];

export const INPUTS: readonly (InputDefinition & { name: InputName })[] = INPUT_LIST;

/** The rows of the compliance checks' inputs (`check: true`), as written. */
export type CheckInput = Extract<(typeof INPUT_LIST)[number], { check: true }>;

export interface OutputDefinition {
  name: string;
  description: string;
}

export const OUTPUTS: OutputDefinition[] = [
  {
    name: 'verdict',
    description:
      '`pass` or `fail` as the policy decided (also in report-only mode). Batch mode: `fail` if any image failed the policy, else `pass` if every image passed, else empty (an image errored).',
  },
  {
    name: 'exit-code',
    description:
      '0 passed, 1 policy failed, 2 error. Batch mode: 2 if any image errored, else 1 if any failed the policy.',
  },
  { name: 'total', description: 'Number of vulnerability findings (all images, allowlisted included).' },
  { name: 'critical', description: 'Critical findings.' },
  { name: 'high', description: 'High findings.' },
  { name: 'medium', description: 'Medium findings.' },
  { name: 'low', description: 'Low findings.' },
  { name: 'negligible', description: 'Negligible findings.' },
  { name: 'unknown', description: 'Findings of unknown severity.' },
  { name: 'fixable', description: 'Findings that have a fixed version.' },
  {
    name: 'new-total',
    description: 'Findings the baseline did not have (not allowlisted); empty when no baseline was compared.',
  },
  { name: 'new-critical', description: 'New Critical findings.' },
  { name: 'new-high', description: 'New High findings.' },
  { name: 'new-medium', description: 'New Medium findings.' },
  { name: 'new-low', description: 'New Low findings.' },
  { name: 'new-negligible', description: 'New Negligible findings.' },
  { name: 'new-unknown', description: 'New findings of unknown severity.' },
  { name: 'fixed-total', description: 'Baseline findings that are gone; empty when no baseline was compared.' },
  {
    name: 'platforms',
    description:
      'With `platform` set: the platforms scanned, comma-separated (`linux/amd64,linux/arm64`); empty otherwise.',
  },
  { name: 'report-dir', description: 'Directory holding the reports.' },
  // Each report format's path (its descriptor's `output`, report/formats.ts).
  ...REPORT_OUTPUTS.map(({ name, description }) => ({ name, description })),
  {
    name: 'images',
    description: 'Batch mode: number of images in the batch (registry listings expanded); empty for a single scan.',
  },
  { name: 'images-passed', description: 'Batch mode: images that passed the policy.' },
  { name: 'images-failed', description: 'Batch mode: images that failed the policy (the lines of `vulnerable.list`).' },
  { name: 'images-errored', description: 'Batch mode: images that could not be scanned (no verdict).' },
  {
    name: 'vulnerable-list',
    description:
      'Batch mode: path of `vulnerable.list`, one line per image that failed the policy: the image, a tab, the failed rules.',
  },
  {
    name: 'batch-summary',
    description:
      'Batch mode: path of `batch-summary.json` (per image: digest, verdict, counts, failed rules or error, its reports).',
  },
];

export function inputDefinition(name: InputName): InputDefinition {
  const d = INPUTS.find((i) => i.name === name);
  if (!d) throw new Error(`unknown input ${name}`);
  return d;
}
