/* geo control map: the popups and labels of places and regions, and the evidence they quote.
   Article text is set with textContent (G.el), never as HTML. */
function geoPopups(G, event) {
  "use strict";
  const D = G.data, el = G.el;
  function evidence(box, ids, total = ids.length) {
    ids.slice(0, 5).forEach(i => {
      const e = event(i), item = el("div", null, "geo-ev");
      if (e.kind === "baseline") {
        item.append(el("p", `Baseline row: ${D.labels[e.actor_gaining] || e.actor_gaining} held as of ${e.date}`));
        item.append(el("blockquote", e.sentence));
        item.append(el("p", `source of the corpus's baseline file; place as written: “${e.place}”`, "geo-src"));
        box.append(item);
        return;
      }
      item.append(el("blockquote", e.sentence));
      const who = e.attributed_to ? " by " + e.attributed_to : "";
      const when = e.date ? e.date + (e.date_end ? " to " + e.date_end : "") : "undated";
      item.append(el("p", `${e.kind}, ${e.stance}${who}; event date ${when} ` +
                          `(precision: ${e.date_precision || "unknown"})`));
      item.append(el("p", `${e.source || "unknown source"}, published ${e.published || "undated"}` +
                          (e.place ? `; place as written: “${e.place}”` : ""), "geo-src"));
      box.append(item);
    });
    if (total > 5) box.append(el("p", `and ${total - 5} more reports`));
    return box;
  }
  function distanceChecks(box, id) {
    /* quoted distances of this place from an anchor, checked against where the place lies */
    ((D.checks || {})[id] || []).forEach(c => {
      const item = el("div", null, "geo-check geo-check-" + c.status);
      item.append(el("p", `Distance check: ${c.note}`), el("blockquote", c.sentence),
                  el("p", `published ${c.published || "undated"}`, "geo-src"));
      box.append(item);
    });
    return box;
  }
  function statePopup(name, st, id) {
    const box = el("div", null, "geo-popup");
    box.append(el("h3", name));
    if (!st) {
      box.append(el("p", `No reported state as of ${G.date}`));
      return distanceChecks(box, id);
    }
    const since = st[2] ? ` since ${st[2]}` : "";
    box.append(el("p", `${D.labels[st[0]] || st[0]}: ${st[1]}${since} (as of ${G.date})`, "geo-state"));
    if (st[6]) box.append(el("p", `Stale: last reported ${st[5]}, more than ${D.stale_after_days} days ` +
                              "before this date; not used for inferred areas or front lines", "geo-stale"));
    else if (st[5]) box.append(el("p", `last reported ${st[5]}`, "geo-src"));
    if (st[7] !== null && st[7] !== undefined) box.append(el("p", `Note: ${D.strings[st[7]]}`, "geo-note"));
    return distanceChecks(evidence(box, st[3], st[4]), id);
  }
  const label = (name, st) => el("span", !st ? name : st[6] ? `${name}: last reported ${st[5]}` :
    `${name}: ${D.labels[st[0]] || st[0]}, ${st[1]}`);  /* a text node: never parsed as HTML */
  G.label = label;
  return {evidence, statePopup, label};
}
