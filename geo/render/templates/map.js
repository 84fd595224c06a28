/* geo control map: layers and their update on a date change.
   Data: the JSON block #geo-data only. Article text is set with textContent, never as HTML. */
function geoMap(map, control, tiles) {
  "use strict";
  const D = JSON.parse(document.getElementById("geo-data").textContent);
  const G = window.__geo = {data: D, map: map, index: -1, snap: new Map(), regionSnap: new Map()};
  const colour = f => D.colours[f] || D.colours.unknown;
  const el = G.el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== null && text !== undefined) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const event = i => {
    const r = D.events[i], o = {};
    D.event_fields.forEach((f, k) => {
      const name = f.replace("*", "");
      o[name] = f.endsWith("*") && r[k] !== null ? D.strings[r[k]] : r[k];
    });
    return o;
  };
  const fold = deltas => {
    let cur = new Map();
    return deltas.map(delta => {
      cur = new Map(cur);
      delta.forEach(r => (r.length > 1 ? cur.set(r[0], r.slice(1)) : cur.delete(r[0])));
      return cur;
    });
  };
  const snaps = fold(D.states), regionSnaps = fold(D.regions);
  [["geo-base", 250], ["geo-regions", 300], ["geo-areas", 410], ["geo-fronts", 420],
   ["geo-rings", 430], ["geo-events", 440], ["geo-places-minor", 445], ["geo-places", 450]].forEach(([name, z]) => {
    map.createPane(name).style.zIndex = z;
  });
  /* Landmarks, neighbourhoods and sites draw below the towns and cities they lie in. */
  const MINOR = new Set(["neighbourhood", "landmark", "military", "infrastructure", "place", null, undefined]);
  const {evidence, statePopup, label} = geoPopups(G, event);
  const inferred = geoInferred(G, colour);
  function rival(st) {
    for (const i of st[3]) {
      const e = event(i);
      for (const f of [e.actor_gaining, e.actor_losing]) if (f && f !== st[0]) return colour(f);
    }
    return "#222";
  }
  const placeStyle = st => {
    const fill = colour(st[0]);
    const s = {radius: 6, fillColor: fill, fillOpacity: 0.9, color: "#222", weight: 1, dashArray: null};
    if (st[1] === "contested") Object.assign(s, {color: rival(st), weight: 3, dashArray: "3 3", radius: 8});
    if (st[1] === "besieged") Object.assign(s, {color: "#111", weight: 4, radius: 7});
    if (st[1] === "claimed") Object.assign(s, {fillOpacity: 0.15, color: fill, weight: 2, dashArray: "2 3"});
    s.opacity = 1;
    if (st[6]) Object.assign(s, {fillOpacity: s.fillOpacity * 0.3, opacity: 0.35, dashArray: "1 3"});
    return s;
  };
  G.placeStyle = placeStyle;

  /* the war's countries, and the neighbours around them in a quieter tone */
  const baseStyle = (f, fill) => (f.properties.role === "context"
    ? {color: "#8a8a8a", weight: 1, fillColor: "#efeee8", fillOpacity: fill}
    : {color: "#555", weight: 1.5, fillColor: "#fbfaf6", fillOpacity: fill});
  const base = L.geoJSON(D.outline, {pane: "geo-base", interactive: false, style: f => baseStyle(f, 1)}).addTo(map);
  tiles.on("add", () => base.setStyle(f => baseStyle(f, 0)));
  tiles.on("remove", () => base.setStyle(f => baseStyle(f, 1)));
  const regionStyle = f => {
    const st = G.regionSnap.get(f.properties.id);
    const faded = st && st[6];
    return {color: "#888", weight: 1, fillColor: st ? colour(st[0]) : "#000",
            fillOpacity: st ? (faded ? 0.06 : 0.25) : 0,
            dashArray: st && (st[1] !== "held" || st[7] !== null || faded) ? "4 4" : null};
  };
  const regions = L.geoJSON(D.governorates, {pane: "geo-regions", style: regionStyle,
    onEachFeature: (f, l) => l.bindPopup(() => statePopup(f.properties.name, G.regionSnap.get(f.properties.id)))
  }).addTo(map);

  const places = L.layerGroup().addTo(map);
  G.markers = D.places.map((p, i) => L.circleMarker([p[2], p[3]],
    {pane: MINOR.has(p[4]) ? "geo-places-minor" : "geo-places", className: "geo-place"})
    .bindPopup(() => statePopup(p[1], G.snap.get(i), p[0]), {maxWidth: 380})
    .bindTooltip(() => label(p[1], G.snap.get(i)), {direction: "top"}));
  G.placeIndex = new Map(D.places.map((p, i) => [p[0], i]));
  G.marker = id => G.markers[G.placeIndex.get(id)];

  const cache = new Map();
  const shapeLayer = (key, make) => cache.get(key) || cache.set(key, make()).get(key);
  const areas = L.layerGroup().addTo(map), fronts = L.layerGroup().addTo(map);
  const rings = L.layerGroup().addTo(map), events = L.layerGroup().addTo(map);
  const ringLayers = D.rings.map(r => L.geoJSON(D.geoms[r.g], {pane: "geo-rings",
    style: {color: "#5b3a8c", weight: 1.5, dashArray: r.inferred ? "2 5" : "6 4", fillOpacity: 0.03}})
    .bindPopup(() => {
      const box = el("div", null, "geo-popup"), dir = r.direction ? ` ${r.direction} of` : " from";
      box.append(el("h3", `${r.qualifier} ${r.km} km (±${r.tol})${dir} ${r.anchor}`));
      box.append(el("p", `A ${r.kind} measured from ${r.measured_from}` +
                         (r.inferred ? " (inferred anchor)" : ""), "geo-measured"));
      if (r.subject) box.append(el("p", `Subject: ${r.subject}`));
      box.append(el("blockquote", r.sentence), el("p", `published ${r.published || "undated"}`, "geo-src"));
      return box;
    }));

  G.ringLayers = ringLayers;

  function update(k) {
    G.index = k; G.date = D.dates[k];
    G.snap = snaps[k]; G.regionSnap = regionSnaps[k];
    G.markers.forEach((m, i) => {
      const st = G.snap.get(i);
      if (!st) return places.removeLayer(m);
      places.addLayer(m); m.setStyle(placeStyle(st));
      if (st[6]) m.bringToBack();  /* a stale mark never covers a live one */
    });
    regions.setStyle(regionStyle);
    areas.clearLayers(); fronts.clearLayers(); events.clearLayers(); rings.clearLayers();
    D.areas[k].forEach(([c, g, band]) => areas.addLayer(shapeLayer(`a${g}:${c}:${band}`,
      () => inferred.area(c, g, band))));
    D.fronts[k].forEach(([g, a, b]) => fronts.addLayer(shapeLayer(`f${g}:${a}:${b}`, () => inferred.front(g, a, b))));
    D.rings.forEach((r, i) => { if (!r.from || r.from <= G.date) rings.addLayer(ringLayers[i]); });
    D.happening[k].forEach(i => {
      const e = event(i);
      if (e.lat === null || e.lon === null) return;
      events.addLayer(L.circleMarker([e.lat, e.lon], {pane: "geo-events", className: "geo-pulse",
        radius: 13, fill: false, weight: 3, color: colour(e.actor_gaining || e.actor_losing)})
        .bindPopup(() => evidence(el("div", null, "geo-popup"), [i])));
    });
    if (G.popup) G.popup.update();
  }
  map.on("popupopen", e => { G.popup = e.popup; });
  map.on("popupclose", e => { if (G.popup === e.popup) G.popup = null; });
  [[regions, "Regions (shaded: region-level control)"], [places, "Places (reported control)"],
   [areas, "Control areas (inferred)"], [fronts, "Front lines (inferred)"],
   [rings, "Distance rings"], [events, "Events on this date"]].forEach(([l, n]) => control.addOverlay(l, n));
  const [[s, w], [n, e]] = D.bounds;
  /* clear of the title box above and the time bar below; ready means the view is final */
  map.fitBounds([[s, w], [n, e]], {paddingTopLeft: [30, 90], paddingBottomRight: [30, 100], animate: false});
  geoControls(G, update);
  window.__geoReadyAt = performance.now();
  window.__geoReady = true;
}
