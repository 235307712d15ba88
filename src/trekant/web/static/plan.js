/* The joint plan page: map, a point's rules, the site finder, conflicts, history and the upload. */
"use strict";

const Plan = {
  div: document.getElementById("map"),
  frames: null,
  conflicts: null,
};

/* Frames outlined on top of the map (a site finder's matches, a conflict's two frames, a point's frames). */
function highlightTrace(planids, meta, colour) {
  const wanted = new Set(planids);
  const features = Plan.frames.features.filter((f) => wanted.has(f.id));
  return { type: "choroplethmap", geojson: { type: "FeatureCollection", features }, featureidkey: "id",
    locations: features.map((f) => f.id), z: features.map(() => 1), colorscale: [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
    showscale: false, marker: { line: { width: 3.5, color: colour } }, hoverinfo: "skip", showlegend: false, meta,
    name: planids.join(", ") };
}

async function setOverlay(meta, traces) {
  const old = Plan.div.data.map((t, i) => (t.meta === meta ? i : -1)).filter((i) => i >= 0);
  if (old.length) await Plotly.deleteTraces(Plan.div, old);
  if (traces.length) await Plotly.addTraces(Plan.div, traces);
  Plan.div.dataset.overlays = Plan.div.data.filter((t) => String(t.meta).startsWith("overlay")).map((t) => t.meta).join(" ");
}

async function fetchPart(url) {
  const response = await fetch(T.withLang(url), { headers: { "X-Trekant-Part": "1" }, credentials: "same-origin" });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error((body.issues || []).map((i) => i.message).join("; ") || response.statusText);
  }
  return response.text();
}

/* A form whose answer is a part: fetched and shown without leaving the page (the form works without scripts too). */
function partForm(formId, resultId, after) {
  const form = document.getElementById(formId);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = document.getElementById(resultId);
    result.setAttribute("aria-busy", "true");
    const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => v !== ""));
    try {
      result.innerHTML = await fetchPart(`${form.getAttribute("action")}?${query}`);
      if (after) await after(result);
    } catch (error) {
      T.showError(result, error);
    } finally {
      result.removeAttribute("aria-busy");
    }
  });
  return form;
}

function planidsIn(result, selector) {
  const node = result.querySelector(selector);
  return node ? JSON.parse(node.dataset.planids || "[]") : [];
}

