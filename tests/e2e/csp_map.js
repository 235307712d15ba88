// A Plotly map the way the platform's pages draw one: style "white-bg" and our own GeoJSON layer (no tiles).
const square = {type: "FeatureCollection", features: [{type: "Feature", properties: {}, geometry: {
  type: "Polygon", coordinates: [[[9.3, 55.6], [9.7, 55.6], [9.7, 55.8], [9.3, 55.8], [9.3, 55.6]]]}}]};
Plotly.newPlot("map", [{type: "scattermap", lon: [9.5], lat: [55.7], mode: "markers"}], {
  map: {style: "white-bg", center: {lon: 9.5, lat: 55.7}, zoom: 8,
        layers: [{source: square, type: "fill", color: "#ff0000", opacity: 1}]},
  margin: {l: 0, r: 0, t: 0, b: 0}, width: 600, height: 400,
}, {staticPlot: false}).then(() => { window.mapDrawn = true; });
