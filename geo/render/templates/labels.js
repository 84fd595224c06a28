/* geo control map: labels of towns and cities on the base layer, decluttered per zoom level.
   Larger places first; a label is shown only where it overlaps no label already shown.
   Names come from the gazetteer and are set with textContent, never as HTML. */
function geoLabels(G, control) {
  "use strict";
  const D = G.data, map = G.map;
  if (!D.towns || !D.towns.length) return;
  map.createPane("geo-towns").style.zIndex = 350;
  map.getPane("geo-towns").style.pointerEvents = "none";
  const layer = L.layerGroup().addTo(map);
  const markers = D.towns.map(([name, lat, lon, pop]) => {
    const icon = L.divIcon({className: "geo-town" + (pop >= 500000 ? " geo-city" : ""), html: "",
                            iconSize: null});
    const m = L.marker([lat, lon], {icon: icon, pane: "geo-towns", interactive: false, keyboard: false});
    m.on("add", () => { const e = m.getElement(); if (e) e.textContent = name; });
    return {m: m, name: name, pop: pop, lat: lat, lon: lon};
  });
  // The smallest population labelled at a zoom level: countries see cities, districts see villages.
  const floor = z => (z <= 5 ? 1e6 : z <= 6 ? 3e5 : z <= 7 ? 1e5 : z <= 8 ? 3e4 : z <= 9 ? 1e4 : 0);
  function declutter() {
    const z = map.getZoom(), bounds = map.getBounds().pad(0.1), placed = [];
    layer.clearLayers();
    for (const t of markers) {
      if (t.pop < floor(z) || !bounds.contains([t.lat, t.lon])) continue;
      const p = map.latLngToContainerPoint([t.lat, t.lon]);
      const w = 7 * t.name.length + 8, h = 16;
      const box = [p.x + 4, p.y - h / 2, p.x + 4 + w, p.y + h / 2];
      if (placed.some(b => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
      placed.push(box);
      layer.addLayer(t.m);
    }
    G.townLabels = placed.length;
  }
  map.on("zoomend moveend", declutter);
  declutter();
  control.addOverlay(layer, "Town and city names (gazetteer)");
}
