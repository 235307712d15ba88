/* The region overview: the seven municipalities with switchable layers. */
"use strict";

(async () => {
  const div = document.getElementById("map");
  try {
    const [outlines, frames, conflicts, zones, projects] = await Promise.all([
      T.getJSON("/api/region/outlines"), T.getJSON(T.withLang("/api/plan/frames")), T.getJSON("/api/plan/conflicts"),
      T.getJSON(T.withLang("/api/plan/designations")), T.getJSON("/api/infra/map")]);
    performance.mark("trekant:data");
    loadParts();  // the key figures and the KPI board: after the map's data, so they never delay the map
    const traces = [...T.designationTraces(zones), ...T.frameTraces(frames), T.projectTrace(projects),
      T.conflictTrace(conflicts)];
    T.replace("map-demo", T.demoBadge(frames.demo || zones.demo || conflicts.demo));
    T.replace("legend", T.el("ul", { class: "legend" },
      T.legendItems(frames, (f) => f.properties.anvgen, (f) => f.properties.use_name || f.properties.anvgen, T.USE_COLOURS),
      T.legendItems(zones, (f) => f.properties.theme, (f) => f.properties.theme_name, T.THEME_COLOURS)));
    await T.drawMap(div, traces, T.baseLayout(outlines, div));
    T.bindLayerSwitches(div, document.getElementById("layers"));
  } catch (error) {
    T.mapFailed(div, error);
    loadParts();
  }
})();
