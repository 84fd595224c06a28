/* geo control map: title, time slider with play button, URL hash, legend. */
function geoControls(G, update) {
  "use strict";
  const D = G.data, map = G.map, el = G.el, last = D.dates.length - 1;
  const stop = e => { L.DomEvent.disableClickPropagation(e); L.DomEvent.disableScrollPropagation(e); return e; };

  const title = stop(el("div", null, "geo-title"));
  const when = el("span", null, "geo-when");
  title.append(el("h1", D.title), el("span", `corpus: ${D.corpus} · `, "geo-corpus"), when);
  map.getContainer().append(title);
  /* Popups open clear of the title box and the time bar: Leaflet pans the map until they fit
     between these paddings (every popup reads them from the prototype when it opens). */
  const clearOf = () => {
    const top = title.offsetTop + title.offsetHeight + 8, bottom = bar.offsetHeight + 24 + 8;
    Object.assign(L.Popup.prototype.options, {autoPanPaddingTopLeft: L.point(8, top),
                                              autoPanPaddingBottomRight: L.point(8, bottom)});
  };

  const bar = stop(el("div", null, "geo-timebar"));
  const play = el("button", "▶", "geo-play"), range = el("input"), label = el("span", null, "geo-date");
  play.type = "button"; play.title = "Play through the dates";
  Object.assign(range, {type: "range", min: 0, max: Math.max(last, 0), step: 1, value: 0});
  range.setAttribute("aria-label", "Date");
  bar.append(play, range, label);
  map.getContainer().append(bar);
  clearOf();
  map.on("resize", clearOf);

  const fromHash = () => {
    const h = decodeURIComponent(location.hash.slice(1));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h)) return -1;
    let k = -1;
    D.dates.forEach((d, j) => { if (d <= h) k = j; });
    return k;
  };
  function show(k, writeHash) {
    if (k < 0 || k > last) return;
    if (k !== G.index) update(k);
    range.value = k; label.textContent = D.dates[k];
    const per = D.step ? `; one step per ${D.step}, the last of its changes: ${D.changes} change dates in all` : "";
    when.textContent = `as of ${D.dates[k]} (step ${k + 1} of ${last + 1}${per})`;
    if (writeHash && location.hash !== "#" + D.dates[k]) location.replace("#" + D.dates[k]);
    clearOf();
  }
  G.show = show;
  let timer = null;
  const halt = () => { clearInterval(timer); timer = null; play.textContent = "▶"; };
  play.addEventListener("click", () => {
    if (timer) return halt();
    if (G.index >= last) show(0, true);
    play.textContent = "❚❚";
    timer = setInterval(() => (G.index >= last ? halt() : show(G.index + 1, true)), 900);
  });
  range.addEventListener("input", () => { halt(); show(+range.value, true); });
  window.addEventListener("hashchange", () => show(fromHash(), false));

  const legend = L.control({position: "bottomright"});
  legend.onAdd = () => {
    const box = stop(el("div", null, "geo-legend"));
    const svg = (draw) => {
      const s = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      s.setAttribute("width", 22); s.setAttribute("height", 16);
      const shape = document.createElementNS("http://www.w3.org/2000/svg", draw.tag);
      Object.entries(draw.attrs).forEach(([a, v]) => shape.setAttribute(a, v));
      s.append(shape);
      return s;
    };
    const row = (draw, text) => { const r = el("div", null, "geo-row"); r.append(svg(draw), el("span", text)); box.append(r); };
    const dot = st => {
      const s = G.placeStyle(st);
      return {tag: "circle", attrs: {cx: 11, cy: 8, r: 5, fill: s.fillColor, "fill-opacity": s.fillOpacity,
        stroke: s.color, "stroke-width": Math.min(s.weight, 3), "stroke-dasharray": s.dashArray || "none"}};
    };
    box.append(el("h4", "Control (reported)"));
    Object.keys(D.colours).forEach(f => row(dot([f, "held", null, []]), D.labels[f] || f));
    box.append(el("h4", "Status of a place"));
    Object.keys(D.statuses).forEach(s => row(dot(["unknown", s, null, []]), D.statuses[s]));
    row(dot(["unknown", "held", null, [], 0, null, 1, null]),
        `stale: no report for over ${D.stale_after_days} days (faded; hover: last reported)`);
    box.append(el("h4", "Inferred, not reported"));
    const opacity = G.bandOpacity;
    D.bands.forEach((b, k) => row({tag: "rect", attrs: {x: 2, y: 2, width: 18, height: 12, fill: "#777",
      "fill-opacity": opacity[Math.min(k, opacity.length - 1)], stroke: "none"}}, `control area: ${b}`));
    row({tag: "line", attrs: {x1: 1, y1: 8, x2: 21, y2: 8, stroke: "#222", "stroke-width": 2.5,
      "stroke-dasharray": "5 3"}}, "front line (where two inferred areas meet)");
    row({tag: "circle", attrs: {cx: 11, cy: 8, r: 6, fill: "none", stroke: "#5b3a8c", "stroke-dasharray": "3 2"}},
      "quoted distance: a ring, sector or band along a border (dotted: from an inferred anchor; " +
      "the popup says what it is measured from)");
    row({tag: "circle", attrs: {cx: 11, cy: 8, r: 6, fill: "none", stroke: "#444", "stroke-width": 2.5}},
      "event on this date (pulsing)");
    box.append(el("p", "Region shading: control reported for a whole region (oblast, state, governorate; dashed: " +
      "contested, stale, or derived from its main city; the popup says which).", "geo-note"));
    box.append(el("p", `How control areas are drawn: ${G.method} Stale marks take no part.`, "geo-note"));
    return box;
  };
  legend.addTo(map);

  if (last < 0) {
    bar.style.display = "none";
    when.textContent = "no dated control information";
    return;
  }
  const k = fromHash();
  show(k >= 0 ? k : D.start, false);
}