function bindConflicts() {
  for (const button of document.querySelectorAll("button.show-conflict")) {
    button.addEventListener("click", async () => {
      const { source, sensitive } = button.dataset;
      const conflict = Plan.conflicts.features.find((f) => f.properties.source_planid === source && f.properties.sensitive_planid === sensitive);
      if (!conflict) return;
      const p = conflict.properties;
      const [[x0, y0], [x1, y1]] = conflict.geometry.coordinates;
      const line = { type: "scattermap", mode: "lines+markers", lon: [x0, x1], lat: [y0, y1], line: { width: 5, color: "#c00000" },
        marker: { size: 10, color: "#c00000" }, meta: "overlay-conflict", showlegend: false, hoverinfo: "text",
        text: [`${T.fmt(p.distance_m)} m`, `${T.fmt(p.distance_m)} m`], name: `${source} – ${sensitive}` };
      T.replace("conflict-detail", T.el("p", { role: "status" },
        `${source} (${T.L("env_class")} ${p.source_class}) ↔ ${sensitive}: ${T.L("distance_m")} ${T.fmt(p.distance_m)}, `
        + `${T.L("required_m")} ${T.fmt(p.required_m)}`));
      await T.zoomTo(Plan.div, p.bbox);
      await setOverlay("overlay-conflict", [highlightTrace([source, sensitive], "overlay-conflict", "#c00000"), line]);
      Plan.div.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  }
}

async function lookUpPoint(lon, lat) {
  document.getElementById("at-x").value = lon.toFixed(5);
  document.getElementById("at-y").value = lat.toFixed(5);
  document.getElementById("at-form").requestSubmit();
}

function issuesTable(issues) {
  return T.table([
    { key: "feature", label: T.L("feature") }, { key: "field", label: T.L("field") },
    { key: "code", label: T.L("code") }, { key: "severity", label: T.L("severity") }, { key: "message", label: T.L("message") },
  ], issues);
}

function boundsOf(features) {
  let west = 180, south = 90, east = -180, north = -90;
  const visit = (c) => (typeof c[0] === "number" ? (west = Math.min(west, c[0]), east = Math.max(east, c[0]),
    south = Math.min(south, c[1]), north = Math.max(north, c[1])) : c.forEach(visit));
  features.forEach((f) => visit(f.geometry.coordinates));
  return [west, south, east, north];
}

async function reloadFrames() {
  Plan.frames = await T.getJSON(T.withLang("/api/plan/frames"));
  const index = Plan.div.data.findIndex((t) => t.meta === "frames");
  const [trace] = T.frameTraces(Plan.frames);
  await Plotly.deleteTraces(Plan.div, [index]);
  await Plotly.addTraces(Plan.div, [trace], index);
  Plan.div.dataset.frames = String(Plan.frames.features.length);
  fillPlanids();
}

function fillPlanids() {
  T.replace("planids", ...Plan.frames.features.map((f) => T.el("option", { value: f.id })));
}

function bindUpload() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = document.getElementById("upload-result");
    result.setAttribute("aria-busy", "true");
    try {
      const body = await T.getJSON(T.withLang("/api/plan/import"), { method: "POST", body: new FormData(form) });
      const text = T.L("upload_ok", { imported: body.imported, new: body.new_frames, versions: body.new_versions, unchanged: body.unchanged });
      T.replace(result, T.el("p", { class: "ok", role: "status" }, text),
        body.issues.length ? issuesTable(body.issues) : null);
      const before = new Set(Plan.frames.features.map((f) => f.id));
      await reloadFrames();
      const added = Plan.frames.features.filter((f) => !before.has(f.id));
      result.dataset.imported = String(body.imported);
      result.dataset.added = added.map((f) => f.id).join(" ");
      await setOverlay("overlay-upload", added.length ? [highlightTrace(added.map((f) => f.id), "overlay-upload", "#0b5394")] : []);
      if (added.length) await T.zoomTo(Plan.div, boundsOf(added));
    } catch (error) {
      const file = document.getElementById("upload-file").files[0];
      const sources = [...new Set((error.issues || []).map((i) => i.source).filter(Boolean))];
      const named = sources.length ? sources.join(", ") : (file ? file.name : "");
      T.replace(result, T.el("p", { class: "refused", role: "alert" }, `${T.L("upload_refused")}: ${named}`),
        error.issues && error.issues.length ? null : T.el("p", {}, error.message),
        error.issues && error.issues.length ? issuesTable(error.issues) : null);
      result.dataset.imported = "0";
    } finally {
      result.removeAttribute("aria-busy");
    }
  });
}

(async () => {
  bindUpload();
  partForm("history-form", "history-result");
  partForm("quality-form", "quality-result");
  try {
    const [outlines, frames, conflicts, zones] = await Promise.all([
      T.getJSON("/api/region/outlines"), T.getJSON(T.withLang("/api/plan/frames")), T.getJSON("/api/plan/conflicts"),
      T.getJSON(T.withLang("/api/plan/designations"))]);
    Object.assign(Plan, { frames, conflicts });
    fillPlanids();
    T.replace("map-demo", T.demoBadge(frames.demo || zones.demo));
    T.replace("legend", T.el("ul", { class: "legend" },
      T.legendItems(frames, (f) => f.properties.anvgen, (f) => f.properties.use_name || f.properties.anvgen, T.USE_COLOURS),
      T.legendItems(zones, (f) => f.properties.theme, (f) => f.properties.theme_name, T.THEME_COLOURS)));
    await T.drawMap(Plan.div, [...T.designationTraces(zones), ...T.frameTraces(frames), T.conflictTrace(conflicts)],
      T.baseLayout(outlines, Plan.div));
    Plan.div.dataset.frames = String(frames.features.length);
    T.bindLayerSwitches(Plan.div, document.getElementById("layers"));
    const map = T.mapLibre(Plan.div);
    if (map) map.on("click", (e) => lookUpPoint(e.lngLat.lng, e.lngLat.lat));
    bindConflicts();
    partForm("at-form", "at-result", (result) => setOverlay("overlay-at", [highlightTrace(planidsIn(result, "#at-point-result"), "overlay-at", "#0b5394")]));
    partForm("finder-form", "finder-result", (result) => setOverlay("overlay-matches", [highlightTrace(planidsIn(result, "#site-finder-result"), "overlay-matches", "#000000")]));
  } catch (error) {
    T.mapFailed(Plan.div, error);
  }
})();
