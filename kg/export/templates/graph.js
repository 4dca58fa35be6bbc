/* The page's behaviour. Every string from the corpus is put on screen with
   textContent (or as a vis tooltip string, which vis shows with innerText),
   never parsed as HTML. */
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const read = (id) => JSON.parse($(id).textContent);
  const meta = read("kg-meta");
  const raw = read("kg-nodes");
  const rawEdges = read("kg-edges");
  const options = read("kg-options");

  // Tableau 20, then grey: communities are numbered largest first.
  const COMMUNITY = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#1f77b4", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
    "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#bab0ac"];
  const DIM = "rgba(200,200,200,0.35)";
  const HIDDEN = 1e9;  // a drawThreshold no label reaches
  const types = new Map(meta.types.map(([t, zh, colour]) => [t, { zh, colour }]));
  const byId = new Map(raw.map((n) => [n.id, n]));
  const edgeById = new Map(rawEdges.map((e) => [e.id, e]));
  const neighbours = new Map(raw.map((n) => [n.id, []]));
  for (const e of rawEdges) {
    neighbours.get(e.from).push([e.to, e.w]);
    neighbours.get(e.to).push([e.from, e.w]);
  }
  const weights = [...new Set(rawEdges.map((e) => e.w))].sort((a, b) => a - b);
  const maxOf = (key) => raw.reduce((m, n) => Math.max(m, n[key]), 0);
  const maxima = { w: maxOf("w"), m: maxOf("m") };

  const state = {
    colour: "type", size: "w", typesOn: new Set(types.keys()), minWeight: weights[0] || 1,
    showIsolated: rawEdges.length === 0, pinned: new Set(), focus: null, lit: null, shown: new Set(),
  };

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  const typeName = (t) => (types.has(t) ? `${t} ${types.get(t).zh}` : t);
  const colourOf = (n) => state.colour === "type"
    ? (types.get(n.t) || { colour: "#7f7f7f" }).colour
    : (COMMUNITY[n.c] || "#bbbbbb");
  // Square root: area grows with strength, so a hub does not swallow the picture.
  const strength = (n) => (maxima[state.size] > 0 ? Math.sqrt(n[state.size] / maxima[state.size]) : 0);
  // html.py's MIN_RADIUS and RADIUS_RANGE, which its layout keeps apart; but never under 2.5 px at the fitted zoom.
  const radius = (n) => Math.max(6 + 34 * strength(n), Math.min(2.5 / fitScale, 24));
  const labelPx = (n) => 11 + 9 * strength(n);  // on-screen size of a name
  const dimmed = (id) => state.lit !== null && !state.lit.has(id);

  function tooltip(n) {
    const lines = [n.label, typeName(n.t)];
    if (n.po.length) lines.push(n.po.join("、"));
    lines.push(`${n.m} mention(s) in ${n.docs} article(s) · link weight ${n.w}`);
    return lines.join("\n");
  }

  function visNode(n) {
    const dim = dimmed(n.id);
    const colour = dim ? DIM : colourOf(n);
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, title: tooltip(n), size: radius(n),
      color: { background: colour, border: dim ? DIM : "rgba(0,0,0,0.35)",
        highlight: { background: colour, border: "#000" }, hover: { background: colour, border: "#000" } },
    };
  }

  function edgeTitle(e) {
    const a = byId.get(e.from).label, b = byId.get(e.to).label;
    const lines = [`${a} — ${b}`, `${e.ks.join(", ") || e.k} · ${e.n} sentence(s) · PMI ${e.p}`];
    if (e.ev) lines.push(`“${e.ev[0]}” (${e.ev[1]})`);
    return lines.join("\n");
  }

  function visEdge(e, dim) {
    const typed = e.k !== "cooccursWith";
    return {
      id: e.id, from: e.from, to: e.to, title: edgeTitle(e),
      width: Math.min(6, 0.6 + 1.2 * Math.log2(e.w)),
      color: { color: dim ? "rgba(220,220,220,0.25)" : typed ? "rgba(60,60,60,0.65)" : "rgba(120,120,120,0.32)",
        highlight: "#222", hover: "#444" },
    };
  }

  // --- filtering -----------------------------------------------------------
  let network = null;
  // The zoom at which everything fits, guessed now so that nodes are created at their final size.
  let fitScale = (() => {
    const box = $("kg-network").getBoundingClientRect();
    const linkedNodes = raw.filter((n) => !n.iso);
    const pool = linkedNodes.length ? linkedNodes : raw;
    const xs = pool.map((n) => n.x), ys = pool.map((n) => n.y);
    if (!xs.length || !box.width) return 1;
    const dx = Math.max(...xs) - Math.min(...xs) + 80, dy = Math.max(...ys) - Math.min(...ys) + 80;
    return Math.min(box.width / dx, box.height / dy);
  })();
  let linked = new Set();
  function edgeShown(e) {
    return e.w >= state.minWeight && state.typesOn.has(byId.get(e.from).t) && state.typesOn.has(byId.get(e.to).t);
  }
  function nodeShown(id) {
    const n = byId.get(id);
    return state.pinned.has(id) || (state.typesOn.has(n.t) && (state.showIsolated || linked.has(id)));
  }

  const nodes = new vis.DataSet(raw.map((n) => Object.assign(visNode(n),
    { font: { size: 14 }, scaling: { label: { drawThreshold: HIDDEN } } })));
  const edges = new vis.DataSet(rawEdges.map((e) => visEdge(e, false)));
  const nodeView = new vis.DataView(nodes, { filter: (n) => nodeShown(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => edgeShown(edgeById.get(e.id)) });

  function refresh() {
    linked = new Set();
    for (const e of rawEdges) if (edgeShown(e)) { linked.add(e.from); linked.add(e.to); }
    nodeView.refresh();
    edgeView.refresh();
    state.shown = new Set(nodeView.getIds());
    const unlinked = raw.filter((n) => state.typesOn.has(n.t) && !linked.has(n.id)).length;
    $("kg-isolated-count").textContent = unlinked;
    $("kg-counts").textContent = `${nodeView.length} of ${raw.length} nodes · ${edgeView.length} of ${rawEdges.length} links shown`;
    relabel();
  }
  refresh();

  network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, options);
  let firstFrame = null;
  network.once("afterDrawing", () => { firstFrame = performance.now(); });

  // --- names -----------------------------------------------------------------
  // vis draws a name at a fixed size on the canvas, so it would grow without bound on zooming
  // in and overlap everywhere zoomed out. Instead, after each zoom or pan, name the strongest
  // nodes on screen whose names do not collide, at a size readable on screen.
  let order = [];
  const sortOrder = () => {
    order = [...raw].sort((a, b) => b[state.size] - a[state.size] || b.w - a.w || (a.label < b.label ? -1 : 1));
  };
  sortOrder();
  const named = new Map();  // id -> canvas font size of a name now drawn
  function relabel() {
    if (!network) return;
    const scale = network.getScale();
    const grow = Math.min(Math.max(scale / fitScale, 1), 1.4);
    const box = $("kg-network").getBoundingClientRect();
    const centre = network.getViewPosition();
    const halfW = (box.width / 2) / scale, halfH = (box.height / 2) / scale;
    const budget = Math.max(12, Math.min(60, Math.round((box.width * box.height) / 22000)));
    const taken = [];
    const clash = (b) => taken.some((o) => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]);
    const want = new Map();
    // The selected node is named first, whatever its rank; its neighbours only where there is room.
    const first = state.focus !== null && state.shown.has(state.focus) ? [byId.get(state.focus)] : [];
    for (const n of first.concat(order)) {
      if (!state.shown.has(n.id) || dimmed(n.id) || want.has(n.id)) continue;
      const forced = n.id === state.focus;
      if (state.lit === null && taken.length >= budget) break;
      if (Math.abs(n.x - centre.x) > halfW * 1.1 || Math.abs(n.y - centre.y) > halfH * 1.1) continue;
      const f = (labelPx(n) * grow) / scale;
      const half = (f * n.label.length) / 2 + 3 / scale, top = n.y + radius(n);
      const b = [n.x - half, top, n.x + half, top + f * 1.25];
      const cut = b[0] < centre.x - halfW || b[2] > centre.x + halfW || b[3] > centre.y + halfH;
      if (cut && !forced) continue;  // a name cut by the edge of the view reads as another name
      if (forced || !clash(b)) { taken.push(b); want.set(n.id, f); }
    }
    const updates = [];
    for (const [id, f] of want) {
      const had = named.get(id);
      if (had === undefined || Math.abs(had - f) > f * 0.02) {
        updates.push({ id, font: { size: f }, scaling: { label: { drawThreshold: 0 } } });
      }
    }
    for (const id of named.keys()) {
      if (!want.has(id)) updates.push({ id, scaling: { label: { drawThreshold: HIDDEN } } });
    }
    named.clear();
    want.forEach((f, id) => named.set(id, f));
    if (updates.length) nodes.update(updates);
  }
  let pending = null;
  const relabelSoon = () => { clearTimeout(pending); pending = setTimeout(relabel, 60); };
  network.on("zoom", relabelSoon);
  network.on("dragEnd", relabelSoon);
  network.on("animationFinished", relabel);
  network.on("resize", relabelSoon);

  function fit() {
    network.fit({ animation: false });
    const before = fitScale;
    fitScale = network.getScale();
    if (Math.abs(fitScale / before - 1) > 0.1 && Math.min(before, fitScale) < 2.5 / 6) {
      nodes.update(raw.map((n) => ({ id: n.id, size: radius(n) })));  // the size floor moved
    }
    relabel();
  }
  fit();

  // --- colour, size, legend ------------------------------------------------
  function restyle() {
    nodes.update(raw.map(visNode));
    relabel();
  }

  function swatch(colour) {
    const s = el("span", null, "kg-swatch");
    s.style.background = colour;
    return s;
  }

  function buildTypeList() {
    const list = $("kg-type-list");
    list.replaceChildren();
    const counts = new Map();
    for (const n of raw) counts.set(n.t, (counts.get(n.t) || 0) + 1);
    for (const [t, info] of types) {
      const label = el("label", null, "kg-item");
      const tick = el("input");
      tick.type = "checkbox";
      tick.checked = state.typesOn.has(t);
      tick.dataset.type = t;
      tick.addEventListener("change", () => {
        if (tick.checked) state.typesOn.add(t); else state.typesOn.delete(t);
        refresh();
      });
      label.append(tick, swatch(state.colour === "type" ? info.colour : "#ccc"), el("span", t),
        el("span", info.zh, "kg-zh"), el("span", counts.get(t) || 0, "kg-n"));
      list.append(label);
    }
  }

  function buildCommunityList() {
    const list = $("kg-community-list");
    list.replaceChildren();
    const groups = new Map();
    for (const n of raw) {
      const g = groups.get(n.c) || { size: 0, top: n };
      g.size += 1;
      if (n.w > g.top.w) g.top = n;
      groups.set(n.c, g);
    }
    [...groups.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, 12).forEach(([c, g]) => {
      const row = el("div", null, "kg-item");
      row.append(swatch(COMMUNITY[c] || "#bbbbbb"), el("span", g.top.label), el("span", g.size, "kg-n"));
      list.append(row);
    });
  }

  document.querySelectorAll("input[name=kg-colour]").forEach((r) => r.addEventListener("change", () => {
    state.colour = r.value;
    $("kg-communities").hidden = state.colour !== "community";
    buildTypeList();
    restyle();
  }));
  document.querySelectorAll("input[name=kg-size]").forEach((r) => r.addEventListener("change", () => {
    state.size = r.value;
    sortOrder();
    named.clear();
    nodes.update(raw.map((n) => ({ id: n.id, scaling: { label: { drawThreshold: HIDDEN } } })));
    restyle();
  }));

  const slider = $("kg-weight");
  slider.max = Math.max(0, weights.length - 1);
  slider.addEventListener("input", () => {
    state.minWeight = weights[+slider.value] || 1;
    $("kg-weight-value").textContent = state.minWeight;
    refresh();
  });
  $("kg-weight-value").textContent = state.minWeight;
  $("kg-isolated").checked = state.showIsolated;
  $("kg-isolated").addEventListener("change", (ev) => {
    state.showIsolated = ev.target.checked;
    refresh();
    fit();  // they sit under the picture, out of the current view
  });

  // --- selection, neighbours, panel ------------------------------------------
  function highlight(id) {
    state.lit = new Set([id, ...neighbours.get(id).map(([m]) => m)]);
    nodes.update(raw.map(visNode));
    edges.update(rawEdges.map((e) => visEdge(e, e.from !== id && e.to !== id)));
    relabel();
  }
  function clearHighlight() {
    state.focus = null;
    state.lit = null;
    nodes.update(raw.map(visNode));
    edges.update(rawEdges.map((e) => visEdge(e, false)));
    network.unselectAll();
    $("kg-panel").hidden = true;
    relabel();
  }

  function evidenceBlock(ev) {
    const [text, hs, he, article] = ev;
    const q = el("blockquote");
    if (hs >= 0 && he > hs) {
      q.append(document.createTextNode(text.slice(0, hs)), el("mark", text.slice(hs, he)),
        document.createTextNode(text.slice(he)));
    } else {
      q.append(document.createTextNode(text));
    }
    q.append(el("span", `— ${article}`, "kg-source"));
    return q;
  }

  function facts(pairs) {
    const dl = el("dl");
    for (const [k, v] of pairs) {
      if (v === "" || v === null || v === undefined) continue;
      dl.append(el("dt", k), el("dd", v));
    }
    return dl;
  }

  function showNode(id) {
    const n = byId.get(id);
    const body = $("kg-panel-body");
    body.replaceChildren();
    const badge = el("span", typeName(n.t), "kg-type");
    badge.style.background = (types.get(n.t) || { colour: "#7f7f7f" }).colour;
    body.append(el("h2", n.label), badge, facts([
      ["Aliases", n.al.join("、")], ["Posts", n.po.join("、")], ["Division code", n.cd],
      ["Mentions", `${n.m} in ${n.docs} article(s)`], ["Link weight", n.w], ["Community", n.c],
    ]));
    if (n.ev.length) {
      body.append(el("h3", "Evidence"));
      n.ev.forEach((ev) => body.append(evidenceBlock(ev)));
    }
    const near = [...neighbours.get(id)].sort((a, b) => b[1] - a[1]);
    if (near.length) {
      body.append(el("h3", `Linked to (${near.length})`));
      const ul = el("ul");
      near.slice(0, 15).forEach(([m, w]) => {
        const li = el("li");
        const b = el("button", byId.get(m).label);
        b.type = "button";
        b.addEventListener("click", () => select(m, true));
        li.append(b, document.createTextNode(` · ${w}`));
        ul.append(li);
      });
      body.append(ul);
    }
    $("kg-panel").hidden = false;
  }

  function showEdge(eid) {
    const e = edgeById.get(eid);
    const body = $("kg-panel-body");
    body.replaceChildren();
    body.append(el("h2", `${byId.get(e.from).label} — ${byId.get(e.to).label}`), facts([
      ["Relation", e.k], ["All kinds", e.ks.join(", ")], ["Sentences", e.n], ["PMI", e.p],
    ]));
    if (e.ev) body.append(el("h3", "Evidence"), evidenceBlock([e.ev[0], -1, -1, e.ev[1]]));
    $("kg-panel").hidden = false;
  }

  function select(id, move) {
    if (!nodeShown(id)) {
      state.pinned.add(id);
      refresh();
    }
    state.focus = id;
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
    // Centre it in the part of the canvas the panel leaves free.
    const panel = $("kg-panel").offsetWidth;
    const at = network.canvasToDOM(network.getPositions([id])[id]);
    if (move || at.x > $("kg-network").clientWidth - panel - 80) {
      network.focus(id, { scale: move ? Math.max(network.getScale(), fitScale * 2.5) : network.getScale(),
        offset: { x: -panel / 2, y: 0 }, animation: { duration: 400 } });
    }
  }

  network.on("click", (p) => {
    if (p.nodes.length) select(p.nodes[0], false);
    else if (p.edges.length) { clearHighlight(); network.selectEdges([p.edges[0]]); showEdge(p.edges[0]); }
    else clearHighlight();
  });
  $("kg-panel-close").addEventListener("click", clearHighlight);
  $("kg-clear").addEventListener("click", clearHighlight);
  $("kg-fit").addEventListener("click", () => { clearHighlight(); fit(); });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") clearHighlight(); });

  // --- search ------------------------------------------------------------------
  const names = $("kg-names");
  const ranked = [...raw].sort((a, b) => b.w - a.w || b.m - a.m);
  for (const n of ranked) {
    const o = el("option");
    o.value = n.label;
    names.append(o);
    for (const a of n.al) {
      const alias = el("option");
      alias.value = a;
      alias.label = `→ ${n.label}`;
      names.append(alias);
    }
  }
  function find(q) {
    return ranked.find((n) => n.label === q) || ranked.find((n) => n.al.includes(q))
      || ranked.find((n) => n.label.includes(q)) || ranked.find((n) => n.al.some((a) => a.includes(q)));
  }
  function search() {
    const q = $("kg-search").value.trim();
    const status = $("kg-search-status");
    if (!q) { status.textContent = ""; return; }
    const hit = find(q);
    if (!hit) { status.textContent = `Nothing named “${q}” on this page.`; return; }
    status.textContent = hit.label === q ? "" : `Found ${hit.label}`;
    select(hit.id, true);
  }
  $("kg-search-form").addEventListener("submit", (ev) => { ev.preventDefault(); search(); });
  $("kg-search").addEventListener("input", (ev) => {
    if (!ev.inputType || ev.inputType === "insertReplacementText") search();  // picked from the list
  });

  // --- header ------------------------------------------------------------------
  if (meta.leftOut > 0) {
    const cap = $("kg-cap");
    cap.textContent = `Showing the ${meta.nodesShown} strongest of ${meta.nodesTotal} nodes, kept per community; `
      + `${meta.leftOut} left out. graph.gexf beside this file holds all of them.`;
    cap.hidden = false;
  }
  buildTypeList();
  buildCommunityList();

  // Read-only view for tests and curious readers in the console.
  window.kgView = Object.freeze({
    nodesTotal: raw.length,
    edgesTotal: rawEdges.length,
    visibleNodeIds: () => nodeView.getIds(),
    drawnNodeIds: () => Object.keys(network.getPositions()),
    visibleEdgeCount: () => edgeView.length,
    selectedNodeIds: () => network.getSelectedNodes(),
    focusedId: () => state.focus,
    idOf: (name) => { const n = find(name); return n ? n.id : null; },
    namedIds: () => [...named.keys()],
    positionOf: (id) => network.canvasToDOM(network.getPositions([id])[id]),
    firstFrameMs: () => firstFrame,
    scale: () => network.getScale(),
  });
}());
