/**
 * One self-contained HTML report: inline CSS and JS, no network access (a CSP forbids any fetch, image,
 * font or frame), no external fonts. The findings are embedded as JSON in a
 * `<script type="application/json">` (with `<`, `>`, `&`, U+2028/2029 escaped so no text can close the
 * script element) and rendered with `textContent`/`setAttribute` only, so untrusted text stays text.
 * Links are only made from http(s) URLs. Filters: severity, image, fixable, allowlisted, text search and, with
 * exploit data (issue 22), known exploited only and EPSS ≥ x; every column sorts. The KEV and EPSS columns appear
 * for the data that was applied; the line above the filters says which, or "not enriched" (never "not exploited").
 */
import { ScanResult, severityRank, SeverityCounts } from '../findings/model';
import { deltaHeadline, newVulnerabilities, totalOf } from '../findings/delta';
import {
  allVulns,
  epssText,
  exploitDataText,
  imageCounts,
  imageNotes,
  isHttpUrl,
  nothingToMatchImages,
  primaryLink,
  SEVERITIES_DESC,
  writeFileAtomic,
} from './common';
import type { ReportFormatDescriptor } from './format';

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** JSON safe to embed inside a <script> element. */
const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function jsonForScript(value: unknown): string {
  // One pass over the (megabytes of) JSON instead of five.
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c]);
}

