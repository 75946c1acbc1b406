"use strict";
exports.id = 702;
exports.ids = [702];
exports.modules = {

/***/ 28515:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CYCLONEDX_SPEC_VERSION = void 0;
exports.buildBom = buildBom;
exports.renderCycloneDx = renderCycloneDx;
exports.cycloneDxReportChunks = cycloneDxReportChunks;
// The library's subpath exports, not its root: the root also loads its validators (ajv with formats and the
// CycloneDX JSON schemas, ~0.5 MB of every bundle) that building and serializing a BOM never use.
const Enums = __webpack_require__(6820);
const Models = __webpack_require__(50320);
const Serialize = __webpack_require__(51248);
const Spec = __webpack_require__(94321);
const common_1 = __webpack_require__(84069);
const json_stream_1 = __webpack_require__(65931);
const CDX_SEVERITY = {
    Critical: Enums.Vulnerability.Severity.Critical,
    High: Enums.Vulnerability.Severity.High,
    Medium: Enums.Vulnerability.Severity.Medium,
    Low: Enums.Vulnerability.Severity.Low,
    Negligible: Enums.Vulnerability.Severity.Info,
    Unknown: Enums.Vulnerability.Severity.Unknown,
};
function ratingMethod(version, vector) {
    const v = version ?? (vector?.startsWith('CVSS:') ? vector.slice(5, 8) : undefined);
    if (v?.startsWith('4'))
        return Enums.Vulnerability.RatingMethod.CVSSv4;
    if (v === '3.1')
        return Enums.Vulnerability.RatingMethod.CVSSv31;
    if (v?.startsWith('3'))
        return Enums.Vulnerability.RatingMethod.CVSSv3;
    if (v?.startsWith('2'))
        return Enums.Vulnerability.RatingMethod.CVSSv2;
    return Enums.Vulnerability.RatingMethod.Other;
}
/** purl of the image (purl-spec type `oci`): last name segment + manifest digest, when the digest is known. */
function imagePurl(img) {
    const fromRepo = img.image.repoDigests.map((d) => d.split('@')[1]).find((d) => d?.startsWith('sha256:'));
    const digest = fromRepo ?? img.image.manifestDigest;
    if (!/^sha256:[0-9a-f]{64}$/.test(digest))
        return undefined;
    const last = img.image.name.split('/').pop() || img.image.name;
    const q = new URLSearchParams();
    if (img.image.architecture)
        q.set('arch', img.image.architecture);
    if (img.image.tag)
        q.set('tag', img.image.tag);
    const qs = q.toString();
    return `pkg:oci/${encodeURIComponent(last.toLowerCase())}@${encodeURIComponent(digest)}${qs ? `?${qs}` : ''}`;
}
function imageComponent(img, idx) {
    const c = new Models.Component(Enums.ComponentType.Container, img.image.name, {
        bomRef: `image-${idx}`,
        version: img.image.tag ?? img.image.manifestDigest,
        purl: imagePurl(img),
    });
    const add = (name, value) => {
        if (value)
            c.properties.add(new Models.Property(name, value));
    };
    add('clair-scan:image:ref', img.image.ref);
    add('clair-scan:image:manifestDigest', img.image.manifestDigest);
    add('clair-scan:image:id', img.image.imageId);
    add('clair-scan:image:source', img.image.source);
    add('clair-scan:image:os', img.image.os);
    add('clair-scan:image:architecture', img.image.architecture);
    for (const d of img.image.repoDigests)
        add('clair-scan:image:repoDigest', d);
    return c;
}
function distroComponent(d, idx) {
    const c = new Models.Component(Enums.ComponentType.OperatingSystem, d.did || d.name || 'unknown', {
        bomRef: `image-${idx}:os:${d.did}:${d.versionId || d.version}:${d.arch}`,
        version: d.versionId || d.version || undefined,
        description: d.prettyName || undefined,
    });
    if (d.cpe)
        c.properties.add(new Models.Property('clair-scan:distribution:cpe', d.cpe));
    if (d.versionCodeName)
        c.properties.add(new Models.Property('clair-scan:distribution:codename', d.versionCodeName));
    return c;
}
function packageRef(p, idx) {
    return `image-${idx}:${p.purl || `${p.ecosystem}/${p.name}@${p.version}`}:${p.kind}`;
}
function packageComponent(p, idx) {
    const c = new Models.Component(Enums.ComponentType.Library, p.name, {
        bomRef: packageRef(p, idx),
        version: p.version,
        purl: p.purl || undefined,
    });
    for (const { name, value } of packageProperties(p))
        c.properties.add(new Models.Property(name, value));
    return c;
}
/** A package's clair-scan properties, in order: the library model and the streamed writer take the same ones. */
function packageProperties(p) {
    const properties = [];
    const add = (name, value) => {
        if (value)
            properties.push({ name, value });
    };
    add('clair-scan:package:kind', p.kind);
    add('clair-scan:package:ecosystem', p.ecosystem);
    add('clair-scan:package:arch', p.arch);
    add('clair-scan:package:layer', p.layer);
    add('clair-scan:package:db', p.packageDb);
    if (p.source)
        add('clair-scan:package:source', `${p.source.name} ${p.source.version}`.trim());
    return properties;
}
/** The image name as GitLab shows it: the reference without source prefix, tag or digest. */
function gitlabImageName(img) {
    let ref = img.image.ref
        .replace(/^(docker|registry|archive|docker-archive|oci-archive):(?!\/\/)/, '')
        .replace(/@sha256:[0-9a-f]{64}$/, '');
    if (img.image.tag && ref.endsWith(`:${img.image.tag}`))
        ref = ref.slice(0, -img.image.tag.length - 1);
    return ref || img.image.name;
}
/** GitLab's container-scanning properties of one image (see the header). */
function gitlabImageProperties(img) {
    const os = img.distributions[0];
    const props = [
        ['gitlab:container_scanning:image:name', gitlabImageName(img)],
        ['gitlab:container_scanning:image:tag', img.image.tag ?? img.image.manifestDigest],
        ['gitlab:container_scanning:operating_system:name', os ? os.did || os.name : undefined],
        ['gitlab:container_scanning:operating_system:version', os ? os.versionId || os.version : undefined],
    ];
    return props.filter((p) => !!p[1]).map(([k, v]) => new Models.Property(k, v));
}
/**
 * The whole BOM as the library's model: the reference the tests serialize with the library to check the streamed
 * writer against (the writer itself builds only the BOM's frame with the library).
 */
function buildBom(result) {
    const model = bomWithoutVulnerabilities(result, true);
    for (const v of vulnerabilityParts(result, model))
        model.bom.vulnerabilities.add(libraryVulnerability(v));
    return model.bom;
}
/**
 * The BOM model with everything but its vulnerabilities; with `withPackages` false, without the package components
 * either (their slots say what they are: cycloneDxReportChunks writes them itself).
 */
function bomWithoutVulnerabilities(result, withPackages) {
    const bom = new Models.Bom({
        serialNumber: `urn:uuid:${(0, common_1.stableUuid)([result.finishedAt, ...result.images.map((i) => `${i.image.ref}@${i.image.manifestDigest}`)].join('\n'), 'clair-scan/cyclonedx')}`,
    });
    bom.metadata.timestamp = new Date(result.finishedAt);
    bom.metadata.properties.add(new Models.Property('gitlab:meta:schema_version', '1'));
    // Which exploit data the vulnerabilities' clair-scan:kev / clair-scan:epss properties come from (absent: not enriched).
    const e = result.enrichment;
    if (e?.kev) {
        bom.metadata.properties.add(new Models.Property('clair-scan:kev:catalogVersion', e.kev.version));
        bom.metadata.properties.add(new Models.Property('clair-scan:kev:dateReleased', e.kev.date));
    }
    if (e?.epss) {
        bom.metadata.properties.add(new Models.Property('clair-scan:epss:modelVersion', e.epss.modelVersion));
        bom.metadata.properties.add(new Models.Property('clair-scan:epss:scoreDate', e.epss.date));
    }
    bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, 'clair-scan', { version: result.tool.version }));
    if (result.clair.version) {
        bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, 'clair', { group: 'quay', version: result.clair.version }));
    }
    const single = result.images.length === 1;
    const slotByRef = new Map(); // package ref → slot, for vulnerabilities
    // Per image: package → its slot (the vulnerabilities' packages are the same objects: no ref rebuilt to find it).
    const slotOf = [];
    const packageSlots = [];
    result.images.forEach((img, idx) => {
        const byPackage = new Map();
        slotOf[idx] = byPackage;
        const slots = [];
        packageSlots[idx] = slots;
        const container = imageComponent(img, idx);
        const children = new Models.ComponentRepository();
        for (const d of img.distributions) {
            const dc = distroComponent(d, idx);
            if (![...children].some((x) => x.bomRef.value === dc.bomRef.value))
                children.add(dc);
        }
        const seen = new Set();
        const packages = [...img.packages];
        // Vulnerable packages are normally in `packages`; add any that are not, so `affects` always resolves.
        for (const f of img.vulnerabilities)
            packages.push(f.package);
        for (const p of packages) {
            if (byPackage.has(p))
                continue;
            const ref = packageRef(p, idx);
            if (seen.has(ref)) {
                byPackage.set(p, slotByRef.get(ref));
                continue;
            }
            seen.add(ref);
            const slot = { ref, p };
            if (withPackages) {
                slot.component = packageComponent(p, idx);
                children.add(slot.component);
            }
            slots.push(slot);
            slotByRef.set(ref, slot);
            byPackage.set(p, slot);
        }
        for (const ch of children)
            container.dependencies.add(ch.bomRef);
        for (const p of gitlabImageProperties(img))
            (single ? bom.metadata.properties : container.properties).add(p);
        if (single) {
            bom.metadata.component = container;
            for (const ch of children)
                bom.components.add(ch);
        }
        else {
            for (const ch of children)
                container.components.add(ch);
            bom.components.add(container);
        }
    });
    return { bom, slotOf, slotByRef, packages: packageSlots };
}
function vulnerabilityParts(result, { slotOf, slotByRef }) {
    const byId = new Map();
    result.images.forEach((img, idx) => {
        for (const f of img.vulnerabilities) {
            const list = byId.get(f.id);
            if (list)
                list.push({ f, idx });
            else
                byId.set(f.id, [{ f, idx }]);
        }
    });
    const out = [];
    // Ids in localeCompare order (an Intl.Collator's compare is localeCompare without the per-call lookup).
    for (const id of [...byId.keys()].sort(collator().compare)) {
        const list = byId.get(id);
        const f = list[0].f;
        const links = (0, common_1.allLinks)(f);
        // One slot per package ref (slotByRef), so one affect per slot is one per ref.
        const affects = new Set();
        const upgrades = new Set();
        const allowed = [];
        let kev;
        let epss;
        for (const { f: x, idx } of list) {
            const c = slotOf[idx].get(x.package) ?? slotByRef.get(packageRef(x.package, idx));
            if (c)
                affects.add(c);
            if (x.fixedIn)
                upgrades.add(`Upgrade ${x.package.name} to ${x.fixedIn}`);
            if (x.allowlisted)
                allowed.push(`${x.allowlisted.source}: ${x.allowlisted.reason}`);
            kev ??= x.kev;
            if (x.epss && (!epss || x.epss.score > epss.score))
                epss = x.epss;
        }
        const properties = allowed.length ? [{ name: 'clair-scan:allowlisted', value: allowed.join('; ') }] : [];
        if (result.enrichment)
            properties.push(...exploitProperties(result.enrichment, kev, epss));
        const issued = f.issued ? Date.parse(f.issued) : NaN;
        out.push({
            id,
            description: f.description || undefined,
            sourceName: f.updater || 'clair',
            sourceUrl: links[0],
            recommendation: upgrades.size ? [...upgrades].join('; ') : undefined,
            published: Number.isNaN(issued) ? undefined : new Date(issued),
            severity: CDX_SEVERITY[f.severity],
            cvss: f.cvss
                ? { score: f.cvss.score, vector: f.cvss.vector, method: ratingMethod(f.cvss.version, f.cvss.vector) }
                : undefined,
            references: f.aliases.map((alias) => ({ id: alias, url: links.find((l) => l.includes(alias)) })),
            advisories: links.slice(1), // allLinks gives http(s) URLs only
            affects: [...affects],
            properties,
        });
    }
    return out;
}
/**
 * A vulnerability's exploit data (issue 22) as properties: `clair-scan:kev` true/false only when KEV data was applied
 * (absent: not enriched), the listing's dates when listed; the EPSS score, percentile and date when scored. Not a
 * `rating`: consumers read a rating's score as a severity score (Dependency-Track takes the highest), which an EPSS
 * probability is not.
 */
