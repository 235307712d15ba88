/* The growth and strengths page: series, growth ranking, the claim check, LQ and shift-share. */
"use strict";

const indicator = () => document.getElementById("indicator").value;
const KIND_STYLE = {
  municipality: { width: 1.2, dash: "solid", opacity: 0.75 }, region: { width: 4, dash: "solid", opacity: 1 },
  peer: { width: 2, dash: "dash", opacity: 0.9 }, denmark: { width: 3, dash: "dot", opacity: 1 },
};
const KIND_COLOUR = { region: "#0b5394", denmark: "#1a1a1a" };

async function series() {
  const asIndex = document.getElementById("as-index").checked;
  const data = await T.getJSON(T.withLang(`/api/economy/series?indicator=${indicator()}`));
  T.replace("series-demo", T.demoBadge(data.demo));
  await T.chart(document.getElementById("series"), data.areas.map((a) => ({
    type: "scatter", mode: "lines", name: a.name, x: data.periods, y: asIndex && a.index ? a.index : a.values,
    line: { width: KIND_STYLE[a.kind].width, dash: KIND_STYLE[a.kind].dash, color: KIND_COLOUR[a.kind] },
    opacity: KIND_STYLE[a.kind].opacity, connectgaps: false,
  })), { yaxis: { title: { text: asIndex && data.index_base ? T.L("index_base", { base: data.index_base }) : data.indicator.unit } }, height: 460 });
  T.replace("series-source", `${T.L("source")}: ${data.indicator.source} (${data.indicator.licence})`);
}

async function growth() {
  const among = document.getElementById("growth-among").value;
  const from = document.getElementById("growth-from").value.trim(), to = document.getElementById("growth-to").value.trim();
  const query = new URLSearchParams({ indicator: indicator(), among });
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  const div = document.getElementById("growth");
  try {
    const data = await T.getJSON(T.withLang(`/api/economy/growth?${query}`));
    const rows = [...data.ranking].reverse();
    T.replace("growth-statement", data.statement);
    await T.chart(div, [{
      type: "bar", orientation: "h", x: rows.map((r) => r.change_pct), y: rows.map((r) => `${r.rank}. ${r.name || r.area}`),
      marker: { color: rows.map((r) => (r.area === data.area ? "#0b5394" : "#9aa7b5")) },
      hovertemplate: "%{y}: %{x:.2f} %<extra></extra>",
    }], { xaxis: { title: { text: `${T.L("change_pct")} ${data.start_period}–${data.end_period}` } }, yaxis: { automargin: true },
      margin: { l: 10, r: 10, t: 20, b: 50 }, height: 80 + 24 * rows.length, showlegend: false });
  } catch (error) {
    T.showError("growth-statement", error);
  }
}

/* The claim check: the pre-declared windows (region against the best other area), the margin over
   the best other area in every window scanned (its distribution), and the windows led, if any. */