interface Row {
  s: string; // severity
  r: number; // severity rank
  id: string;
  u?: string; // http(s) link
  p: string; // package
  v: string; // installed
  f: string; // fixed in ('' = none)
  x: boolean; // fixable
  i: string; // image ref
  c?: number; // cvss
  d: string; // description
  a?: string; // allowlisted reason
  k: string; // aliases
  n?: string; // against the baseline: new, unchanged, updated
  kv?: 1; // in the CISA KEV catalogue
  kt?: string; // its KEV entry, for the badge's title
  e?: number; // EPSS score
  et?: string; // EPSS score and percentile as text
}

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--bd:#d1d9e0;--bg:#fff;--alt:#f6f8fa}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:16px 24px}
h1{font-size:20px;margin:0 0 8px}h2{font-size:16px;margin:20px 0 8px}
.verdict{padding:8px 12px;border-radius:6px;margin:8px 0;font-weight:600}.pass{background:#dafbe1}.fail{background:#ffebe9}.warn{background:#fff8c5}.none{background:var(--alt)}
.meta{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid var(--bd);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--alt);cursor:pointer;user-select:none;white-space:nowrap}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
tbody tr:nth-child(even){background:#fbfcfd}td.desc{max-width:420px;color:var(--muted);font-size:12px;overflow-wrap:anywhere}
.sev{font-weight:600;white-space:nowrap}.sev-Critical{color:#a40e26}.sev-High{color:#bc4c00}.sev-Medium{color:#9a6700}.sev-Low{color:#0969da}.sev-Negligible,.sev-Unknown{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:8px;background:var(--alt);border:1px solid var(--bd);border-radius:6px}
.filters label{white-space:nowrap}input[type=search]{min-width:240px;padding:3px 6px}
.allowed{opacity:.7}.tag{font-size:11px;background:#eaeef2;border-radius:8px;padding:0 6px;margin-left:4px}
#delta{border:2px solid #0969da;border-radius:6px;padding:4px 12px 8px;margin:12px 0;background:#f6fbff}#delta h2{margin-top:8px}
.tag.new{background:#ffebe9;color:#a40e26;font-weight:600}td.num{text-align:right}
.tag.kev{background:#a40e26;color:#fff;font-weight:600;margin-left:0}input[type=number]{width:5em}#exploit-data{margin:8px 0}td.epss{white-space:nowrap}
`;

/* The page script. Plain ES2017, no dependencies; reads the embedded JSON and renders with textContent. */
const JS = `
(function(){
  var data = JSON.parse(document.getElementById('clair-scan-data').textContent);
  var rows = data.rows;
  var tbody = document.querySelector('#findings tbody');
  var shown = document.getElementById('shown');
  var sortKey = 'r', sortDir = -1;
  function httpUrl(u){ if(typeof u!=='string'||!/^https?:\\/\\//i.test(u)) return null; try{ var x=new URL(u); return (x.protocol==='http:'||x.protocol==='https:')?x.href:null; }catch(e){ return null; } }
  function td(tr, text, cls){ var c=document.createElement('td'); c.textContent = text==null?'':String(text); if(cls) c.className=cls; tr.appendChild(c); return c; }
  function val(r,k){ var v=r[k]; return v==null?'':v; }
  function cmp(a,b){
    var x=val(a,sortKey), y=val(b,sortKey), d;
    if(typeof x==='number'||typeof y==='number'){ d=(Number(x)||0)-(Number(y)||0); }
    else d=String(x).localeCompare(String(y), undefined, {numeric:true});
    if(d===0 && sortKey!=='r') d=(b.r-a.r);
    if(d===0) d=String(a.id).localeCompare(String(b.id));
    return d*sortDir;
  }
  function filters(){
    var sev={}; document.querySelectorAll('input[data-sev]').forEach(function(cb){ sev[cb.getAttribute('data-sev')]=cb.checked; });
    return { sev: sev, image: document.getElementById('f-image').value, fix: document.getElementById('f-fixable').value,
      allowed: document.getElementById('f-allowlisted').checked, onlyNew: !!(document.getElementById('f-new')||{}).checked, q: document.getElementById('f-search').value.trim().toLowerCase(),
      kev: !!(document.getElementById('f-kev')||{}).checked, epss: parseFloat((document.getElementById('f-epss')||{}).value) };
  }
  function match(r,f){
    if(!f.sev[r.s]) return false;
    if(f.image && r.i!==f.image) return false;
    if(f.fix==='fixable' && !r.x) return false;
    if(f.fix==='unfixable' && r.x) return false;
    if(!f.allowed && r.a) return false;
    if(f.onlyNew && r.n!=='new') return false;
    if(f.kev && !r.kv) return false;
    if(isFinite(f.epss) && f.epss>0 && !(r.e>=f.epss/100-1e-12)) return false;
    if(f.q){ var hay=(r.id+' '+r.k+' '+r.p+' '+r.v+' '+r.f+' '+r.i+' '+r.d+' '+(r.a||'')).toLowerCase(); if(hay.indexOf(f.q)<0) return false; }
    return true;
  }
  function render(){
    var f=filters(), list=rows.filter(function(r){ return match(r,f); }).sort(cmp);
    var frag=document.createDocumentFragment();
    list.forEach(function(r){
      var tr=document.createElement('tr'); if(r.a) tr.className='allowed';
      td(tr, r.s, 'sev sev-'+r.s);
      var idc=document.createElement('td'), u=httpUrl(r.u);
      if(u){ var a=document.createElement('a'); a.setAttribute('href',u); a.setAttribute('rel','noopener noreferrer'); a.setAttribute('target','_blank'); a.textContent=r.id; idc.appendChild(a); }
      else idc.textContent=r.id;
      if(r.n==='new'){ var nt=document.createElement('span'); nt.className='tag new'; nt.textContent='new'; idc.appendChild(nt); }
      if(r.a){ var t=document.createElement('span'); t.className='tag'; t.textContent='allowlisted'; t.setAttribute('title', r.a); idc.appendChild(t); }
      tr.appendChild(idc);
      td(tr, r.p); td(tr, r.v); td(tr, r.f || '—'); td(tr, r.i); td(tr, r.c==null?'':r.c.toFixed(1));
      if(data.kev){ var kc=td(tr, r.kv?'':'—'); if(r.kv){ var kt=document.createElement('span'); kt.className='tag kev'; kt.textContent='KEV'; kt.setAttribute('title', r.kt||''); kc.appendChild(kt); } }
      if(data.epss) td(tr, r.et || '—', 'num epss');
      var dc=td(tr, r.d.length>300 ? r.d.slice(0,299)+'…' : r.d, 'desc'); dc.setAttribute('title', r.d.slice(0,2000));
      frag.appendChild(tr);
    });
    tbody.textContent='';
    tbody.appendChild(frag);
    shown.textContent = 'Showing '+list.length+' of '+rows.length+' findings';
  }
  document.querySelectorAll('#findings th[data-key]').forEach(function(th){
    th.addEventListener('click', function(){
      var k=th.getAttribute('data-key');
      if(sortKey===k) sortDir=-sortDir; else { sortKey=k; sortDir=(k==='r'||k==='c'||k==='kv'||k==='e')?-1:1; }
      document.querySelectorAll('#findings th').forEach(function(o){ o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDir>0?'ascending':'descending');
      render();
    });
  });
  var sel=document.getElementById('f-image');
  data.images.forEach(function(i){ var o=document.createElement('option'); o.value=i; o.textContent=i; sel.appendChild(o); });
  ['f-image','f-fixable','f-allowlisted','f-new','f-kev'].forEach(function(id){ var el=document.getElementById(id); if(el) el.addEventListener('change', render); });
  var ep=document.getElementById('f-epss'); if(ep) ep.addEventListener('input', render);
  document.querySelectorAll('input[data-sev]').forEach(function(cb){ cb.addEventListener('change', render); });
  document.getElementById('f-search').addEventListener('input', render);
  var ctb=document.querySelector('#compliance tbody');
  data.compliance.forEach(function(c){ var tr=document.createElement('tr'); td(tr,c.s,'sev sev-'+c.s); td(tr,c.rule); td(tr,c.image); td(tr,c.title); td(tr,c.message,'desc'); td(tr,c.path||''); td(tr,c.a||'no'); ctb.appendChild(tr); });
  if(!data.compliance.length) document.getElementById('compliance-section').hidden=true;
  document.querySelector('#findings th[data-key=r]').setAttribute('aria-sort','descending');
  render();
  document.documentElement.setAttribute('data-ready','1');
})();
`;

export function renderHtml(result: ScanResult): string {
  const rows: Row[] = allVulns(result.images).map(({ f, img }) => {
    // Keys assigned in the order the JSON shows them (no spread of a temporary object per optional key).
    const row = { s: f.severity, r: severityRank(f.severity), id: f.id } as Row;
    const u = primaryLink(f); // an http(s) URL or none (allLinks)
    if (u) row.u = u;
    row.p = f.package.name;
    row.v = f.package.version;
    row.f = f.fixedIn ?? '';
    row.x = f.fixable;
    row.i = img.image.ref;
    if (f.cvss) row.c = f.cvss.score;
    row.d = f.description;
    if (f.allowlisted)
      row.a = `${f.allowlisted.reason} (${f.allowlisted.source}${f.allowlisted.expires ? `, expires ${f.allowlisted.expires}` : ''})`;
    row.k = f.aliases.join(' ');
    if (f.baselineState) row.n = f.baselineState;
    // Assigned, not spread: most findings have neither, and this runs per finding.
    if (f.kev) {
      row.kv = 1;
      row.kt = `${f.kev.cve}: added ${f.kev.dateAdded}, due ${f.kev.dueDate}${f.kev.ransomware ? ', known ransomware use' : ''}`;
    }
    if (f.epss) {
      row.e = f.epss.score;
      row.et = epssText(f.epss);
    }
    return row;
  });
  const compliance = result.images.flatMap((img) =>
    img.compliance.map((c) => ({
      s: c.severity,
      rule: c.rule,
      image: img.image.ref,
      title: c.title,
      message: c.message,
      path: c.path,
      a: c.allowlisted?.reason,
    })),
  );
  const kevOn = !!result.enrichment?.kev;
  const epssOn = !!result.enrichment?.epss;
  const data = { rows, compliance, images: result.images.map((i) => i.image.ref), kev: kevOn, epss: epssOn };
  const x = exploitDataText(result.enrichment);
  const kevCount = kevOn ? rows.filter((r) => r.kv && !r.a).length : 0;
  const exploitData = `<p id="exploit-data">${
    kevOn || epssOn
      ? `${kevOn ? `<strong id="kev-count">${kevCount} known exploited</strong> (not allowlisted). ` : ''}Exploit data: ${escapeHtml(`${x.kev}; ${x.epss}.`)}`
      : 'Exploit data: not enriched — no CISA KEV or EPSS data was applied, so no finding is marked known or likely exploited; that does not mean none is.'
  }</p>`;
  const exploitFilters = `${kevOn ? '\n<label><input type="checkbox" id="f-kev"> known exploited only</label>' : ''}${
    epssOn
      ? '\n<label>EPSS ≥ <input type="number" id="f-epss" min="0" max="100" step="any" placeholder="0" aria-label="minimum EPSS score in percent">%</label>'
      : ''
  }`;

  const v = result.verdict;
  let verdictClass = 'none';
  let verdictText = 'No policy evaluated';
  if (v) {
    verdictClass = v.status === 'pass' ? 'pass' : v.enforced ? 'fail' : 'warn';
    verdictText = `Policy ${v.status === 'pass' ? 'passed' : 'failed'}${v.enforced ? '' : ' (report-only, not enforced)'}`;
    if (v.status === 'pass' && nothingToMatchImages(result.images).length) {
      verdictClass = 'warn';
      verdictText += ', but nothing Clair can match was found — not a clean result';
    }
  }
  const noteItems = result.images.flatMap((img) => imageNotes(img).map((n) => ({ img, n })));
  const notes = noteItems.length
    ? `<ul id="notes">${noteItems.map(({ img, n }) => `<li class="${n.level === 'warning' ? 'warn' : 'info'}">${n.level === 'warning' ? '<strong>Warning:</strong> ' : ''}${escapeHtml(img.image.ref)}: ${escapeHtml(n.text)}</li>`).join('')}</ul>`
    : '';
  const reasons = v?.reasons.length ? `<ul>${v.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : '';
  const expired = v?.expiredEntries.length
    ? `<p><strong>${v.expiredEntries.length} expired allowlist entr${v.expiredEntries.length === 1 ? 'y' : 'ies'}</strong> no longer apply: ${v.expiredEntries.map((e) => escapeHtml(`${e.id} (${e.source}, expired ${e.expires ?? '?'})`)).join(', ')}</p>`
    : '';
  const unused = v?.unusedEntries.length
    ? `<p>${v.unusedEntries.length} allowlist entr${v.unusedEntries.length === 1 ? 'y' : 'ies'} matched no finding: ${v.unusedEntries.map((e) => escapeHtml(`${e.id} (${e.source})`)).join(', ')}</p>`
    : '';
  const countRows = result.images
    .map((img) => {
      const { all, fixable: fx, allowlisted: allowed } = imageCounts(img.vulnerabilities);
      return `<tr><td>${escapeHtml(img.image.ref)}</td>${SEVERITIES_DESC.map((s) => `<td>${fx[s]} / ${all[s]}</td>`).join('')}<td>${allowed}</td><td title="${escapeHtml(img.image.manifestDigest)}"><code>${escapeHtml(img.image.manifestDigest.slice(0, 19))}…</code></td></tr>`;
    })
    .join('');
  const delta = deltaSection(result);
  const sevBoxes = SEVERITIES_DESC.map(
    (s) => `<label><input type="checkbox" id="f-sev-${s}" data-sev="${s}" checked> ${s}</label>`,
  ).join(' ');
  const clair = result.clair.version ? ` · Clair ${escapeHtml(result.clair.version)}` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>clair-scan report</title>
<style>${CSS}</style>
</head>
<body>
<h1>clair-scan report</h1>
<div class="meta">clair-scan ${escapeHtml(result.tool.version)}${clair} · started ${escapeHtml(result.startedAt)} · finished ${escapeHtml(result.finishedAt)}</div>
<div id="verdict" class="verdict ${verdictClass}">${escapeHtml(verdictText)}</div>
${reasons}${delta}${expired}${unused}${notes}
<h2>Counts (fixable / total, allowlisted not included)</h2>
<table id="counts"><thead><tr><th>Image</th>${SEVERITIES_DESC.map((s) => `<th>${s}</th>`).join('')}<th>Allowlisted</th><th>Manifest digest</th></tr></thead><tbody>${countRows}</tbody></table>
<h2>Vulnerabilities</h2>
${exploitData}
<div class="filters">
<span>${sevBoxes}</span>
<label>Image <select id="f-image"><option value="">all</option></select></label>
<label>Fix <select id="f-fixable"><option value="">all</option><option value="fixable">fixable</option><option value="unfixable">no fix</option></select></label>
<label><input type="checkbox" id="f-allowlisted" checked> show allowlisted</label>${result.delta ? '\n<label><input type="checkbox" id="f-new"> only new</label>' : ''}${exploitFilters}
<input type="search" id="f-search" placeholder="Search id, package, description…" aria-label="search">
<span id="shown" class="meta"></span>
</div>
<noscript><p>Enable JavaScript to see the findings table; the same data is in clair-scan-result.json.</p></noscript>
<table id="findings"><thead><tr><th data-key="r">Severity</th><th data-key="id">ID</th><th data-key="p">Package</th><th data-key="v">Installed</th><th data-key="f">Fixed in</th><th data-key="i">Image</th><th data-key="c">CVSS</th>${kevOn ? '<th data-key="kv">KEV</th>' : ''}${epssOn ? '<th data-key="e">EPSS</th>' : ''}<th data-key="d">Description</th></tr></thead><tbody></tbody></table>
<section id="compliance-section"><h2>Compliance checks</h2>
<table id="compliance"><thead><tr><th>Severity</th><th>Check</th><th>Image</th><th>Title</th><th>Message</th><th>Path</th><th>Allowlisted</th></tr></thead><tbody></tbody></table></section>
<script type="application/json" id="clair-scan-data">${jsonForScript(data)}</script>
<script>${JS}</script>
</body>
</html>
`;
}

/**
 * What this change did, right under the verdict: counts per severity of new / fixed / updated / unchanged findings
 * against the baseline, the new findings, the fixed ones. Or why there is no comparison (the baseline notes).
 */
function deltaSection(result: ScanResult): string {
  const notes = (result.baselineNotes ?? [])
    .map((n) => `<p class="warn baseline-note">Baseline: ${escapeHtml(n)}</p>`)
    .join('');
  const d = result.delta;
  if (!d) return notes ? `<section id="baseline-notes">${notes}</section>` : '';
  // Row ids `delta-counts-<change>`: `delta-new` / `delta-fixed` are the tables of new and fixed findings below.
  const row = (label: string, id: string, c: SeverityCounts): string =>
    `<tr id="delta-counts-${id}"><th scope="row">${label}</th>${SEVERITIES_DESC.map((s) => `<td class="num">${c[s]}</td>`).join('')}<td class="num"><strong>${totalOf(c)}</strong></td></tr>`;
  const fresh = newVulnerabilities(result);
  const multi = result.images.length > 1;
  // The exploit columns, as in the findings table: only for the data that was applied.
  const kevOn = !!result.enrichment?.kev;
  const epssOn = !!result.enrichment?.epss;
  const newRows = fresh
    .slice(0, 200)
    .map(({ f, img }) => {
      const u = primaryLink(f);
      const id = isHttpUrl(u)
        ? `<a href="${escapeHtml(u)}" rel="noopener noreferrer" target="_blank">${escapeHtml(f.id)}</a>`
        : escapeHtml(f.id);
      return `<tr><td class="sev sev-${f.severity}">${f.severity}</td><td>${id}</td><td>${escapeHtml(f.package.name)}</td><td>${escapeHtml(f.package.version)}</td><td>${escapeHtml(f.fixedIn ?? '—')}</td>${kevOn ? `<td>${f.kev ? '<span class="tag kev">KEV</span>' : '—'}</td>` : ''}${epssOn ? `<td class="num epss">${f.epss ? escapeHtml(epssText(f.epss)) : '—'}</td>` : ''}${multi ? `<td>${escapeHtml(img.image.ref)}</td>` : ''}</tr>`;
    })
    .join('');
  const fixedRows = d.fixed
    .slice(0, 200)
    .map(
      (f) =>
        `<tr><td class="sev sev-${f.severity}">${f.severity}</td><td>${escapeHtml(f.kind === 'vulnerability' ? f.id : (f.title ?? f.id))}</td><td>${escapeHtml(f.package?.name ?? '—')}</td><td>${escapeHtml(f.package?.version ?? '—')}</td><td>${escapeHtml(f.image)}</td></tr>`,
    )
    .join('');
  return `<section id="delta"><h2>Changes since the baseline: ${escapeHtml(deltaHeadline(d))}</h2>
${notes}<div class="meta">Baseline: ${escapeHtml(d.baseline.source)}${d.baseline.finishedAt ? `, scanned ${escapeHtml(d.baseline.finishedAt)}` : ''}. Matched by image name, package and vulnerability; allowlisted findings not counted.</div>
<table id="delta-counts"><thead><tr><th>Change</th>${SEVERITIES_DESC.map((s) => `<th>${s}</th>`).join('')}<th>Total</th></tr></thead><tbody>${row('New', 'new', d.counts.new)}${row('Fixed', 'fixed', d.counts.fixed)}${totalOf(d.counts.updated) ? row('Updated', 'updated', d.counts.updated) : ''}${row('Unchanged', 'unchanged', d.counts.unchanged)}</tbody></table>
<h3>New findings (${fresh.length})</h3>
${fresh.length ? `<table id="delta-new"><thead><tr><th>Severity</th><th>ID</th><th>Package</th><th>Installed</th><th>Fixed in</th>${kevOn ? '<th>KEV</th>' : ''}${epssOn ? '<th>EPSS</th>' : ''}${multi ? '<th>Image</th>' : ''}</tr></thead><tbody>${newRows}</tbody></table>${fresh.length > 200 ? `<p class="meta">… and ${fresh.length - 200} more (filter the table below with "only new").</p>` : ''}` : '<p>No new vulnerabilities since the baseline.</p>'}
${d.fixed.length ? `<details><summary>Fixed since the baseline (${d.fixed.length})</summary><table id="delta-fixed"><thead><tr><th>Severity</th><th>ID</th><th>Package</th><th>Was installed</th><th>Image</th></tr></thead><tbody>${fixedRows}</tbody></table></details>` : ''}
</section>`;
}

export const htmlFormat: ReportFormatDescriptor<'html'> = {
  name: 'html',
  fileName: 'clair-scan-report.html',
  contentType: 'text/html; charset=utf-8',
  output: { name: 'html', description: 'Path of the HTML report.' },
  write: (dir, result) => writeFileAtomic(dir, htmlFormat.fileName, renderHtml(result)),
};