function exploitProperties(e, kev, epss) {
    const out = [];
    if (e.kev)
        out.push({ name: 'clair-scan:kev', value: kev ? 'true' : 'false' });
    if (kev)
        out.push({ name: 'clair-scan:kev:cve', value: kev.cve }, { name: 'clair-scan:kev:dateAdded', value: kev.dateAdded }, { name: 'clair-scan:kev:dueDate', value: kev.dueDate }, { name: 'clair-scan:kev:ransomware', value: kev.ransomware ? 'true' : 'false' });
    if (epss)
        out.push({ name: 'clair-scan:epss:cve', value: epss.cve }, { name: 'clair-scan:epss:score', value: String(epss.score) }, { name: 'clair-scan:epss:percentile', value: String(epss.percentile) }, { name: 'clair-scan:epss:date', value: epss.date });
    return out;
}
let defaultCollator;
function collator() {
    return (defaultCollator ??= new Intl.Collator());
}
function libraryVulnerability(p) {
    const v = new Models.Vulnerability.Vulnerability({
        bomRef: `vuln:${p.id}`,
        id: p.id,
        description: p.description,
        source: new Models.Vulnerability.Source({ name: p.sourceName, url: p.sourceUrl }),
        recommendation: p.recommendation,
        published: p.published,
    });
    v.ratings.add(new Models.Vulnerability.Rating({ severity: p.severity, ...(p.cvss ?? {}) }));
    for (const r of p.references)
        v.references.add(new Models.Vulnerability.Reference(r.id, new Models.Vulnerability.Source({ url: r.url })));
    for (const l of p.advisories)
        v.advisories.add(new Models.Vulnerability.Advisory(l));
    for (const c of p.affects)
        v.affects.add(new Models.Vulnerability.Affect(c.component.bomRef));
    for (const { name, value } of p.properties)
        v.properties.add(new Models.Property(name, value));
    return v;
}
/** The library's URI escaping of advisory URLs (serialize/json/normalize.js, escapeUri). */
const URI_ESCAPES = {
    ' ': '%20',
    '"': '%22',
    "'": '%27',
    '[': '%5B',
    ']': '%5D',
    '<': '%3C',
    '>': '%3E',
    '{': '%7B',
    '}': '%7D',
};
/**
 * libraryVulnerability(p) as the library's JSON normalizer gives it (VulnerabilityNormalizer and the ones it calls,
 * spec 1.6), built directly: the same keys in the same order (undefined ones are left out by JSON.stringify).
 * Valid only while no bom-ref needs the serializer's discrimination (all unique and non-empty: checked by the caller).
 */
