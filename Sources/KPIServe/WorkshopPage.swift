import Foundation

/// The workshop page: one self-contained HTML file (inline CSS and script, no fonts or scripts
/// from elsewhere; the Content-Security-Policy forbids any other origin). The script only
/// fetches the API and draws; every number it shows comes from the server.
enum WorkshopPage {
  static func html(token: String, nonce: String, inputName: String, fingerprint: String) -> String {
    template
      .replacingOccurrences(of: "@@TOKEN@@", with: escape(token))
      .replacingOccurrences(of: "@@NONCE@@", with: escape(nonce))
      .replacingOccurrences(of: "@@INPUT@@", with: escape(inputName))
      .replacingOccurrences(of: "@@FINGERPRINT@@", with: escape(fingerprint))
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
      .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
  }

  static let template = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="@@TOKEN@@">
<title>KPI target-setting workshop</title>
<style>
:root { --ink:#111; --muted:#444; --line:#bbb; --bg:#fff; --panel:#f4f6f8; --blue:#1f4e99; --band95:#c9d8f0; --band80:#8fb0e0;
        --scen:#c2410c; --scen95:#fcd9c4; --scen80:#f6a97e; --green:#1a7f37; --amber:#a15c00; --red:#b91c1c; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 19px; }
@media (max-width: 1750px) { html { font-size: 17px; } }
@media (max-width: 1450px) { html { font-size: 15px; } }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: var(--bg); }
header { display:flex; align-items: baseline; gap: 1.2rem; padding: .5rem 1rem; background: var(--blue); color: #fff; }
header h1 { font-size: 1.35rem; margin: 0; }
header .info { font-size: .85rem; opacity: .9; }
main { display: grid; grid-template-columns: minmax(17rem, 24%) 1fr; height: calc(100vh - 2.9rem); }
nav { overflow-y: auto; overflow-x: hidden; border-right: 2px solid var(--line); background: var(--panel); padding: .3rem .5rem 2rem; }
nav label { font-size: .85rem; display:block; margin: .3rem 0 .4rem; }
nav h2 { font-size: .95rem; margin: .9rem 0 .2rem; color: var(--blue); text-transform: uppercase; letter-spacing: .03em; }
table { border-collapse: collapse; }
nav table { width: 100%; font-size: .8rem; table-layout: fixed; }
nav col.c-st { width: 1.3rem; } nav col.c-n { width: 3.7rem; } nav col.c-p { width: 3.4rem; }
nav th { text-align: left; font-weight: normal; color: var(--muted); font-size: .72rem; }
nav td { padding: .22rem .25rem; border-top: 1px solid #dde; vertical-align: top; }
nav td.num, nav th.num { text-align: right; white-space: nowrap; }
nav tr.kpi { cursor: pointer; }
nav tr.kpi:hover, nav tr.kpi:focus { background: #e4ebf5; outline: none; }
nav tr.kpi.selected { background: #cfdcf0; outline: 2px solid var(--blue); }
.st { font-weight: bold; white-space: nowrap; }
.st-green { color: var(--green); } .st-amber { color: var(--amber); } .st-red { color: var(--red); } .st-none { color: #888; }
#detail { overflow-y: auto; padding: .6rem 1.1rem 2rem; }
#detail h2 { font-size: 1.3rem; margin: .1rem 0 .2rem; }
.meta { color: var(--muted); font-size: .85rem; margin: 0 0 .5rem; }
.figures { display: flex; flex-wrap: wrap; gap: .5rem; margin: .3rem 0 .5rem; }
.fig { background: var(--panel); border-left: 6px solid var(--blue); padding: .2rem .55rem; flex: 1 1 6.5rem; }
.fig.scen { border-left-color: var(--scen); }
.fig .label { font-size: .75rem; color: var(--muted); }
.fig .value { font-size: 1.35rem; font-weight: bold; white-space: nowrap; }
.fig .sub { font-size: .8rem; color: var(--muted); }
#fan { width: 100%; height: clamp(15rem, calc(100vh - 17rem), 30rem); display: block; background: #fff; border: 1px solid var(--line); }
#fan text { font-family: inherit; }
.legend { font-size: .8rem; color: var(--muted); margin: .2rem 0 .6rem; }
.legend span { margin-right: 1rem; white-space: nowrap; }
.sw { display:inline-block; width: 1.4em; height: .8em; vertical-align: middle; margin-right: .25em; }
.work { display: grid; grid-template-columns: minmax(0, 1fr) 25rem; gap: .9rem; align-items: start; }
.side { display: flex; flex-direction: column; gap: .7rem; }
.list-key { font-size: .75rem; color: var(--muted); }
section.box { background: var(--panel); padding: .35rem .7rem .6rem; border-top: 4px solid var(--blue); }
.side section.box { font-size: .92rem; }
section.box h3 { margin: .1rem 0 .4rem; font-size: 1.05rem; }
section.box.scen { border-top-color: var(--scen); }
.row { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .25rem 0; }
input, select, textarea, button { font: inherit; font-size: .9rem; }
input[type=number] { width: 5.5rem; padding: .2rem; }
input[type=text], textarea { width: 100%; padding: .25rem; }
textarea { height: 3.4rem; }
button { padding: .25rem .7rem; border: 2px solid var(--blue); background: #fff; color: var(--blue); cursor: pointer; border-radius: 3px; }
button.primary { background: var(--blue); color: #fff; }
button:disabled { opacity: .5; }
.small { font-size: .8rem; color: var(--muted); }
.applied { font-size: .85rem; margin-top: .3rem; }
.effect { border-left: 3px solid var(--scen); padding-left: .4rem; margin: .3rem 0; }
.effect input[type=number] { width: 4.6rem; }
table.cmp { width: 100%; font-size: .9rem; }
table.cmp th, table.cmp td { padding: .2rem .35rem; border-bottom: 1px solid #dde; text-align: right; }
table.cmp th:first-child, table.cmp td:first-child { text-align: left; }
.msg-ok { color: var(--green); font-weight: bold; } .msg-err { color: var(--red); font-weight: bold; }
.busy { opacity: .55; }
.rationale { font-size: .78rem; color: var(--muted); margin: .3rem 0; max-height: 4.6rem; overflow-y: auto; }
#decisions-log table { width: 100%; font-size: .8rem; }
@media (max-width: 1450px) { .work { grid-template-columns: minmax(0, 1fr) 22rem; } }
#decisions-log td, #decisions-log th { border-bottom: 1px solid #dde; padding: .15rem .3rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<header><h1>KPI target-setting workshop</h1><span class="info">data: @@INPUT@@ · fingerprint @@FINGERPRINT@@ · every figure from the forecasting engine</span></header>
<main>
<nav id="kpi-list" aria-label="KPIs">
  <label><input type="checkbox" id="only-targets" checked> only KPIs with a target</label>
  <div class="list-key"><span class="st-green">★</span> on target · <span class="st-amber">●</span> short of target · <span class="st-red">▲</span> significantly worse (past the intervention level, or more than 10% short of target where none is published; year-end forecast)</div>
  <div id="kpi-groups">Loading…</div>
</nav>
<div id="detail">
  <h2 id="kpi-title">Choose a KPI</h2>
  <p class="meta" id="kpi-meta"></p>
  <div class="work">
  <div class="main-col">
  <div class="figures" id="figures"></div>
  <svg id="fan" role="img" aria-label="fan chart" data-state="empty"></svg>
  <div class="legend">
    <span><i class="sw" style="background:#111;height:3px"></i>history</span>
    <span><i class="sw" style="background:var(--band95)"></i>95%</span><span><i class="sw" style="background:var(--band80)"></i>80% (baseline)</span>
    <span><i class="sw" style="background:var(--scen95)"></i><i class="sw" style="background:var(--scen80)"></i>scenario</span>
    <span><i class="sw" style="border-top:3px solid var(--green)"></i>target</span>
    <span><i class="sw" style="border-top:3px dashed var(--red)"></i>intervention level</span>
    <span><i class="sw" style="border-top:2px dotted #6b21a8"></i>comparator</span>
  </div>
  <section class="box" id="demand" hidden><h3>Alternative provision (from this exclusions forecast)</h3><div id="demand-body"></div></section>
  <section id="decisions-log"><h3>Decisions recorded</h3><div id="decisions-body" class="small">none yet</div></section>
  </div>
  <div class="side">
    <section class="box scen" id="scenario-editor">
      <h3>Scenario</h3>
      <div class="row"><label for="preset">Start from</label><select id="preset" style="max-width:12.5rem"></select><button id="reset-scenario" type="button">Clear</button></div>
      <div id="effects"></div>
      <div class="row"><button id="add-effect" type="button">+ effect</button></div>
      <div class="row" id="conv-row"><label for="conv-comparator">Close</label>
        <input id="conv-share" type="range" min="0" max="100" step="5" value="0" style="width:7rem">
        <span id="conv-share-text">0%</span><span>of the gap to</span><select id="conv-comparator"></select></div>
      <div class="applied" id="applied"></div>
    </section>
    <section class="box" id="decision">
      <h3 id="decision-title">Agree the target</h3>
      <table class="cmp">
        <tr><th></th><th>Proposed</th><th>Agreed</th></tr>
        <tr><td>Target</td><td id="prop-target">–</td><td><input type="number" step="any" id="agreed-target"></td></tr>
        <tr><td>Intervention level</td><td id="prop-level">–</td><td><input type="number" step="any" id="agreed-level"></td></tr>
        <tr><td>P(meet target), baseline</td><td id="prop-p">–</td><td id="agreed-p-base">–</td></tr>
        <tr><td>P(meet target), scenario</td><td id="prop-p-scen">–</td><td id="agreed-p-scen">–</td></tr>
      </table>
      <div class="rationale" id="prop-rationale"></div>
      <label for="rationale">Why the room agreed this</label>
      <textarea id="rationale" maxlength="4000"></textarea>
      <div class="row"><label for="agreed-by">Agreed by</label><input type="text" id="agreed-by" maxlength="200" style="flex:1"></div>
      <div class="row"><button class="primary" id="record" type="button">Record decision</button><span id="record-status"></span></div>
    </section>
  </div>
  </div>
</div>
</main>
<script nonce="@@NONCE@@">
"use strict";
const TOKEN = document.querySelector('meta[name="csrf-token"]').content;
const state = { rows: [], detail: null, reply: null, seq: 0, timer: null, version: 0 };
const $ = (id) => document.getElementById(id);
const SYM = { green: "★", amber: "●", red: "▲" };

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const k in (attrs || {})) e.setAttribute(k, attrs[k]);
  if (text !== undefined && text != null) e.textContent = text;
  return e;
}
function fmt(v, unit) {
  if (v == null || v === undefined) return "–";
  const a = Math.abs(v);
  let s;
  if (unit === "count") s = Math.round(v).toLocaleString("en-GB");
  else if (a >= 1000) s = Math.round(v).toLocaleString("en-GB");
  else if (a >= 100) s = v.toFixed(0);
  else s = v.toFixed(1);
  return unit === "percent" ? s + "%" : s;
}
function range(a, b, unit) {
  const x = fmt(a, unit), y = fmt(b, unit);
  return unit === "percent" ? x.replace("%", "") + "–" + y : x + "–" + y;
}
// As NumberFormat.probability: rounding never shows a certainty the forecast does not hold.
function pct(p) {
  if (p == null || p === undefined) return "–";
  if (p > 0 && p < 0.005) return "<1%";
  if (p < 1 && p > 0.995) return ">99%";
  return Math.round(p * 100) + "%";
}
function money(v) { return "£" + (v / 1e6).toFixed(2) + "m"; }
function statusSpan(s) {
  return el("span", { class: "st st-" + (s || "none") }, s ? SYM[s] + " " + s : "no target");
}

async function api(method, path, body) {
  const opts = { method, headers: { "Accept": "application/json" } };
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.headers["X-CSRF-Token"] = TOKEN;
    opts.body = JSON.stringify(body);
  }
  const r = await fetch(path, opts);
  let data = null;
  try { data = await r.json(); } catch (e) { data = null; }
  if (!r.ok) throw new Error((data && data.error) || ("HTTP " + r.status));
  return data;
}

function renderList() {
  const only = $("only-targets").checked;
  const box = $("kpi-groups");
  box.textContent = "";
  const areas = [];
  for (const r of state.rows) if (!areas.includes(r.area)) areas.push(r.area);
  for (const a of areas) {
    const rows = state.rows.filter(r => r.area === a && (!only || r.target != null));
    if (!rows.length) continue;
    box.appendChild(el("h2", {}, a));
    const t = el("table");
    const cg = el("colgroup");
    for (const c of ["c-t", "c-st", "c-n", "c-n", "c-p"]) cg.appendChild(el("col", { class: c }));
    t.appendChild(cg);
    const h = el("tr");
    for (const [c, cls] of [["KPI", ""], ["", ""], ["year-end", "num"], ["target", "num"], ["P(meet)", "num"]]) h.appendChild(el("th", { class: cls }, c));
    t.appendChild(h);
    for (const r of rows) {
      const tr = el("tr", { class: "kpi", "data-indicator": r.indicator });
      if (state.detail && state.detail.row.indicator === r.indicator) tr.classList.add("selected");
      tr.appendChild(el("td", {}, r.title));
      const st = el("td"); st.appendChild(el("span", { class: "st st-" + (r.status || "none") }, r.status ? SYM[r.status] : "")); tr.appendChild(st);
      tr.appendChild(el("td", { class: "num" }, fmt(r.forecast, r.unit)));
      tr.appendChild(el("td", { class: "num" }, fmt(r.target, r.unit)));
      tr.appendChild(el("td", { class: "num" }, pct(r.p_meet_target)));
      tr.tabIndex = 0;
      tr.addEventListener("click", () => select(r.indicator));
      tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(r.indicator); } });
      t.appendChild(tr);
    }
    box.appendChild(t);
  }
}

async function select(indicator) {
  const d = await api("GET", "/api/kpis/" + encodeURIComponent(indicator));
  state.detail = d; state.reply = null; state.version++;
  history.replaceState(null, "", "#" + encodeURIComponent(indicator));
  for (const tr of document.querySelectorAll("tr.kpi")) tr.classList.toggle("selected", tr.dataset.indicator === indicator);
  const r = d.row;
  $("kpi-title").textContent = r.title;
  $("kpi-meta").textContent = [r.indicator, r.unit, r.polarity ? (r.polarity + " is better").replace("plan is better", "plan is best") : "no polarity",
    "basis: " + r.basis + " (" + d.aggregation + ")", "model: " + r.model].join(" · ");
  // Scenario editor
  const pre = $("preset"); pre.textContent = "";
  pre.appendChild(el("option", { value: "" }, "— carry on as now —"));
  d.presets.forEach((p, i) => pre.appendChild(el("option", { value: String(i) }, p.name)));
  const cc = $("conv-comparator"); cc.textContent = "";
  for (const c of d.comparators) cc.appendChild(el("option", { value: c.name }, c.name + " " + fmt(c.value, r.unit) + " (" + c.year + ")"));
  $("conv-row").hidden = d.comparators.length === 0;
  setScenario(null);
  // Decision form
  const p = d.proposal;
  $("decision-title").textContent = "Agree the target for " + (p ? p.year : r.year);
  $("prop-target").textContent = p ? fmt(p.target, r.unit) : "–";
  $("prop-level").textContent = p ? fmt(p.intervention_level, r.unit) : "–";
  $("prop-p").textContent = p ? pct(p.p_meet_target) : "–";
  $("prop-rationale").textContent = p ? "Proposal: " + p.rationale : "No proposal (no polarity).";
  $("agreed-target").value = p && p.target != null ? round(p.target) : (r.target != null ? r.target : "");
  $("agreed-level").value = p && p.intervention_level != null ? round(p.intervention_level) : (r.intervention_level != null ? r.intervention_level : "");
  $("rationale").value = ""; $("record-status").textContent = "";
  for (const id of ["agreed-p-base", "agreed-p-scen", "prop-p-scen"]) $(id).textContent = "–";
  $("applied").textContent = "";
  renderFigures(); drawFan(); renderDemand(d.demand); refreshDecisions();
  scheduleScenario(0);
}
function round(v) {
  const unit = state.detail ? state.detail.row.unit : "";
  return unit === "count" || Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10;
}

function effectRow(e) {
  const d = state.detail, i = $("effects").children.length;
  const row = el("div", { class: "effect", "data-i": String(i) });
  const kind = el("select", { id: "effect-kind-" + i, "aria-label": "absolute or relative" });
  kind.appendChild(el("option", { value: "change" }, d.row.unit === "percent" ? "points" : d.row.unit));
  kind.appendChild(el("option", { value: "relative" }, "% of value"));
  const amt = el("input", { type: "number", step: "any", id: "effect-change-" + i, "aria-label": "size of change", placeholder: "e.g. -3" });
  const from = el("select", { id: "effect-from-" + i, "aria-label": "from period" });
  for (const p of d.periods) from.appendChild(el("option", { value: p }, periodLabel(p)));
  const ramp = el("input", { type: "number", min: "1", max: "12", step: "1", id: "effect-ramp-" + i, value: "1", style: "width:3.6rem", "aria-label": "ramp" });
  const del = el("button", { type: "button", title: "remove" }, "✕");
  if (e) {
    kind.value = e.relative !== undefined && e.relative != null ? "relative" : "change";
    amt.value = kind.value === "relative" ? String(Math.round(e.relative * 1000) / 10) : String(e.change);
    if (![...from.options].some(o => o.value === e.from)) from.insertBefore(el("option", { value: e.from }, periodLabel(e.from)), from.firstChild);
    from.value = e.from; ramp.value = String(e.ramp || 1);
  }
  const l1 = el("div", { class: "row" }), l2 = el("div", { class: "row" });
  l1.append(amt, kind, el("span", {}, "from"), from);
  l2.append(el("span", {}, "reaching full effect over"), ramp, el("span", {}, "periods"), del);
  row.append(l1, l2);
  for (const x of [kind, amt, from, ramp]) x.addEventListener("input", () => scheduleScenario(250));
  del.addEventListener("click", () => { row.remove(); scheduleScenario(0); });
  $("effects").appendChild(row);
}
function periodLabel(p) {
  const [y, m] = p.split("-").map(Number);
  const fy = m >= 4 ? y : y - 1, q = Math.floor(((m + 8) % 12) / 3) + 1;
  return fy + "/" + String((fy + 1) % 100).padStart(2, "0") + " Q" + q;
}
function setScenario(spec) {
  $("effects").textContent = "";
  for (const e of (spec && spec.effects) || []) effectRow(e);
  const c = spec && spec.convergence && spec.convergence[0];
  $("conv-share").value = c ? String(Math.round(c.share * 100)) : "0";
  $("conv-share-text").textContent = $("conv-share").value + "%";
  if (c && c.comparator) {
    const cc = $("conv-comparator");
    if (![...cc.options].some(o => o.value === c.comparator)) cc.appendChild(el("option", { value: c.comparator }, c.comparator));
    cc.value = c.comparator;
  }
  if (c && c.value != null && c.value !== undefined && !c.comparator) {
    const cc = $("conv-comparator"), v = "value:" + c.value;
    cc.appendChild(el("option", { value: v }, fmt(c.value, state.detail.row.unit) + " (given)"));
    cc.value = v; $("conv-row").hidden = false;
  }
}
function currentScenario() {
  const effects = [];
  for (const row of document.querySelectorAll("#effects .effect")) {
    const i = row.dataset.i, amt = parseFloat($("effect-change-" + i).value);
    if (!isFinite(amt) || amt === 0) continue;
    const e = { from: $("effect-from-" + i).value, ramp: Math.max(1, parseInt($("effect-ramp-" + i).value || "1", 10) || 1) };
    if ($("effect-kind-" + i).value === "relative") e.relative = amt / 100; else e.change = amt;
    effects.push(e);
  }
  const convergence = [];
  const share = parseInt($("conv-share").value, 10) / 100, cv = $("conv-comparator").value;
  if (share > 0 && cv) convergence.push(cv.startsWith("value:") ? { value: parseFloat(cv.slice(6)), share } : { comparator: cv, share });
  const name = $("preset").value !== "" ? state.detail.presets[parseInt($("preset").value, 10)].name : null;
  return { name, effects, convergence };
}
function scheduleScenario(ms) {
  clearTimeout(state.timer);
  state.timer = setTimeout(runScenario, ms);
}
async function runScenario() {
  if (!state.detail) return;
  const seq = ++state.seq, sc = currentScenario();
  const body = { indicator: state.detail.row.indicator, name: sc.name, effects: sc.effects, convergence: sc.convergence };
  const t = parseFloat($("agreed-target").value), l = parseFloat($("agreed-level").value);
  if (isFinite(t)) body.target = t;
  if (isFinite(t) && isFinite(l)) body.intervention_level = l;
  $("detail").classList.add("busy");
  try {
    const reply = await api("POST", "/api/scenario", body);
    if (seq !== state.seq) return;
    state.reply = reply; state.version++;
    $("applied").textContent = "Applied: " + reply.applied + (reply.notes.length ? " — " + reply.notes.join("; ") : "")
      + (sc.convergence.length ? " (the fan shows the convergence reached evenly by the year-end)" : "");
    $("applied").className = "applied";
    renderFigures(); drawFan();
    const c = reply.candidate;
    $("agreed-p-base").textContent = c ? pct(c.baseline_p_meet_target) : "–";
    $("agreed-p-scen").textContent = c ? pct(c.p_meet_target) : "–";
    $("prop-p-scen").textContent = reply.proposal ? pct(reply.proposal.p_meet_target) : "–";
    if (reply.demand) renderDemand(reply.demand);
  } catch (e) {
    if (seq !== state.seq) return;
    $("applied").textContent = "Not applied: " + e.message; $("applied").className = "applied msg-err";
  } finally { if (seq === state.seq) $("detail").classList.remove("busy"); }
}

function figure(cls, label, value, sub, id) {
  const f = el("div", { class: "fig " + cls });
  f.append(el("div", { class: "label" }, label), el("div", { class: "value", id: id || "" }, value), el("div", { class: "sub" }, sub));
  return f;
}
function renderFigures() {
  const d = state.detail, r = d.row, s = state.reply, box = $("figures");
  box.textContent = "";
  const changed = s && s.applied !== "no change";
  const base = figure("", "Baseline " + r.year, fmt(r.forecast, r.unit), "80% " + range(r.lo80, r.hi80, r.unit), "forecast-base");
  base.querySelector(".label").appendChild(document.createTextNode(" "));
  base.querySelector(".label").appendChild(el("span", { class: "st st-" + (r.status || "none") }, r.status ? SYM[r.status] : ""));
  box.appendChild(base);
  const sc = figure("scen", "Scenario", changed ? fmt(s.forecast, r.unit) : "–",
    changed ? "80% " + range(s.lo80, s.hi80, r.unit) : "no change set", "forecast-scen");
  if (changed) { sc.querySelector(".label").appendChild(document.createTextNode(" ")); sc.querySelector(".label").appendChild(el("span", { class: "st st-" + (s.status || "none") }, s.status ? SYM[s.status] : "")); }
  box.appendChild(sc);
  box.appendChild(figure("", "Target " + r.year, fmt(r.target, r.unit), "intervention " + fmt(r.intervention_level, r.unit)));
  box.appendChild(figure("", "P(meet), baseline", pct(r.p_meet_target), "from the forecast", "p-meet-base"));
  box.appendChild(figure("scen", "P(meet), scenario", changed ? pct(s.p_meet_target) : pct(r.p_meet_target), changed ? "with the scenario" : "as baseline", "p-meet-scenario"));
  const dem = (s && s.demand) || d.demand;
  if (dem && dem.length) {
    const b = dem[dem.length - 1];
    box.appendChild(figure(dem.length > 1 ? "scen" : "", "AP places " + b.year + (dem.length > 1 ? ", scenario" : ""), Math.round(b.places[1]).toLocaleString("en-GB"),
      Math.round(b.places[0]) + "–" + Math.round(b.places[2]) + " · " + money(b.cost[1]) + " a year", "ap-places"));
  }
}

function monthIndex(p) { const [y, m] = p.split("-").map(Number); return y * 12 + m - 1; }
function svg(tag, attrs, text) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  return e;
}
function ticks(lo, hi, n) {
  const raw = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw) || 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}
function drawFan() {
  const d = state.detail, r = d.row, s = state.reply, root = $("fan");
  root.textContent = "";
  const W = root.clientWidth || 900, H = root.clientHeight || 420;
  root.setAttribute("viewBox", "0 0 " + W + " " + H);
  const scen = s && s.applied !== "no change" ? s : null;
  root.dataset.state = scen ? "scenario" : "baseline";
  root.dataset.version = String(state.version);
  const L = 64, T = 16, B = 40, panelW = 120, R = d.aggregated ? panelW + 150 : (W < 700 ? 175 : 210), mainR = W - R;
  const pts = d.history.concat(d.fan);
  const x0 = Math.min(...pts.map(p => monthIndex(p.period))), x1 = Math.max(...pts.map(p => monthIndex(p.period)));
  const X = (p) => L + (mainR - L) * (x1 === x0 ? 0.5 : (monthIndex(p) - x0) / (x1 - x0));
  const vals = [];
  for (const p of d.history) vals.push(p.value);
  for (const f of d.fan.concat(scen ? scen.fan : [])) vals.push(f.lo95, f.hi95, f.value);
  const lines = [];
  if (r.target != null) lines.push({ v: r.target, cls: "target" });
  if (r.intervention_level != null) lines.push({ v: r.intervention_level, cls: "level" });
  if (!d.aggregated) { for (const l of lines) vals.push(l.v); for (const c of d.comparators) vals.push(c.value); }
  const scale = (list) => {
    let lo = Math.min(...list.filter(v => v != null && isFinite(v))), hi = Math.max(...list.filter(v => v != null && isFinite(v)));
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
    const pad = (hi - lo) * 0.08; lo -= pad; hi += pad;
    if (r.unit === "percent") { lo = Math.max(lo, 0); hi = Math.min(hi, 100); }
    if (r.unit !== "number" && lo < 0 && Math.min(...list.filter(v => v != null)) >= 0) lo = 0;
    return [lo, hi];
  };
  const [lo, hi] = scale(vals);
  const Y = (v) => T + (H - T - B) * (1 - (v - lo) / (hi - lo));
  // axes and grid
  for (const v of ticks(lo, hi, 5)) {
    const y = Y(v);
    root.appendChild(svg("line", { x1: L, x2: mainR, y1: y, y2: y, stroke: "#e3e3e3" }));
    root.appendChild(svg("text", { x: L - 6, y: y + 5, "text-anchor": "end", "font-size": 14, fill: "#333" }, fmt(v, r.unit)));
  }
  const years = [];
  for (let m = x0; m <= x1; m++) if (m % 12 === 2) years.push(m);
  for (const m of years) {
    const x = L + (mainR - L) * (x1 === x0 ? 0.5 : (m - x0) / (x1 - x0));
    root.appendChild(svg("line", { x1: x, x2: x, y1: T, y2: H - B, stroke: "#e3e3e3" }));
    const y = Math.floor(m / 12);
    root.appendChild(svg("text", { x: x, y: H - B + 18, "text-anchor": "middle", "font-size": 14, fill: "#333" }, "Mar " + y));
  }
  root.appendChild(svg("line", { x1: L, x2: mainR, y1: H - B, y2: H - B, stroke: "#555" }));
  root.appendChild(svg("text", { x: L, y: H - 8, "font-size": 13, fill: "#555" }, "financial year-ends (March)"));
  // bands
  const band = (fan, lok, hik, fill, id) => {
    if (!fan.length) return;
    const last = d.history.length ? d.history[d.history.length - 1] : null;
    const up = fan.map(f => X(f.period).toFixed(1) + "," + Y(f[hik]).toFixed(1));
    const dn = fan.slice().reverse().map(f => X(f.period).toFixed(1) + "," + Y(f[lok]).toFixed(1));
    const start = last ? [X(last.period).toFixed(1) + "," + Y(last.value).toFixed(1)] : [];
    root.appendChild(svg("path", { id, d: "M" + start.concat(up, dn).join(" L") + " Z", fill, stroke: "none" }));
  };
  const median = (fan, stroke, id, dash) => {
    const last = d.history.length ? d.history[d.history.length - 1] : null;
    const p = (last ? [last] : []).concat(fan.map(f => ({ period: f.period, value: f.value })));
    root.appendChild(svg("path", { id, d: "M" + p.map(q => X(q.period).toFixed(1) + "," + Y(q.value).toFixed(1)).join(" L"),
      fill: "none", stroke, "stroke-width": 3, "stroke-dasharray": dash || "" }));
  };
  band(d.fan, "lo95", "hi95", scen ? "#e3ebf7" : "var(--band95)", "band95-base");
  band(d.fan, "lo80", "hi80", scen ? "#c6d6ee" : "var(--band80)", "band80-base");
  if (scen) { band(scen.fan, "lo95", "hi95", "var(--scen95)", "band95-scenario"); band(scen.fan, "lo80", "hi80", "var(--scen80)", "band80-scenario"); }
  median(d.fan, "var(--blue)", "median-base", scen ? "6 4" : "");
  if (scen) median(scen.fan, "var(--scen)", "median-scenario");
  // history
  const hp = d.history.map(p => X(p.period).toFixed(1) + "," + Y(p.value).toFixed(1));
  if (hp.length) root.appendChild(svg("path", { id: "history", d: "M" + hp.join(" L"), fill: "none", stroke: "#111", "stroke-width": 3 }));
  for (const p of d.history) root.appendChild(svg("circle", { cx: X(p.period), cy: Y(p.value), r: 4.5, fill: "#111" }));
  // threshold and comparator lines (on this scale only for a March-value KPI)
  const label = (y, text, color) => root.appendChild(svg("text", { x: mainR + 6, y: y + 5, "font-size": 14, fill: color, "font-weight": "bold" }, text));
  const placed = [];
  const place = (y) => { let yy = y; while (placed.some(q => Math.abs(q - yy) < 16)) yy += 16; placed.push(yy); return yy; };
  if (!d.aggregated) {
    if (r.target != null) { root.appendChild(svg("line", { x1: L, x2: mainR, y1: Y(r.target), y2: Y(r.target), stroke: "var(--green)", "stroke-width": 3 })); label(place(Y(r.target)), "target " + fmt(r.target, r.unit), "var(--green)"); }
    if (r.intervention_level != null) { root.appendChild(svg("line", { x1: L, x2: mainR, y1: Y(r.intervention_level), y2: Y(r.intervention_level), stroke: "var(--red)", "stroke-width": 3, "stroke-dasharray": "10 6" })); label(place(Y(r.intervention_level)), "intervene " + fmt(r.intervention_level, r.unit), "var(--red)"); }
    for (const c of d.comparators) {
      if (c.value < lo || c.value > hi) continue;
      root.appendChild(svg("line", { x1: L, x2: mainR, y1: Y(c.value), y2: Y(c.value), stroke: "#6b21a8", "stroke-width": 2, "stroke-dasharray": "2 4" }));
      label(place(Y(c.value)), (c.name.length > (R > 200 ? 18 : 12) ? c.name.slice(0, R > 200 ? 17 : 11) + "…" : c.name) + " " + fmt(c.value, r.unit), "#6b21a8");
    }
  } else {
    // The outturn is a total or average of the year's periods: its own panel on the right.
    const px = W - panelW - 10;
    const list = [r.lo95, r.hi95].concat(lines.map(l => l.v), scen ? [scen.lo95, scen.hi95] : []);
    const [plo, phi] = scale(list);
    const PY = (v) => T + (H - T - B) * (1 - (v - plo) / (phi - plo));
    root.appendChild(svg("rect", { x: px - 8, y: T - 6, width: panelW + 14, height: H - T - B + 12, fill: "#f7f7f7", stroke: "#ccc" }));
    root.appendChild(svg("text", { x: px + panelW / 2, y: H - B + 18, "text-anchor": "middle", "font-size": 13, fill: "#333" }, "year " + r.year));
    const bar = (row, x, c95, c80, c) => {
      root.appendChild(svg("rect", { x: x, y: PY(row.hi95), width: 26, height: Math.max(1, PY(row.lo95) - PY(row.hi95)), fill: c95 }));
      root.appendChild(svg("rect", { x: x, y: PY(row.hi80), width: 26, height: Math.max(1, PY(row.lo80) - PY(row.hi80)), fill: c80 }));
      root.appendChild(svg("line", { x1: x - 3, x2: x + 29, y1: PY(row.forecast), y2: PY(row.forecast), stroke: c, "stroke-width": 4 }));
    };
    bar(r, px + 14, "var(--band95)", "var(--band80)", "var(--blue)");
    if (scen) bar(scen, px + 56, "var(--scen95)", "var(--scen80)", "var(--scen)");
    for (const l of lines) {
      const c = l.cls === "target" ? "var(--green)" : "var(--red)";
      root.appendChild(svg("line", { x1: px, x2: px + panelW - 10, y1: PY(l.v), y2: PY(l.v), stroke: c, "stroke-width": 3, "stroke-dasharray": l.cls === "target" ? "" : "10 6" }));
      root.appendChild(svg("text", { x: px - 12, y: place(PY(l.v)) + 5, "text-anchor": "end", "font-size": 14, "font-weight": "bold", fill: c }, (l.cls === "target" ? "target " : "intervene ") + fmt(l.v, r.unit)));
    }
    for (const v of ticks(plo, phi, 3)) { root.appendChild(svg("text", { x: W - 6, y: PY(v) + 5, "text-anchor": "end", "font-size": 12, fill: "#555" }, fmt(v, r.unit))); }
    root.appendChild(svg("text", { x: px + panelW / 2, y: T + 10, "text-anchor": "middle", "font-size": 12, fill: "#333" }, "year-end outturn"));
  }
}

function renderDemand(list) {
  const box = $("demand");
  if (!list || !list.length) { box.hidden = true; return; }
  box.hidden = false;
  const t = el("table", { class: "cmp" });
  const h = el("tr"); for (const c of ["", "year", "places P10", "P50", "P90", "cost P10", "P50", "P90"]) h.appendChild(el("th", {}, c)); t.appendChild(h);
  for (const b of list) {
    const tr = el("tr");
    tr.append(el("td", {}, b.scenario), el("td", {}, b.year), ...b.places.map(v => el("td", {}, Math.round(v).toLocaleString("en-GB"))), ...b.cost.map(v => el("td", {}, money(v))));
    t.appendChild(tr);
  }
  const body = $("demand-body"); body.textContent = "";
  body.append(t, el("div", { class: "small" }, "Places and cost a year from the demand engine with its default assumptions (every excluded pupil placed, one-year stay, £20,000–£50,000 a place); the scenario row follows the effects set above."));
}

async function refreshDecisions() {
  const all = await api("GET", "/api/decisions");
  const body = $("decisions-body");
  body.textContent = "";
  if (!all.length) { body.textContent = "none yet"; return; }
  const t = el("table");
  const h = el("tr"); for (const c of ["#", "KPI", "year", "target", "intervention", "agreed by", "why", "recorded"]) h.appendChild(el("th", {}, c)); t.appendChild(h);
  for (const d of all.slice(-12).reverse()) {
    const tr = el("tr", { "data-id": String(d.id) });
    tr.append(el("td", {}, String(d.id)), el("td", {}, d.indicator), el("td", {}, d.year), el("td", {}, String(d.target)),
      el("td", {}, d.intervention_level == null ? "–" : String(d.intervention_level)), el("td", {}, d.agreed_by), el("td", {}, d.rationale),
      el("td", {}, d.recorded_at.replace("T", " ").slice(0, 19)));
    t.appendChild(tr);
  }
  body.appendChild(t);
  if (all.length > 12) body.appendChild(el("div", { class: "small" }, "latest 12 of " + all.length + " (kpi-forecast decisions exports all)"));
}

async function record() {
  const d = state.detail; if (!d) return;
  const t = parseFloat($("agreed-target").value), l = parseFloat($("agreed-level").value);
  const body = { indicator: d.row.indicator, year: d.proposal ? d.proposal.year : d.row.year, target: isFinite(t) ? t : null,
    intervention_level: isFinite(l) ? l : null, rationale: $("rationale").value, agreed_by: $("agreed-by").value, scenario: currentScenario() };
  $("record").disabled = true;
  try {
    if (body.target == null) throw new Error("target: enter the agreed value");
    const res = await api("POST", "/api/decisions", body);
    $("record-status").textContent = "Recorded #" + res.id + " at " + res.recorded_at.replace("T", " ").slice(0, 19) + " UTC";
    $("record-status").className = "msg-ok";
    refreshDecisions();
  } catch (e) {
    $("record-status").textContent = e.message; $("record-status").className = "msg-err";
  } finally { $("record").disabled = false; }
}

async function start() {
  state.rows = await api("GET", "/api/kpis");
  renderList();
  const want = decodeURIComponent(location.hash.slice(1));
  const first = state.rows.find(r => r.indicator === want) || state.rows.find(r => r.target != null) || state.rows[0];
  if (first) await select(first.indicator);
}
$("only-targets").addEventListener("change", renderList);
$("add-effect").addEventListener("click", () => { effectRow(null); });
$("reset-scenario").addEventListener("click", () => { $("preset").value = ""; setScenario(null); scheduleScenario(0); });
$("preset").addEventListener("change", () => {
  const v = $("preset").value; setScenario(v === "" ? null : state.detail.presets[parseInt(v, 10)].scenario); scheduleScenario(0);
});
$("conv-share").addEventListener("input", () => { $("conv-share-text").textContent = $("conv-share").value + "%"; scheduleScenario(250); });
$("conv-comparator").addEventListener("change", () => scheduleScenario(0));
$("agreed-target").addEventListener("input", () => scheduleScenario(400));
$("agreed-level").addEventListener("input", () => scheduleScenario(400));
$("record").addEventListener("click", record);
window.addEventListener("resize", () => { if (state.detail) drawFan(); });
start().catch(e => { $("kpi-groups").textContent = "Could not load: " + e.message; });
</script>
</body>
</html>
"""#
}
