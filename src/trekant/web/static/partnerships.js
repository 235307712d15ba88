/* Charts of the partnership page: funding by theme and by municipality, coverage heatmap, network drawn.
   Data come from the page's JSON block (no inline script); Plotly.js is served from the installed package. */
(function () {
  "use strict";
  var block = document.getElementById("partnership-data");
  if (!block || !window.Plotly) { return; }
  var data = JSON.parse(block.textContent);
  var config = { displaylogo: false, responsive: true };
  var layout = function (title) {
    return { title: { text: title }, margin: { l: 60, r: 10, t: 40, b: 90 }, height: 320 };
  };
  var mdkk = function (rows) { return rows.map(function (r) { return r.amount_dkk / 1e6; }); };
  var f = data.funding;
  Plotly.newPlot("chart-funding-theme", [
    { type: "bar", x: data.labels.theme, y: mdkk(f.by_theme), name: data.labels.amount }
  ], layout(document.getElementById("chart-funding-theme").getAttribute("aria-label")), config);
  Plotly.newPlot("chart-funding-municipality", [
    { type: "bar", x: f.by_municipality.map(function (r) { return r.name || r.municipality; }),
      y: mdkk(f.by_municipality), name: data.labels.amount }
  ], layout(document.getElementById("chart-funding-municipality").getAttribute("aria-label")), config);
  var c = data.coverage;
  Plotly.newPlot("chart-coverage", [{
    type: "heatmap", x: data.labels.theme,
    y: c.matrix.map(function (r) { return data.municipality_names[r.municipality] || r.municipality; }),
    z: c.matrix.map(function (r) { return data.theme_keys.map(function (t) { return r.counts[t]; }); }),
    colorscale: [[0, "#f4cccc"], [0.01, "#deebf7"], [1, "#08519c"]], hoverongaps: false
  }], layout(document.getElementById("chart-coverage").getAttribute("aria-label")), config);
  var n = data.network, at = {};
  n.nodes.forEach(function (node) { at[node.organisation] = node; });
  var ex = [], ey = [];
  n.edges.forEach(function (e) {
    ex.push(at[e.source].x, at[e.target].x, null);
    ey.push(at[e.source].y, at[e.target].y, null);
  });
  Plotly.newPlot("chart-network", [
    { type: "scatter", mode: "lines", x: ex, y: ey, line: { width: 0.5, color: "#9e9e9e" }, hoverinfo: "skip",
      showlegend: false },
    { type: "scatter", mode: "markers+text", x: n.nodes.map(function (d) { return d.x; }),
      y: n.nodes.map(function (d) { return d.y; }), text: n.nodes.map(function (d) { return d.name; }),
      textposition: "top center", textfont: { size: 10 }, showlegend: false,
      marker: { size: n.nodes.map(function (d) { return 8 + 40 * d.betweenness_centrality; }),
                color: n.nodes.map(function (d) { return d.cut_point ? "#c0392b" : "#0b5394"; }) },
      hovertext: n.nodes.map(function (d) {
        return d.name + " – " + d.degree + " / " + d.betweenness_centrality.toFixed(3);
      }), hoverinfo: "text" }
  ], Object.assign(layout(document.getElementById("chart-network").getAttribute("aria-label")),
    { height: 560, xaxis: { visible: false }, yaxis: { visible: false } }), config);
}());