function normalizedVulnerability(p) {
    const method = p.cvss && Spec.Spec1dot6.supportsVulnerabilityRatingMethod(p.cvss.method) ? p.cvss.method : undefined;
    const advisories = [];
    for (const l of p.advisories) {
        const url = l.replace(/[ "'[\]<>{}]/g, (c) => URI_ESCAPES[c]);
        if (url.length > 0)
            advisories.push({ title: undefined, url });
    }
    return {
        'bom-ref': `vuln:${p.id}`,
        id: p.id || undefined,
        source: { name: p.sourceName, url: p.sourceUrl },
        references: p.references.length
            ? p.references.map((r) => ({ id: r.id, source: { name: undefined, url: r.url } }))
            : undefined,
        ratings: [
            {
                source: undefined,
                score: p.cvss?.score,
                severity: p.severity,
                method,
                vector: p.cvss?.vector,
                justification: undefined,
            },
        ],
        description: p.description,
        recommendation: p.recommendation,
        advisories: p.advisories.length ? advisories : undefined,
        published: p.published?.toISOString(),
        affects: p.affects.length ? p.affects.map((c) => ({ ref: c.ref })) : undefined,
        properties: p.properties.length ? p.properties : undefined,
    };
}
exports.CYCLONEDX_SPEC_VERSION = '1.6';
/** The whole BOM text in memory (tests): what cycloneDxReportChunks writes. */
function renderCycloneDx(result) {
    return [...cycloneDxReportChunks(result)].join('');
}
/**
 * The library's serializer, stopped before its JSON.stringify: `serialize` normalizes the BOM (with its bom-ref
 * discrimination) and hands the normalized tree to `_serialize`, which here keeps it instead of building the text.
 */
class NormalizingSerializer extends Serialize.JsonSerializer {
    normalized;
    _serialize(normalized) {
        this.normalized = normalized;
        return '';
    }
}
/**
 * The BOM in chunks: the one writer (the library's serializer of buildBom's model gives the same text; the tests
 * check it). The library has no streaming serializer:
 * it builds and normalizes the BOM without its packages and vulnerabilities; the package components and the
 * dependency graph are added to its normalized tree here, and the vulnerabilities normalized one by one while
 * written. The document text is never one string.
 */
function* cycloneDxReportChunks(result) {
    const serializer = new NormalizingSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
    const options = { sortLists: false, space: 2 };
    // The package components and the vulnerabilities (the bulk of the document) and the dependency graph are
    // normalized here, the library normalizes the rest (metadata, images, distributions) — unless a bom-ref would
    // need the serializer's discrimination (a duplicate or empty one): then the library does it all.
    let model = bomWithoutVulnerabilities(result, false);
    let vulns = vulnerabilityParts(result, model);
    const direct = bomRefsUnique(model, vulns);
    if (!direct) {
        model = bomWithoutVulnerabilities(result, true);
        vulns = vulnerabilityParts(result, model);
        for (const v of vulns)
            model.bom.vulnerabilities.add(libraryVulnerability(v));
    }
    serializer.serialize(model.bom, options);
    const normalized = serializer.normalized;
    serializer.normalized = undefined;
    if (direct) {
        const packages = model.packages;
        // The library's components: one image → its distributions (then the packages) at the top level; several →
        // one container per image (in image order), its distributions (then packages) nested.
        if (result.images.length === 1) {
            normalized.components = [...normalized.components, ...packages[0].map(normalizedPackage)];
        }
        else {
            normalized.components.forEach((container, idx) => {
                const nested = [
                    ...(container.components ?? []),
                    ...packages[idx].map(normalizedPackage),
                ];
                container.components = nested.length ? nested : undefined;
            });
        }
        normalized.dependencies = dependencyGraph(model);
        // The normalizer's last key, `vulnerabilities`, is there (undefined: the BOM had none); it is filled in place.
        if (vulns.length)
            normalized.vulnerabilities = new json_stream_1.LazyArray(() => vulns.map(normalizedVulnerability));
    }
    yield* (0, json_stream_1.jsonChunks)(normalized, 2, 4);
    yield '\n';
}
/** A package component as the library's ComponentNormalizer gives packageComponent's (spec 1.6): its defined keys, in order. */
function normalizedPackage(s) {
    const p = s.p;
    const properties = packageProperties(p);
    return {
        type: 'library',
        name: p.name,
        version: p.version ? p.version : undefined,
        'bom-ref': s.ref,
        purl: p.purl || undefined,
        properties: properties.length ? properties : undefined,
    };
}
/**
 * The dependency graph as the library's DependencyGraphNormalizer gives it for this BOM: every component in tree
 * order (each image, then its distributions and packages), an image depending on all of its own.
 */
function dependencyGraph(model) {
    const out = [];
    const images = model.bom.metadata.component ? [model.bom.metadata.component] : [...model.bom.components];
    const distros = model.bom.metadata.component ? [...model.bom.components] : undefined;
    images.forEach((img, idx) => {
        const children = [...(distros ?? img.components)]
            .map((c) => c.bomRef.toString())
            .concat(model.packages[idx].map((s) => s.ref));
        out.push({ ref: img.bomRef.toString(), dependsOn: children.length ? children : undefined });
        for (const ref of children)
            out.push({ ref });
    });
    return out;
}
/** Whether every bom-ref (images, distributions, packages, vulnerabilities) is non-empty and unique: no discrimination. */
function bomRefsUnique(model, vulns) {
    const seen = new Set();
    const add = (value) => {
        if (!value || seen.has(value))
            return false;
        seen.add(value);
        return true;
    };
    const tree = (components) => {
        for (const c of components)
            if (!add(c.bomRef.value) || !tree(c.components))
                return false;
        return true;
    };
    const { bom } = model;
    if (bom.metadata.component && (!add(bom.metadata.component.bomRef.value) || !tree(bom.metadata.component.components)))
        return false;
    if (!tree(bom.components) || bom.services.size > 0)
        return false;
    for (const slots of model.packages)
        for (const s of slots)
            if (!add(s.ref))
                return false;
    return vulns.every((v) => add(`vuln:${v.id}`));
}


/***/ })

};
;