/* trekant: what every page's script shares. No inline code anywhere (a strict CSP will forbid it):
   data arrives in <script type="application/json"> blocks, text goes into the DOM as text only. */
"use strict";

const T = (() => {
  const lang = document.documentElement.lang || "da";
  const locale = lang === "en" ? "en-GB" : "da-DK";

  function data(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  const labels = data("labels") || {};
  const L = (key, values) => {
    let text = labels[key] || key;
    for (const [name, value] of Object.entries(values || {})) text = text.replace(`{${name}}`, value);
    return text;
  };

  function fmt(value, digits = 0) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }
  const pct = (value, digits = 1) => (value === null || value === undefined ? "–" : `${fmt(value, digits)}${lang === "en" ? "%" : " %"}`);

  /* Build DOM with text only (names from the store are data, never markup). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /* A table: columns [{key, label, num, render}], rows of objects. */
  function table(columns, rows, caption) {
    const head = el("tr", {}, columns.map((c) => el("th", { scope: "col", class: c.num ? "num" : null }, c.label)));
    const body = rows.map((row) => el("tr", {}, columns.map((c) => {
      const value = c.render ? c.render(row) : row[c.key];
      return el("td", { class: c.num ? "num" : null }, value === null || value === undefined ? "–" : value);
    })));
    return el("table", {}, caption ? el("caption", {}, caption) : null, el("thead", {}, head),
      el("tbody", {}, body.length ? body : el("tr", {}, el("td", { colspan: columns.length }, L("none_found")))));
  }

  function replace(target, ...nodes) {
    const node = typeof target === "string" ? document.getElementById(target) : target;
    node.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined));
    return node;
  }

  const demoBadge = (demo, text) => (demo ? el("p", { class: "demo", role: "note" }, text || L("demo")) : null);

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  /* JSON from the API; a failure becomes an Error carrying the issue records. */
  async function getJSON(url, options = {}) {
    const headers = { Accept: "application/json", ...(options.headers || {}) };
    if (options.method && options.method !== "GET") headers["X-CSRF-Token"] = csrfToken();
    const response = await fetch(url, { ...options, headers, credentials: "same-origin" });
    const body = await response.json().catch(() => ({ issues: [{ message: response.statusText }] }));
    if (!response.ok) {
      const error = new Error((body.issues || []).map((i) => i.message).join("; ") || response.statusText);
      error.status = response.status;
      error.issues = body.issues || [];
      throw error;
    }
    return body;
  }

  function withLang(url) {
    return url + (url.includes("?") ? "&" : "?") + "lang=" + lang;
  }

  function showError(target, error) {
    replace(target, el("p", { class: "refused", role: "alert" }, `${L("error")}: ${error.message}`));
  }

  /* A map that could not be drawn says why, and marks itself done (data-drawn="failed"): whoever
     waits for the map (a person, a test) learns it at once instead of waiting for a drawing. */
  function mapFailed(div, error) {
    showError(div, error);
    div.dataset.drawn = "failed";
  }

  /* ---- maps: Plotly map traces on a plain background with our own GeoJSON (no tiles) ---- */

  const USE_COLOURS = { 11: "#e8b600", 21: "#f08c28", 31: "#7b4fa0", 41: "#d23c3c", 51: "#2e9b45", 61: "#93c95b",
    71: "#2f78c4", 81: "#7f7f7f", 91: "#b59a72", 96: "#b0b0b0" };
  const THEME_COLOURS = { transport_logistics: "#6a3d9a", wind: "#1f78b4", solar: "#e6ab02", ptx: "#00897b",
    green_corridor: "#33a02c" };

  function viewOf(bbox, div) {
    const [west, south, east, north] = bbox;
    const width = Math.max(div.clientWidth || 600, 200), height = Math.max(div.clientHeight || 400, 200);
    const y = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const zoomX = Math.log2((width * 360) / (512 * Math.max(east - west, 1e-4)));
    const zoomY = Math.log2((height * 2 * Math.PI) / (512 * Math.max(y(north) - y(south), 1e-6)));
    const lat = (Math.atan(Math.sinh((y(north) + y(south)) / 2)) * 180) / Math.PI;
    return { center: { lon: (west + east) / 2, lat }, zoom: Math.max(0, Math.min(zoomX, zoomY) - 0.15) };
  }

  function baseLayout(outlines, div, bbox) {
    const view = viewOf(bbox || outlines.bbox, div);
    return {
      map: { style: "white-bg", center: view.center, zoom: view.zoom,
        layers: [{ sourcetype: "geojson", source: outlines, type: "line", color: "#333333", line: { width: 1.5 }, below: "traces" }] },
      margin: { l: 0, r: 0, t: 0, b: 0 }, showlegend: true,
      legend: { x: 0, y: 1, bgcolor: "rgba(255,255,255,0.85)", font: { size: 11 } },
      uirevision: "keep",
    };
  }

  const mapConfig = { displaylogo: false, responsive: true, scrollZoom: true, locale: lang };

  function frameHover(p) {
    const rules = [];
    if (p.maxmiljo) rules.push(`${L("env_classes")} ${p.minmiljo || 1}–${p.maxmiljo}`);
    if (p.bebygpct !== null && p.bebygpct !== undefined) rules.push(`${L("bebygpct")} ${fmt(p.bebygpct)}`);
    if (p.maxetager !== null && p.maxetager !== undefined) rules.push(`${L("maxetager")} ${fmt(p.maxetager)}`);
    return [p.plannavn || p.planid, `${p.planid} · ${p.municipality}`, `${p.use_name || p.anvgen} · ${p.status_name || p.status}`,
      ...rules].map(escapeHover).join("<br>");
  }

  /* Plotly renders hover text as (a subset of) HTML: escape names before they go there. */
  function escapeHover(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  /* One choroplethmap trace for many polygons with a colour per category: one map source instead of
     one per category (each trace is a MapLibre source and layers, and drawing time grows with them).
     The categories and their colours are listed by legendItems() as a text legend beside the map. */
  function categoryTrace(collection, category, colours, options) {
    const keys = [...new Set(collection.features.map(category))].sort((a, b) => String(a).localeCompare(String(b), "da", { numeric: true }));
    const n = Math.max(keys.length, 1);
    const scale = [];
    keys.forEach((key, i) => {
      const colour = colours[key] || "#999999";
      scale.push([i / n, colour], [(i + 1) / n, colour]);
    });
    const index = new Map(keys.map((k, i) => [k, i]));
    const features = collection.features;
    return { type: "choroplethmap", geojson: collection, featureidkey: "id", locations: features.map((f) => f.id),
      z: features.map((f) => index.get(category(f)) + 0.5), zmin: 0, zmax: n, colorscale: scale.length ? scale : [[0, "#999"], [1, "#999"]],
      showscale: false, customdata: features.map((f) => f.id), text: features.map(options.hover),
      hovertemplate: "%{text}<extra></extra>", marker: { opacity: options.opacity, line: { width: options.lineWidth, color: options.lineColour || "#333" } },
      name: options.name, meta: options.meta, showlegend: false, categories: keys };
  }

  function frameTraces(frames, meta = "frames") {
    return [categoryTrace(frames, (f) => f.properties.anvgen, USE_COLOURS,
      { hover: (f) => frameHover(f.properties), opacity: 0.55, lineWidth: 0.6, name: L("layer_frames"), meta })];
  }

  function designationTraces(zones) {
    return [categoryTrace(zones, (f) => f.properties.theme, THEME_COLOURS,
      { hover: (f) => escapeHover(`${f.properties.name} (${f.properties.theme_name})`), opacity: 0.3, lineWidth: 2,
        lineColour: "#444", name: L("layer_designations"), meta: "designations" })];
  }

  /* A legend in HTML (readable by screen readers, never drawn into the map): category → colour, name. */
  function legendItems(collection, category, name, colours) {
    const seen = new Map();
    for (const f of collection.features) if (!seen.has(category(f))) seen.set(category(f), name(f));
    return [...seen.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0]), "da", { numeric: true }))
      .map(([key, label]) => el("li", {}, el("span", { class: "swatch", style: `background:${colours[key] || "#999999"}` }), ` ${label}`));
  }

  /* Lines of a FeatureCollection as one scattermap trace (null between features). */
  function lineTrace(collection, options) {
    const lon = [], lat = [], text = [];
    for (const f of collection.features) {
      const g = f.geometry;
      if (!g) continue;
      const parts = g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates
        : g.type === "Point" ? [[g.coordinates]] : g.type === "MultiPoint" ? g.coordinates.map((c) => [c]) : [];
      for (const part of parts) {
        for (const [x, y] of part) { lon.push(x); lat.push(y); text.push(options.label(f)); }
        lon.push(null); lat.push(null); text.push(null);
      }
    }
    return { type: "scattermap", mode: "lines+markers", lon, lat, text, hovertemplate: "%{text}<extra></extra>",
      line: { width: options.width || 3, color: options.colour }, marker: { size: options.marker || 5, color: options.colour },
      name: options.name, meta: options.meta };
  }

  function conflictTrace(conflicts) {
    return lineTrace(conflicts, { colour: "#c00000", width: 4, marker: 9, name: L("layer_conflicts"), meta: "conflicts",
      label: (f) => escapeHover(`${f.properties.source_planid} ↔ ${f.properties.sensitive_planid}: ${fmt(f.properties.distance_m)} m < ${fmt(f.properties.required_m)} m`) });
  }

  function projectTrace(projects) {
    return lineTrace(projects, { colour: "#003f7f", width: 4, marker: 6, name: L("layer_projects"), meta: "projects",
      label: (f) => escapeHover(`${f.properties.name} (${f.properties.status}, ${f.properties.opening_year})`) });
  }

  /* Show or hide every trace whose meta is `meta` (a layer switch). */
  function toggleLayer(div, meta, visible) {
    const indices = div.data.map((t, i) => (t.meta === meta ? i : -1)).filter((i) => i >= 0);
    if (indices.length) Plotly.restyle(div, { visible: visible ? true : "legendonly" }, indices);
  }

  function bindLayerSwitches(div, fieldset) {
    for (const box of fieldset.querySelectorAll("input[type=checkbox][data-layer]")) {
      box.addEventListener("change", () => toggleLayer(div, box.dataset.layer, box.checked));
    }
  }

  function zoomTo(div, bbox) {
    const view = viewOf(bbox, div);
    return Plotly.relayout(div, { "map.center": view.center, "map.zoom": view.zoom });
  }

  /* The MapLibre map inside a Plotly map subplot (for a click anywhere, not only on a trace). */
  function mapLibre(div) {
    const full = div._fullLayout;
    return full && full.map && full.map._subplot ? full.map._subplot.map : null;
  }

  /* Resolve when the map has drawn (its canvas holds pixels): pages mark themselves ready. */
  function whenMapDrawn(div) {
    return new Promise((resolve) => {
      const map = mapLibre(div);
      if (!map) { resolve(); return; }
      if (map.loaded() && map.areTilesLoaded()) { map.once("render", () => resolve()); map.triggerRepaint(); return; }
      map.once("idle", () => resolve());
    });
  }

  async function drawMap(div, traces, layout) {
    performance.mark("trekant:plot-start");
    await Plotly.newPlot(div, traces, layout, mapConfig);
    performance.mark("trekant:plotted");
    await whenMapDrawn(div);
    performance.mark("trekant:map-drawn");
    div.dataset.drawn = "1";
    return div;
  }

  const chartConfig = { displaylogo: false, responsive: true, locale: lang };
  const chartLayout = (extra) => ({ margin: { l: 60, r: 10, t: 30, b: 50 }, legend: { orientation: "h", y: -0.2 },
    font: { family: "system-ui, sans-serif", size: 12 }, separators: lang === "en" ? ".," : ",.", ...extra });

  function chart(div, traces, layout) {
    return Plotly.react(div, traces, chartLayout(layout), chartConfig);
  }

  return { lang, data, L, fmt, pct, el, table, replace, demoBadge, getJSON, withLang, showError, mapFailed, csrfToken,
    frameTraces, designationTraces, legendItems, THEME_COLOURS, conflictTrace, projectTrace, baseLayout, drawMap, toggleLayer,
    bindLayerSwitches, zoomTo, mapLibre, chart, escapeHover, viewOf, USE_COLOURS };
})();

/* Parts of a page rendered by the server (escaped HTML from our own templates), fetched beside the map. */
async function loadParts(root = document) {
  await Promise.all([...root.querySelectorAll("[data-part]")].map(async (node) => {
    try {
      const response = await fetch(T.withLang(node.dataset.part), { headers: { "X-Trekant-Part": "1" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(response.statusText);
      node.innerHTML = await response.text();
      node.dataset.loaded = "1";
    } catch (error) {
      T.showError(node, error);
    }
  }));
}
