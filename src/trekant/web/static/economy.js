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

async function claim() {
  const same = document.getElementById("claim-season").checked;
  const data = await T.getJSON(T.withLang(`/api/economy/claim?indicator=${indicator()}&same_season=${same}`));
  T.replace("claim-demo", T.demoBadge(data.demo));
  T.replace("claim-statement", data.statement);
  const first = data.first;
  const names = Object.fromEntries(data.competitors.map((c) => [c.area, c.name]));
  await T.chart(document.getElementById("claim"), [{
    type: "scatter", mode: "markers", x: first.map((w) => w.start_period), y: first.map((w) => w.end_period),
    marker: { size: 9, color: first.map((w) => w.margin_pp), colorscale: "Blues", showscale: true,
      colorbar: { title: { text: T.L("margin_pp") } } },
    text: first.map((w) => T.escapeHover(`${w.start_period}–${w.end_period}: ${T.pct(w.growth_pct, 2)} `
      + `(${names[w.runner_up] || w.runner_up} ${T.pct(w.runner_up_growth_pct, 2)})`)),
    hovertemplate: "%{text}<extra></extra>", name: T.L("windows_first"),
  }], { xaxis: { title: { text: T.L("start_period") }, type: "category", categoryarray: data.periods },
    yaxis: { title: { text: T.L("end_period") }, type: "category", categoryarray: data.periods },
    title: { text: `${T.L("windows_scanned")}: ${T.fmt(data.windows_scanned)} · ${T.L("windows_first")}: ${T.fmt(data.windows_first)}`, font: { size: 13 } },
    height: 460, showlegend: false });
  const claims = data.published_claims || [];
  T.replace("claim-published", claims.length ? T.el("div", {}, T.el("h3", {}, T.L("published_claims")),
    T.el("ul", {}, claims.map((c) => T.el("li", {}, T.el("q", {}, c.text), ` → ${c.verdict}`, T.el("br"),
      T.el("span", { class: "sources" }, `${T.L("source")}: ${c.source}`))))) : T.el("span"));
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
