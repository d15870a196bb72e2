import type { CheckResult, ClaimStatus, RunReport } from '../runner/results.ts';
import { areaRows } from './summary.ts';

const esc = (v: unknown) => String(v ?? '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const json = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));

const STATUS_LABEL: Record<ClaimStatus | string, string> = {
  passed: 'passes',
  failed: 'fails',
  'not-covered': 'not covered',
  'not-applicable': 'n/a',
  partial: 'partial',
  skipped: 'skipped',
};

/**
 * One self-contained HTML page for one or more runs (several runs: side-by-side columns and a
 * "where they differ" section). No external assets; a little inline script filters the check list.
 */
export function htmlReport(reports: RunReport[]): string {
  const title = reports.length === 1 ? `kconform: ${reports[0].implementation.name}` : `kconform: ${reports.map((r) => r.implementation.name).join(' vs ')}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style></head>
<body>
<header><h1>${esc(title)}</h1>${reports.map(headerBlock).join('')}</header>
<main>
${reports.length > 1 ? differences(reports) : ''}
${failures(reports)}
<section><h2>Claims</h2>
<p class="hint">Each documented behaviour (../shared/claims.md) and what the checks that name it found. Click a row for its checks.</p>
${claimMatrix(reports)}</section>
${reports.map(areaSummary).join('')}
${checkList(reports)}
</main>
<script>${SCRIPT}</script>
</body></html>
`;
}

function headerBlock(r: RunReport): string {
  const s = r.summary;
  return `<div class="run"><div><b>${esc(r.implementation.name)}</b> ${esc(r.implementation.version ?? '')} <span class="muted">driver ${esc(r.driver)}</span></div>
<div class="badges"><span class="b passed">${s.passed} passed</span><span class="b failed">${s.failed} failed</span><span class="b skipped">${s.skipped} skipped (${s.notApplicable} n/a)</span></div>
<div class="muted">capabilities: ${esc(r.capabilities.join(', '))} · seed ${r.seed} · ${new Date(r.startedAt).toUTCString()} · ${(r.durationMs / 1000).toFixed(1)} s</div>
<div class="muted">rerun: <code>${esc(r.command)}</code></div>
${r.suiteErrors.length ? `<div class="error">${r.suiteErrors.map(esc).join('<br>')}</div>` : ''}
${r.incidents.length ? `<details class="error"><summary>${r.incidents.length} protocol incident(s)</summary><pre>${esc(r.incidents.map((i) => `${i.kind}: ${i.message}${i.offending ? `\n  ${i.offending}` : ''}`).join('\n'))}</pre></details>` : ''}</div>`;
}

function allChecks(r: RunReport): CheckResult[] {
  return [...r.scenarios, ...r.properties];
}

function failures(reports: RunReport[]): string {
  const items = reports.flatMap((r) => allChecks(r).filter((c) => c.outcome === 'failed').map((c) => ({ r, c })));
  if (!items.length) return `<section><h2>Failures</h2><p class="ok">No check failed.</p></section>`;
  return `<section><h2>Failures (${items.length})</h2>${items.map(({ r, c }) => failureCard(c, reports.length > 1 ? r.implementation.name : '')).join('')}</section>`;
}

function failureCard(c: CheckResult, impl: string): string {
  const f = c.failure;
  const diff =
    f?.want !== undefined || f?.got !== undefined
      ? `<div class="diff"><div><h4>want</h4><pre>${esc(json(f?.want))}</pre></div><div><h4>got</h4><pre>${esc(json(f?.got))}</pre></div></div>`
      : '';
  const prop =
    c.kind === 'property'
      ? `<div class="muted">seed ${c.seed}${c.path ? ` · path ${esc(c.path)}` : ''} · ${c.numRuns} runs, ${c.cases} cases</div>${c.counterexample ? `<h4>counterexample</h4><pre>${esc(c.counterexample)}</pre>` : ''}`
      : '';
  return `<article class="failure"><h3>${impl ? `<span class="tag">${esc(impl)}</span> ` : ''}${esc(c.name)}</h3>
<div class="muted">${esc(c.kind)} · <code>${esc(c.location)}</code>${f?.location && f.location !== c.location ? ` · failing step at <code>${esc(f.location)}</code>` : ''} · claims ${esc(c.claims.join(', ') || '—')}</div>
${f?.step ? `<div>step: <q>${esc(f.step)}</q></div>` : ''}
<pre class="msg">${esc(f?.message)}</pre>${diff}${prop}
<div class="repro">reproduce: <code>${esc(c.reproduce)}</code></div></article>`;
}

function claimMatrix(reports: RunReport[]): string {
  const head = `<tr><th>claim</th><th>behaviour</th>${reports.map((r) => `<th>${esc(r.implementation.name)}</th>`).join('')}</tr>`;
  const rows = reports[0].claims.map((claim) => {
    const cells = reports.map((r) => {
      const mine = r.claims.find((c) => c.id === claim.id)!;
      const n = mine.counts;
      return `<td class="st ${mine.status}" title="${n.passed} passed, ${n.failed} failed, ${n['not-applicable']} n/a, ${n.skipped} skipped">${STATUS_LABEL[mine.status]}${mine.checks.length ? ` <small>${n.passed}/${mine.checks.length}</small>` : ''}</td>`;
    });
    const checks = reports.map((r) => {
      const ids = new Set(r.claims.find((c) => c.id === claim.id)!.checks);
      return allChecks(r).filter((c) => ids.has(c.id)).map((c) => `<li class="${c.outcome}">${esc(c.outcome)} · ${esc(c.name)} <code>${esc(c.location)}</code></li>`).join('');
    });
    return `<tr class="claim" data-id="${esc(claim.id)}"><td><b>${esc(claim.id)}</b></td><td>${esc(claim.text)}${claim.upstreamDiffers ? `<div class="differs"><b>upstream differs:</b> ${esc(claim.upstreamDiffers)}</div>` : ''}</td>${cells.join('')}</tr>
<tr class="detail" hidden><td></td><td colspan="${reports.length + 1}">${checks.map((l, i) => (reports.length > 1 ? `<b>${esc(reports[i].implementation.name)}</b>` : '') + `<ul>${l || '<li>no check names this claim yet</li>'}</ul>`).join('')}</td></tr>`;
  });
  return `<table class="matrix">${head}${rows.join('')}</table>`;
}

function areaSummary(r: RunReport): string {
  const rows = areaRows(r)
    .map((a) => `<tr><td>${esc(a.area)}</td><td>${a.scenarios}</td><td>${a.properties}</td><td class="passed">${a.passed}</td><td class="${a.failed ? 'failed' : ''}">${a.failed}</td><td>${a.notApplicable}</td><td>${a.skipped}</td><td>${a.claimsCovered}/${a.claims}</td><td>${a.claimsPassing}/${a.claims}</td></tr>`)
    .join('');
  return `<section><h2>Areas: ${esc(r.implementation.name)}</h2><table><tr><th>area</th><th>scenarios</th><th>properties</th><th>passed</th><th>failed</th><th>n/a</th><th>skipped</th><th>claims covered</th><th>claims passing</th></tr>${rows}</table></section>`;
}

function differences(reports: RunReport[]): string {
  const byId = reports.map((r) => new Map(allChecks(r).map((c) => [c.id, c])));
  const ids = [...new Set(reports.flatMap((r) => allChecks(r).map((c) => c.id)))];
  // a difference: among the implementations that could answer the check, outcomes differ
  const differ = ids.filter((id) => new Set(byId.map((m) => m.get(id)?.outcome).filter((o) => o === 'passed' || o === 'failed')).size > 1);
  if (!differ.length) return `<section><h2>Where they differ</h2><p class="ok">Every check that more than one implementation could answer ended the same way.</p></section>`;
  const rows = differ.map((id) => {
    const any = byId.find((m) => m.has(id))!.get(id)!;
    const cells = byId.map((m) => {
      const c = m.get(id);
      return `<td class="st ${c?.outcome ?? ''}">${esc(c?.outcome ?? 'not run')}${c?.failure ? `<pre>${esc(c.failure.message)}</pre>` : c?.reason ? `<div class="muted">${esc(c.reason)}</div>` : ''}</td>`;
    });
    return `<tr><td>${esc(any.name)}<div class="muted"><code>${esc(any.location)}</code> · ${esc(any.claims.join(', '))}</div></td>${cells.join('')}</tr>`;
  });
  return `<section><h2>Where they differ (${differ.length})</h2><p class="hint">Checks that passed for some implementations and failed for others (not applicable ones are left out), with what each answered.</p><table class="matrix fixed"><tr><th>check</th>${reports.map((r) => `<th>${esc(r.implementation.name)}</th>`).join('')}</tr>${rows.join('')}</table></section>`;
}

function checkList(reports: RunReport[]): string {
  const rows = reports.flatMap((r) =>
    allChecks(r).map(
      (c) =>
        `<tr class="${c.outcome}"><td>${reports.length > 1 ? `${esc(r.implementation.name)}: ` : ''}${esc(c.area)}</td><td>${esc(c.name)}</td><td>${esc(c.kind)}</td><td>${esc(c.claims.join(' '))}</td><td class="st ${c.outcome}">${esc(c.outcome)}</td><td><code>${esc(c.location)}</code></td><td>${c.durationMs.toFixed(0)} ms${c.kind === 'property' ? ` · ${c.cases} cases` : ''}</td></tr>`,
    ),
  );
  return `<section><h2>All checks</h2><input id="filter" placeholder="filter: text, claim ID, outcome…"><table id="checks"><tr><th>area</th><th>check</th><th>kind</th><th>claims</th><th>outcome</th><th>where</th><th>time</th></tr>${rows.join('')}</table></section>`;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:16px 24px}header h1{margin:0 0 8px;font-size:20px}
.run{margin:6px 0}.muted{color:#8a93a6;font-size:12px}header .muted{color:#b9c0cf}
main{padding:8px 24px;max-width:1300px}section{background:#fff;border:1px solid #e1e4ea;border-radius:6px;padding:12px 16px;margin:14px 0}
h2{font-size:16px;margin:4px 0 10px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f3;vertical-align:top}
th{background:#f0f2f5;font-weight:600}.b{display:inline-block;padding:2px 8px;border-radius:10px;margin-right:6px;font-weight:600}
.b.passed{background:#d7f5df;color:#11602a}.b.failed{background:#fbd9d9;color:#8a1414}.b.skipped{background:#eceff3;color:#4b5466}
.st.passed{background:#e5f7ea}.st.failed{background:#fde4e4;font-weight:600}.st.not-covered{background:#fff6da}.st.not-applicable,.st.skipped{background:#f0f1f4;color:#6b7385}.st.partial{background:#fff1d6}
td.passed{color:#11602a}td.failed{color:#8a1414;font-weight:600}
.failure{border-left:4px solid #d33;padding:6px 12px;margin:10px 0;background:#fffafa}.failure h3{margin:2px 0;font-size:15px}
pre{background:#f4f5f8;padding:8px;overflow:auto;margin:6px 0;white-space:pre-wrap}.msg{background:#fff0f0}
.diff{display:grid;grid-template-columns:1fr 1fr;gap:8px}.diff h4,.failure h4{margin:6px 0 0;font-size:12px;color:#6b7385}
.repro code{background:#1d2330;color:#e8ecf4;padding:2px 6px;border-radius:4px}.differs{font-size:12px;color:#7a4d00;margin-top:4px}
.matrix tr.claim{cursor:pointer}.matrix tr.claim:hover{background:#f7f9fc}.tag{background:#e3e8f3;border-radius:4px;padding:1px 6px;font-size:12px}
li.failed{color:#8a1414}.ok{color:#11602a}.error{color:#8a1414}.hint{color:#6b7385;margin-top:-6px}
.fixed{table-layout:fixed}.fixed td{overflow-wrap:anywhere}.fixed pre{font-size:12px}
#filter{width:100%;padding:6px;margin-bottom:8px;border:1px solid #cfd4dc;border-radius:4px}`;

const SCRIPT = `document.querySelectorAll('tr.claim').forEach(function(tr){tr.addEventListener('click',function(){var d=tr.nextElementSibling;d.hidden=!d.hidden;});});
var f=document.getElementById('filter');if(f)f.addEventListener('input',function(){var q=f.value.toLowerCase();document.querySelectorAll('#checks tr').forEach(function(tr,i){if(i)tr.style.display=tr.textContent.toLowerCase().indexOf(q)<0?'none':'';});});`;
