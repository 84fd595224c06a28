/* geo control map: inferred control areas (in confidence bands) and front lines, with the method. */
function geoInferred(G, colour) {
  "use strict";
  const D = G.data, el = G.el;
  /* Opacity of each confidence band of an inferred area (the last: a region report only). */
  const OPACITY = G.bandOpacity = [0.34, 0.24, 0.15, 0.08];
  const reach = D.bands_km[D.bands_km.length - 1];
  const METHOD = G.method = "Inferred from the live reports of this date (places and regions; none older " +
    `than ${D.stale_after_days} days): each reported place claims the land nearer to it than to any ` +
    `other, up to ${reach} km, inside the regions whose control is reported; a region reported held is ` +
    "its holder's except around places another side holds. Opacity falls with distance from the reports.";
  const known = band => band !== null && band !== undefined;
  function area(c, g, band) {
    const box = el("div", null, "geo-popup");
    box.append(el("h3", `Control area of ${D.labels[c] || c}` + (known(band) ? ` (${D.bands[band]})` : "")),
               el("p", "Inferred, not reported.", "geo-state"), el("p", METHOD, "geo-src"));
    const opacity = known(band) ? OPACITY[Math.min(band, OPACITY.length - 1)] : 0.18;
    return L.geoJSON(D.geoms[g], {pane: "geo-areas", style: {color: colour(c), weight: known(band) ? 0 : 1,
      dashArray: "4 4", fillColor: colour(c), fillOpacity: opacity}}).bindPopup(box, {maxWidth: 380});
  }
  function front(g, a, b) {
    const box = el("div", null, "geo-popup");
    box.append(el("h3", `Front line: ${D.labels[a] || a} / ${D.labels[b] || b}`),
               el("p", "Inferred, not reported: where the inferred areas of the two sides meet, " +
                       "never a surveyed position.", "geo-state"), el("p", METHOD, "geo-src"));
    const line = L.geoJSON(D.geoms[g], {pane: "geo-fronts", className: "geo-front",
      style: {color: "#222", weight: 2.5, dashArray: "8 6"}});
    const hit = L.geoJSON(D.geoms[g], {pane: "geo-fronts", className: "geo-front-hit",
      style: {color: "#000", weight: 16, opacity: 0}});  /* a wide, invisible band to click */
    return L.featureGroup([line, hit]).bindPopup(box, {maxWidth: 380});
  }
  return {area, front};
}
