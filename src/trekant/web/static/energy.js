/* The energy and climate page: accounts, pathway, abatement cost curve, hourly scenario results, sweep. */
"use strict";

const W = T.data("energy-words") || {};
const word = (key) => W[key] || key;
const SECTOR_COLOURS = ["#0b5394", "#e69138", "#6aa84f", "#a61c00", "#674ea7", "#45818e", "#bf9000", "#7f6000", "#3d85c6"];

async function emissions() {
  const data = await T.getJSON(T.withLang("/api/energy/accounts"));
  const sectors = Object.keys(data.by_sector_co2e_t);
  const rows = data.by_municipality;
  const names = Object.fromEntries([...document.querySelectorAll("#pathway-municipality option")].map((o) => [o.value, o.textContent]));
  T.replace("emissions-demo", T.demoBadge(data.demo));
  await T.chart(document.getElementById("emissions"), sectors.map((sector, i) => ({
    type: "bar", name: word(sector), x: rows.map((r) => names[r.code] || r.code), y: rows.map((r) => r.by_sector_co2e_t[sector] || 0),
    marker: { color: SECTOR_COLOURS[i % SECTOR_COLOURS.length] }, hovertemplate: `${word(sector)}: %{y:,.0f} t<extra>%{x}</extra>`,
  })), { barmode: "stack", yaxis: { title: { text: T.L("co2e_t") } }, height: 420 });
  T.replace("emissions-note", `${data.name} ${data.year}: ${T.fmt(data.total_co2e_t)} ${T.L("co2e_t")}; ${word("factor_table")}: ${data.factor_table}`);
}

async function pathway() {
  const code = document.getElementById("pathway-municipality").value;
  const data = await T.getJSON(T.withLang(`/api/energy/pathway${code ? `?municipality=${code}` : ""}`));
  const years = data.years.map((r) => r.year);
  T.replace("pathway-demo", T.demoBadge(data.demo));
  await T.chart(document.getElementById("pathway"), [
    { type: "scatter", mode: "lines+markers", name: T.L("actual"), x: [...data.history.map((r) => r.year), data.latest_account_year],
      y: [...data.history.map((r) => r.actual_co2e_t), data.years[0].actual_co2e_t], line: { color: "#1a1a1a" } },
    { type: "scatter", mode: "lines", name: T.L("target_path"), x: years, y: data.years.map((r) => r.target_co2e_t), line: { color: "#1e6b30", dash: "dash" } },
    { type: "scatter", mode: "lines", name: T.L("projected"), x: years, y: data.years.map((r) => r.projected_co2e_t), line: { color: "#0b5394" } },
    { type: "bar", name: T.L("gap"), x: years, y: data.years.map((r) => Math.max(r.gap_co2e_t, 0)), marker: { color: "rgba(164,22,26,0.35)" } },
  ], { yaxis: { title: { text: T.L("co2e_t") } }, height: 420 });
  const first = data.first_year_on_target;
  const gap2030 = data.years.find((r) => r.year === 2030);
  T.replace("pathway-note", `${data.name}: ${T.L("first_year_on_target")}: ${first || T.L("never")}`
    + (gap2030 ? `; ${T.L("gap")} 2030: ${T.fmt(gap2030.gap_co2e_t)} ${T.L("co2e_t")}` : ""));
  const mac = data.mac_curve;
  await T.chart(document.getElementById("macc"), [{
    type: "bar", x: mac.map((m) => m.cumulative_co2e_t_per_year - m.reduction_co2e_t_per_year / 2),
    width: mac.map((m) => m.reduction_co2e_t_per_year), y: mac.map((m) => m.cost_dkk_per_t),
    text: mac.map((m) => T.escapeHover(`${m.name} (${m.municipality})`)), textposition: "none", hovertemplate: "%{text}: %{y:,.0f}<extra></extra>",
    marker: { color: mac.map((m) => (m.cost_dkk_per_t < 0 ? "#1e6b30" : "#a4161a")), line: { color: "#fff", width: 0.5 } },
  }], { xaxis: { title: { text: T.L("reduction_t") } }, yaxis: { title: { text: T.L("dkk_per_t") } }, showlegend: false, height: 380 });
}

const SUPPLY = ["onshore_wind", "offshore_wind", "solar", "grid_import", "battery_discharge"];
const USE = ["electricity_demand", "electrolyser_el", "heat_pump_el", "grid_export", "battery_charge"];
const SUPPLY_COLOURS = { onshore_wind: "#3d85c6", offshore_wind: "#0b5394", solar: "#e6b800", grid_import: "#999999", battery_discharge: "#674ea7" };