async function claim() {
  const all = document.getElementById("claim-all").checked;
  const data = await T.getJSON(T.withLang(`/api/economy/claim?indicator=${indicator()}${all ? "&same_season=false" : ""}`));
  T.replace("claim-demo", T.demoBadge(data.demo));
  T.replace("claim-statement", data.statement);
  const windows = data.headline_windows || [];
  await T.chart(document.getElementById("claim"), [
    { type: "bar", name: data.area_name, x: windows.map((w) => `${w.title} ${w.start_period}–${w.end_period}`),
      y: windows.map((w) => w.growth_pct), marker: { color: "#0b5394" } },
    { type: "bar", name: T.L("best_other"), x: windows.map((w) => `${w.title} ${w.start_period}–${w.end_period}`),
      y: windows.map((w) => w.best_other_growth_pct), text: windows.map((w) => T.escapeHover(w.best_other_name || "")),
      hovertemplate: "%{text}: %{y:.2f} %<extra></extra>", marker: { color: "#9aa7b5" } },
  ], { barmode: "group", yaxis: { title: { text: T.L("change_pct") } }, height: 380 });
  const q = data.margin_distribution_pp;
  const first = data.first || [];
  const traces = [];
  if (q) {
    traces.push({ type: "box", name: `${T.fmt(data.windows_scanned)} ${T.L("windows_scanned").toLowerCase()}`, orientation: "h",
      q1: [q.p25], median: [q.p50], q3: [q.p75], lowerfence: [q.p0], upperfence: [q.p100], y: [T.L("margin_pp")],
      marker: { color: "#0b5394" }, hoverinfo: "x" });
  }
  if (first.length) {
    traces.push({ type: "scatter", mode: "markers", name: T.L("windows_first"), orientation: "h", y: first.map(() => T.L("margin_pp")),
      x: first.map((w) => w.margin_pp), text: first.map((w) => `${w.start_period}–${w.end_period}`),
      hovertemplate: "%{text}: %{x:.2f} pp<extra></extra>", marker: { color: "#1e6b30", size: 8 } });
  }
  await T.chart(document.getElementById("claim-windows"), traces, {
    xaxis: { title: { text: `${T.L("margin_pp")} (${data.windows_kind || ""})` }, zeroline: true, zerolinecolor: "#a4161a" },
    yaxis: { automargin: true }, height: 260,
    title: { text: `${T.L("windows_scanned")}: ${T.fmt(data.windows_scanned)} · ${T.L("windows_first")}: ${T.fmt(data.windows_first)}`, font: { size: 13 } } });
  const claims = data.published_claims || [];
  T.replace("claim-published", claims.length ? T.el("div", {}, T.el("h3", {}, T.L("published_claims")),
    T.el("ul", {}, claims.map((c) => T.el("li", {}, T.el("q", {}, c.text), ` → ${c.verdict || ""}`, T.el("br"),
      T.el("span", { class: "sources" }, `${T.L("source")}: ${c.source_text || c.source}`))))) : T.el("span"));
  document.getElementById("claim").dataset.scanned = String(data.windows_scanned);
}

async function industries() {
  const lq = await T.getJSON(T.withLang("/api/economy/lq"));
  T.replace("lq-demo", T.demoBadge(lq.demo));
  const rows = [...lq.industries].reverse();
  await T.chart(document.getElementById("lq"), [{
    type: "bar", orientation: "h", x: rows.map((r) => r.lq), y: rows.map((r) => `${r.industry} ${r.name}`),
    marker: { color: rows.map((r) => (r.lq >= 1 ? "#0b5394" : "#9aa7b5")) }, hovertemplate: "%{y}: %{x:.2f}<extra></extra>",
  }], { xaxis: { title: { text: `LQ (${lq.area_name} / ${lq.reference_name}, ${lq.period})` } }, yaxis: { automargin: true },
    margin: { l: 10, r: 10, t: 20, b: 50 }, height: 80 + 30 * rows.length, showlegend: false,
    shapes: [{ type: "line", x0: 1, x1: 1, yref: "paper", y0: 0, y1: 1, line: { color: "#1a1a1a", dash: "dot" } }] });
  T.replace("lq-source", `${T.L("source")}: ${lq.indicator.source}`);

  const ss = await T.getJSON(T.withLang("/api/economy/shift-share"));
  T.replace("shift-demo", T.demoBadge(ss.demo));
  const names = ss.industries.map((r) => `${r.industry} ${r.name}`);
  await T.chart(document.getElementById("shift"), ["national_share", "industry_mix", "regional_shift"].map((key, i) => ({
    type: "bar", name: T.L(key), x: names, y: ss.industries.map((r) => r[key]), marker: { color: ["#9aa7b5", "#e69138", "#0b5394"][i] },
  })), { barmode: "relative", yaxis: { title: { text: `${ss.indicator.unit}, ${ss.start_period}–${ss.end_period}` } },
    xaxis: { automargin: true, tickangle: -30 }, height: 500 });
  T.replace("shift-notes", ...(ss.notes || []).map((n) => T.el("p", {}, n)));
}

function all() {
  series().catch((e) => T.showError("series", e));
  growth();
  claim().catch((e) => T.showError("claim-statement", e));
}

document.getElementById("indicator").addEventListener("change", all);
document.getElementById("as-index").addEventListener("change", () => series().catch((e) => T.showError("series", e)));
document.getElementById("growth-form").addEventListener("submit", (event) => { event.preventDefault(); growth(); });
document.getElementById("claim-form").addEventListener("submit", (event) => { event.preventDefault(); claim().catch((e) => T.showError("claim-statement", e)); });
all();
industries().catch((e) => T.showError("lq", e));
