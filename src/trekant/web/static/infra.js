/* The infrastructure page: the portfolio map, a project's CBA and risk, and the ranking with weight sliders. */
"use strict";

const mdkk = (v) => v / 1e6;

function rankingChart(data) {
  const rows = [...data.ranking].reverse();
  T.chart(document.getElementById("ranking-chart"), [{
    type: "bar", orientation: "h", x: rows.map((r) => r.score), y: rows.map((r) => `${r.rank}. ${r.name}`),
    marker: { color: rows.map((r) => (r.illustrative ? "#8aa9c9" : "#0b5394")) }, hovertemplate: "%{y}: %{x:.3f}<extra></extra>",
  }], { title: { text: T.L("score") }, margin: { l: 10, r: 10, t: 30, b: 40 }, yaxis: { automargin: true }, height: 60 + 34 * rows.length, showlegend: false });
}

function rankingList(data) {
  const list = document.getElementById("ranking");
  list.replaceChildren(...data.ranking.map((r) => T.el("li", { dataset: { key: r.key } }, `${r.name} `,
    T.el("span", { class: "note" }, `(${T.L("score")} ${T.fmt(r.score, 3)}; ${T.L("keeps_rank")} ${T.pct(r.keeps_rank_share * 100, 0)})`))));
  list.dataset.order = data.ranking.map((r) => r.key).join(" ");
}

/* Re-rank on the server (the infrastructure service with these weights) and show the new order. */
function bindSliders() {
  const sliders = [...document.querySelectorAll("#weights input[type=range]")];
  let timer = null, asked = 0;
  const rerank = async () => {
    const mine = ++asked;
    const weights = sliders.map((s) => `${s.dataset.criterion}:${s.value}`).join(",");
    const list = document.getElementById("ranking");
    list.setAttribute("aria-busy", "true");
    try {
      const data = await T.getJSON(T.withLang(`/api/infra/rank?weights=${encodeURIComponent(weights)}`));
      if (mine !== asked) return;  // a newer slider move is on its way
      rankingList(data);
      rankingChart(data);
      list.dataset.weights = weights;
    } catch (error) {
      T.showError(list, error);
    } finally {
      if (mine === asked) list.removeAttribute("aria-busy");
    }
  };
  for (const slider of sliders) {
    slider.addEventListener("input", () => {
      document.getElementById(`weight-${slider.dataset.criterion}`).value = slider.value;
      clearTimeout(timer);
      timer = setTimeout(rerank, 200);
    });
  }
}

async function showRisk(key, params) {
  const data = await T.getJSON(T.withLang(`/api/infra/projects/${encodeURIComponent(key)}/risk?draws=5000&params=${params}`));
  const h = data.histogram;
  const mids = h.counts.map((_, i) => mdkk((h.edges_dkk[i] + h.edges_dkk[i + 1]) / 2));
  T.replace("risk-demo", T.demoBadge(data.illustrative));
  T.chart(document.getElementById("histogram"), [{
    type: "bar", x: mids, y: h.counts, width: mids.length > 1 ? Math.abs(mids[1] - mids[0]) : 1, marker: { color: "#0b5394" },
    hovertemplate: "%{x:,.0f}: %{y}<extra></extra>", name: T.L("draws"),
  }], { xaxis: { title: { text: T.L("pv_mdkk") } }, yaxis: { title: { text: T.L("draws") } }, showlegend: false,
    shapes: [{ type: "line", x0: 0, x1: 0, yref: "paper", y0: 0, y1: 1, line: { color: "#a4161a", dash: "dot" } }] });
  const bars = [...data.tornado].reverse();
  T.chart(document.getElementById("tornado"), [
    { type: "bar", orientation: "h", y: bars.map((b) => b.input), x: bars.map((b) => mdkk(b.npv_low_dkk - data.central_npv_dkk)),
      base: mdkk(data.central_npv_dkk), name: "P10", marker: { color: "#8a5300" } },
    { type: "bar", orientation: "h", y: bars.map((b) => b.input), x: bars.map((b) => mdkk(b.npv_high_dkk - data.central_npv_dkk)),
      base: mdkk(data.central_npv_dkk), name: "P90", marker: { color: "#1e6b30" } },
  ], { barmode: "overlay", xaxis: { title: { text: T.L("pv_mdkk") } }, margin: { l: 160, r: 10, t: 30, b: 50 } });
  T.replace("risk-summary", `P10 ${T.fmt(mdkk(data.p10_npv_dkk))} · P50 ${T.fmt(mdkk(data.p50_npv_dkk))} · P90 ${T.fmt(mdkk(data.p90_npv_dkk))} `
    + `(${T.L("pv_mdkk")}); ${T.L("prob_positive")} ${T.pct(data.prob_npv_positive * 100)}; ${T.fmt(data.draws)} ${T.L("draws")}, seed ${data.seed}`);
}

function bindProject() {
  const form = document.getElementById("cba-form");
  const show = async () => {
    const key = form.elements.key.value, params = form.elements.params.value;
    const target = document.getElementById("cba");
    try {
      const response = await fetch(T.withLang(`/parts/infra/cba?key=${encodeURIComponent(key)}&params=${params}`),
        { headers: { "X-Trekant-Part": "1" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(response.statusText);
      target.innerHTML = await response.text();
      await showRisk(key, params);
    } catch (error) {
      T.showError(target, error);
    }
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); show(); });
  form.elements.key.addEventListener("change", show);
  form.elements.params.addEventListener("change", show);
  show();
}

(async () => {
  const ranking = T.data("ranking-data");
  document.getElementById("ranking").dataset.order = ranking.ranking.map((r) => r.key).join(" ");
  bindSliders();
  bindProject();
  rankingChart(ranking);
  const div = document.getElementById("map");
  try {
    const [outlines, projects] = await Promise.all([T.getJSON("/api/region/outlines"), T.getJSON("/api/infra/map")]);
    const layout = T.baseLayout(outlines, div);
    await T.drawMap(div, [T.projectTrace(projects)], layout);
  } catch (error) {
    T.mapFailed(div, error);
  }
})();