function resultsTable(data) {
  const rows = [
    ["import_mwh", T.fmt(data.import_mwh)], ["export_mwh", T.fmt(data.export_mwh)],
    ["critical_excess_mwh", T.fmt(data.critical_excess_mwh)],
    ["self_sufficiency_share", data.self_sufficiency_share === null ? "–" : T.pct(data.self_sufficiency_share * 100)],
    ["peak_import_mw", T.fmt(data.peak_import_mw)], ["co2_t", T.fmt(data.co2_t)],
    ["total_cost_dkk", T.fmt(data.total_cost_dkk)], ["hydrogen_produced_t", T.fmt(data.hydrogen_produced_t)],
  ].map(([key, value]) => ({ key: word(key), value }));
  return T.table([{ key: "key", label: T.L("results") }, { key: "value", label: T.L("value"), num: true }], rows,
    `${data.title} – ${data.method}, ${T.fmt(data.hours)} h`);
}

async function scenario() {
  const name = document.getElementById("scenario-name").value;
  const week = document.getElementById("scenario-week").value;
  const target = document.getElementById("scenario-results");
  target.setAttribute("aria-busy", "true");
  try {
    const data = await T.getJSON(T.withLang(`/api/energy/scenarios/${encodeURIComponent(name)}/hourly?week=${week}`));
    const c = data.charts, h = c.series_mw, time = c.hours;
    const zeros = time.map(() => 0);
    const heatPumps = Object.keys(h).filter((k) => k.endsWith(":heat_pump_el"));
    const heatPumpEl = time.map((_, i) => heatPumps.reduce((sum, k) => sum + h[k][i], 0));
    T.replace("scenario-demo", T.demoBadge(data.demo));
    const supply = SUPPLY.map((key) => ({ type: "scatter", mode: "lines", stackgroup: "supply", name: word(key), x: time, y: h[key] || zeros,
      line: { width: 0.5, color: SUPPLY_COLOURS[key] } }));
    const demand = { type: "scatter", mode: "lines", name: `${word("electricity_demand")} + ${word("electrolyser_el")} + ${word("heat_pump_el")}`,
      x: time, y: time.map((_, i) => h.electricity_demand[i] + (h.electrolyser_el || zeros)[i] + heatPumpEl[i]), line: { color: "#1a1a1a", width: 2 } };
    await T.chart(document.getElementById("hourly"), [...supply, demand], { yaxis: { title: { text: T.L("mw") } }, height: 420 });
    const curves = c.duration_curves;
    await T.chart(document.getElementById("duration"), Object.entries(curves.mw).map(([key, values]) => ({
      type: "scatter", mode: "lines", name: key.includes(":") ? `${key.split(":")[0]}: ${word("district_heat_demand")}` : word(key),
      x: curves.share_of_hours_pct, y: values,
    })), { xaxis: { title: { text: `${T.L("hours_share")} (%)` } }, yaxis: { title: { text: T.L("mw") } }, height: 420 });
    T.replace(target, resultsTable(data));
    target.dataset.scenario = `${name}:${week}`;
  } catch (error) {
    T.showError(target, error);
  } finally {
    target.removeAttribute("aria-busy");
  }
}

async function sweep() {
  const name = document.getElementById("scenario-name").value;
  const key = document.getElementById("sweep-key").value;
  const values = document.getElementById("sweep-values").value.replace(/\s+/g, "");
  const div = document.getElementById("sweep");
  try {
    const data = await T.getJSON(T.withLang(`/api/energy/scenarios/${encodeURIComponent(name)}/sweep?vary=${encodeURIComponent(`${key}=${values}`)}`));
    const x = data.results.map((r) => Object.values(r.vary)[0]);
    T.replace("sweep-demo", T.demoBadge(data.demo));
    await T.chart(div, [
      ...["import_mwh", "export_mwh", "critical_excess_mwh"].map((k) => ({ type: "scatter", mode: "lines+markers", name: word(k), x, y: data.results.map((r) => r[k]) })),
      { type: "scatter", mode: "lines+markers", name: word("hydrogen_produced_t"), x, y: data.results.map((r) => r.hydrogen_produced_t), yaxis: "y2", line: { dash: "dot" } },
    ], { xaxis: { title: { text: key } }, yaxis: { title: { text: "MWh" } }, yaxis2: { title: { text: "t H2" }, overlaying: "y", side: "right" }, height: 420 });
    div.dataset.variants = String(data.variants);
  } catch (error) {
    T.showError(div, error);
  }
}

document.getElementById("pathway-municipality").addEventListener("change", () => pathway().catch((e) => T.showError("pathway", e)));
document.getElementById("scenario-form").addEventListener("submit", (event) => { event.preventDefault(); scenario(); sweep(); });
document.getElementById("sweep-form").addEventListener("submit", (event) => { event.preventDefault(); sweep(); });
emissions().catch((e) => T.showError("emissions", e));
pathway().catch((e) => T.showError("pathway", e));
scenario().then(sweep);
