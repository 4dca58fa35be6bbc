/* The page's behaviour. Every string from the corpus is put on screen with
   textContent or drawn on the canvas as text, never parsed as HTML. */
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const read = (id) => JSON.parse($(id).textContent);
  const meta = read("kg-meta");
  const raw = read("kg-nodes");
  const rawEdges = read("kg-edges");
  const options = read("kg-options");

  // Tableau 20: communities are coloured by their size on this page, the twenty largest each its own colour.
  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#1f77b4", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
    "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#bab0ac"];
  const OTHER_COMMUNITY = "#d4d4d4";
  const DIM = "rgba(200,200,200,0.35)";
  const NAME_ALL = 90;          // with at most this many nodes in view, every one of them is named
  const MAX_FIT_SCALE = 1.6;    // a fit to a few nodes does not blow them up
  const FONT = options.nodes.font.face;
  const types = new Map(meta.types.map(([t, zh, colour]) => [t, { zh, colour }]));
  // Dashed lines cost vis a loop a dash: a large page draws co-occurrence as a plain light line instead.
  const DASHES = rawEdges.length <= 3000;
  const kinds = new Map(meta.kinds.map(([k, colour, dashed, says]) => [k, { colour, dashed: dashed && DASHES, says }]));
  const articles = meta.articles;
  const byId = new Map(raw.map((n) => [n.id, n]));
  const edgeById = new Map(rawEdges.map((e) => [e.id, e]));
  const links = new Map(raw.map((n) => [n.id, []]));
  for (const e of rawEdges) { links.get(e.from).push(e); links.get(e.to).push(e); }
  const weights = [...new Set(rawEdges.map((e) => e.w))].sort((a, b) => a - b);
  const maxOf = (key) => raw.reduce((m, n) => Math.max(m, n[key]), 0);
  const maxima = { w: maxOf("w"), m: maxOf("m") };

  const sizes = new Map();
  for (const n of raw) sizes.set(n.c, (sizes.get(n.c) || 0) + 1);
  const communities = [...sizes].filter(([, k]) => k > 1).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const communityColour = new Map(communities.slice(0, PALETTE.length).map((c, i) => [c, PALETTE[i]]));
  const labelCount = new Map();
  for (const n of raw) labelCount.set(n.label, (labelCount.get(n.label) || 0) + 1);

  const state = {
    colour: "type", size: "w", typesOn: new Set(types.keys()), kindsOn: new Set(kinds.keys()),
    minWeight: weights[0] || 1, docs: null, showIsolated: rawEdges.length === 0, pinned: new Set(),
    focus: null, lit: null, community: null, shown: new Set(),
  };

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  const typeName = (t) => (types.has(t) ? `${t} ${types.get(t).zh}` : t);
  // Two entities of one name are told apart by their type and their place or body.
  const fullName = (n) => (labelCount.get(n.label) > 1 ? `${n.label} (${n.t}${n.q ? ` · ${n.q}` : ""})` : n.label);
  const colourOf = (n) => state.colour === "type"
    ? (types.get(n.t) || { colour: "#7f7f7f" }).colour
    : (communityColour.get(n.c) || OTHER_COMMUNITY);
  // Square root: area grows with strength, so a hub does not swallow the picture.
  const strength = (n) => (maxima[state.size] > 0 ? Math.sqrt(n[state.size] / maxima[state.size]) : 0);
  // layout.py's MIN_RADIUS and RADIUS_RANGE, which its layout keeps apart; but never under 2.5 px at the fitted zoom.
  const radius = (n) => Math.max(6 + 34 * strength(n), Math.min(2.5 / fitScale, 24));
  const labelPx = (n) => 11 + 7 * strength(n);  // on-screen size of a name
  const dimmed = (id) => state.lit !== null && !state.lit.has(id);
  const source = (i) => (articles[i] ? articles[i].filter(Boolean).join(" · ") : "");

  function nodeText(n) {
    const lines = [fullName(n), typeName(n.t) + (n.q ? ` · ${n.q}` : "")];
    if (n.po.length) lines.push(n.po.map(([p, b]) => (b ? `${p} · ${b}` : p)).join("、"));
    lines.push(`${n.m} mention(s) in ${n.docs} article(s) · link weight ${n.w}`);
    return lines.join("\n");
  }

  function edgeText(e) {
    const a = byId.get(e.from).label, b = byId.get(e.to).label;
    const lines = [e.dir ? `${a} —${e.k}→ ${b}` : `${a} — ${b}`,
      `${e.ks.join(", ")} · ${e.n} sentence(s) · PMI ${e.p}`];
    const ev = inPeriod(e.ev || [])[0];
    if (ev) lines.push(`“${ev[0]}”`, source(ev[2]));
    return lines.join("\n");
  }

  function visNode(n) {
    const dim = dimmed(n.id);
    const colour = dim ? DIM : colourOf(n);
    return {
      id: n.id, x: n.x, y: n.y, size: radius(n),
      color: { background: colour, border: dim ? DIM : "rgba(0,0,0,0.35)",
        highlight: { background: colour, border: "#000" }, hover: { background: colour, border: "#000" } },
    };
  }

  function visEdge(e, dim) {
    const style = kinds.get(e.k) || kinds.get("cooccursWith") || { colour: "#999", dashed: true };
    return {
      id: e.id, from: e.from, to: e.to, dashes: style.dashed ? [4, 4] : false,
      arrows: e.dir ? { to: { enabled: true, scaleFactor: 0.45 } } : { to: { enabled: false } },
      width: Math.min(6, 0.8 + 1.2 * Math.log2(e.w)),
      color: { color: dim ? "rgba(220,220,220,0.25)" : style.colour, opacity: e.dir ? 0.85 : 0.5,
        highlight: "#222", hover: "#444" },
    };
  }

  // --- filtering -----------------------------------------------------------
  let network = null;
  // The zoom at which everything fits, guessed now so that nodes are created at their final size.
  let fitScale = (() => {
    const box = $("kg-network").getBoundingClientRect();
    const pool = raw.filter((n) => !n.iso).length ? raw.filter((n) => !n.iso) : raw;
    if (!pool.length || !box.width) return 1;
    const xs = pool.map((n) => n.x), ys = pool.map((n) => n.y);
    const dx = Math.max(...xs) - Math.min(...xs) + 80, dy = Math.max(...ys) - Math.min(...ys) + 80;
    return Math.min(box.width / dx, box.height / dy);
  })();
  let linked = new Set();
  const docOk = (list) => state.docs === null || list.some((d) => state.docs.has(d));
  // The evidence sentences of the articles the filters keep: [text, marks, article] each.
  const inPeriod = (evidence) => evidence.filter((ev) => state.docs === null || state.docs.has(ev[2]));
  function edgeShown(e) {
    return e.w >= state.minWeight && e.ks.some((k) => state.kindsOn.has(k)) && docOk(e.dn)
      && state.typesOn.has(byId.get(e.from).t) && state.typesOn.has(byId.get(e.to).t);
  }
  function nodeShown(id) {
    const n = byId.get(id);
    return state.pinned.has(id) || (state.typesOn.has(n.t) && docOk(n.dn) && (state.showIsolated || linked.has(id)));
  }

  const nodes = new vis.DataSet(raw.map(visNode));
  const edges = new vis.DataSet(rawEdges.map((e) => visEdge(e, false)));
  const nodeView = new vis.DataView(nodes, { filter: (n) => nodeShown(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => edgeShown(edgeById.get(e.id)) });

  function refresh() {
    linked = new Set();
    for (const e of rawEdges) if (edgeShown(e)) { linked.add(e.from); linked.add(e.to); }
    nodeView.refresh();
    edgeView.refresh();
    state.shown = new Set(nodeView.getIds());
    const unlinked = raw.filter((n) => state.typesOn.has(n.t) && docOk(n.dn) && !linked.has(n.id)).length;
    $("kg-isolated-count").textContent = unlinked;
    $("kg-counts").textContent = `${nodeView.length} of ${raw.length} nodes · ${edgeView.length} of ${rawEdges.length} links shown`;
  }
  refresh();

  network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, options);
  let firstFrame = null;
  network.once("afterDrawing", () => { firstFrame = performance.now(); });

  // --- names -----------------------------------------------------------------
  // The page draws the names itself, after vis has drawn the nodes: each is placed where it
  // covers no node and no other name (below, above, beside, or further out with a leader line),
  // at a size readable on screen. With few nodes in view every one is named; otherwise the
  // strongest that fit.
  const measure = document.createElement("canvas").getContext("2d");
  const widths = new Map();
  function textWidth(label, px) {
    let w = widths.get(label);
    if (w === undefined) {
      measure.font = `100px ${FONT}`;
      w = measure.measureText(label).width / 100;
      widths.set(label, w);
    }
    return w * px;
  }
  let order = [];
  const sortOrder = () => {
    order = [...raw].sort((a, b) => b[state.size] - a[state.size] || b.w - a.w || (a.label < b.label ? -1 : 1));
  };
  sortOrder();
  let placed = [];       // {id, box: canvas [x0, y0, x1, y1], px: canvas font size, leader: canvas [x, y] or null}
  let unnamed = [];      // ids in view left without a name
  const freeRight = () => $("kg-network").clientWidth - ($("kg-panel").hidden ? 0 : $("kg-panel").offsetWidth);

  function grid(cell) {
    const cells = new Map();
    const span = (b, f) => {
      for (let i = Math.floor(b[0] / cell); i <= Math.floor(b[2] / cell); i++) {
        for (let j = Math.floor(b[1] / cell); j <= Math.floor(b[3] / cell); j++) f(i * 100003 + j);
      }
    };
    return {
      add(b, item) { span(b, (k) => { if (!cells.has(k)) cells.set(k, []); cells.get(k).push(item); }); },
      some(b, test) {
        let hit = false;
        span(b, (k) => { if (!hit && cells.has(k)) hit = cells.get(k).some(test); });
        return hit;
      },
    };
  }

  function inView() {
    const scale = network.getScale(), at = network.getViewPosition();
    const W = $("kg-network").clientWidth, H = $("kg-network").clientHeight, right = freeRight();
    const out = [];
    for (const id of state.shown) {
      const n = byId.get(id);
      const x = (n.x - at.x) * scale + W / 2, y = (n.y - at.y) * scale + H / 2, r = radius(n) * scale;
      if (x + r >= 0 && x - r <= right && y + r >= 0 && y - r <= H) out.push({ n, x, y, r });
    }
    return out;
  }

  function placeLabels() {
    if (!network) return;
    const pts = inView();
    const H = $("kg-network").clientHeight, right = freeRight();
    const space = grid(40);
    for (const p of pts) space.add([p.x - p.r, p.y - p.r, p.x + p.r, p.y + p.r], p);
    const rank = new Map(order.map((n, i) => [n.id, i]));
    const want = pts.filter((p) => !dimmed(p.n.id))
      .sort((a, b) => (b.n.id === state.focus) - (a.n.id === state.focus) || rank.get(a.n.id) - rank.get(b.n.id));
    const all = want.length <= NAME_ALL;
    const budget = all ? Infinity : Math.max(12, Math.min(60, Math.round((right * H) / 22000)));
    const found = [];
    unnamed = [];
    for (const p of want) {
      const spot = found.length < budget ? findSpot(p, all, space, right, H) : null;
      if (spot) { found.push(spot); space.add(spot.b, { label: spot.b }); } else unnamed.push(p.n.id);
    }
    placed = found.map(toCanvas);
    network.redraw();
  }

  function findSpot(p, all, space, right, H) {
    const free = (b) => b[0] >= 2 && b[1] >= 2 && b[2] <= right - 2 && b[3] <= H - 2 && !space.some(b, (o) => {
      if (o.label) return b[0] < o.label[2] + 1 && o.label[0] < b[2] + 1 && b[1] < o.label[3] + 1 && o.label[1] < b[3] + 1;
      const nx = Math.max(b[0], Math.min(o.x, b[2])), ny = Math.max(b[1], Math.min(o.y, b[3]));
      return Math.hypot(nx - o.x, ny - o.y) < o.r + 0.5;
    });
    const base = labelPx(p.n);
    const px = all ? [base, base * 0.86, Math.max(10, base * 0.74), 10] : [base, base * 0.86];
    for (const s of px) {
      const w = textWidth(p.n.label, s) + 4, h = s * 1.25, r = p.r, d = r * 0.72;
      const offsets = [[-w / 2, r + 1], [-w / 2, -r - 1 - h], [r + 3, -h / 2], [-r - 3 - w, -h / 2],
        [d + 1, d], [-d - 1 - w, d], [d + 1, -d - h], [-d - 1 - w, -d - h]];
      for (const [dx, dy] of offsets) {
        const b = [p.x + dx, p.y + dy, p.x + dx + w, p.y + dy + h];
        if (free(b)) return { id: p.n.id, b, px: s, leader: null };
      }
    }
    if (!all) return null;
    const s = Math.max(10, base * 0.86), w = textWidth(p.n.label, s) + 4, h = s * 1.25;
    for (let dist = p.r + 18; dist < 320; dist += 12) {
      for (let k = 0; k < 16; k++) {
        const a = (k * Math.PI) / 8 + dist * 0.05;
        const cx = p.x + Math.cos(a) * (dist + w / 2), cy = p.y + Math.sin(a) * (dist + h / 2);
        const b = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
        if (free(b)) return { id: p.n.id, b, px: s, leader: [p.x + Math.cos(a) * p.r, p.y + Math.sin(a) * p.r] };
      }
    }
    return null;
  }

  function toCanvas(spot) {
    const scale = network.getScale(), at = network.getViewPosition();
    const W = $("kg-network").clientWidth, H = $("kg-network").clientHeight;
    const cx = (x) => (x - W / 2) / scale + at.x, cy = (y) => (y - H / 2) / scale + at.y;
    return { id: spot.id, box: [cx(spot.b[0]), cy(spot.b[1]), cx(spot.b[2]), cy(spot.b[3])], px: spot.px / scale,
      leader: spot.leader && [cx(spot.leader[0]), cy(spot.leader[1])] };
  }

  function toDOM(box) {
    const scale = network.getScale(), at = network.getViewPosition();
    const W = $("kg-network").clientWidth, H = $("kg-network").clientHeight;
    return [(box[0] - at.x) * scale + W / 2, (box[1] - at.y) * scale + H / 2,
      (box[2] - at.x) * scale + W / 2, (box[3] - at.y) * scale + H / 2];
  }

  network.on("beforeDrawing", (ctx) => {  // white, not transparent, in an exported picture
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });
  network.on("afterDrawing", (ctx) => {
    ctx.save();
    ctx.textBaseline = "middle";
    for (const p of placed) {
      const n = byId.get(p.id), [x0, y0, x1, y1] = p.box;
      if (p.leader) {
        ctx.strokeStyle = "rgba(90,90,90,0.7)";
        ctx.lineWidth = 1 / network.getScale();
        ctx.beginPath();
        ctx.moveTo(p.leader[0], p.leader[1]);
        ctx.lineTo(Math.max(x0, Math.min(p.leader[0], x1)), Math.max(y0, Math.min(p.leader[1], y1)));
        ctx.stroke();
      }
      ctx.font = `${p.px}px ${FONT}`;
      ctx.lineWidth = p.px * 0.28;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.fillStyle = n.id === state.focus ? "#000" : "#1a1a1a";
      const tx = x0 + (x1 - x0 - textWidth(n.label, p.px)) / 2, ty = (y0 + y1) / 2;
      ctx.strokeText(n.label, tx, ty);
      ctx.fillText(n.label, tx, ty);
    }
    ctx.restore();
  });

  let pending = null;
  const relabelSoon = () => { clearTimeout(pending); pending = setTimeout(placeLabels, 60); };
  network.on("zoom", relabelSoon);
  network.on("dragEnd", relabelSoon);
  network.on("resize", relabelSoon);

  // Fit ``ids`` into the part of the canvas the panel leaves free, with room for their names.
  function fitTo(ids) {
    const list = ids.map((id) => byId.get(id)).filter((n) => n && state.shown.has(n.id));
    if (!list.length) { placeLabels(); return; }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of list) {
      const r = radius(n);
      x0 = Math.min(x0, n.x - r); x1 = Math.max(x1, n.x + r); y0 = Math.min(y0, n.y - r); y1 = Math.max(y1, n.y + r);
    }
    const W = $("kg-network").clientWidth, H = $("kg-network").clientHeight, right = freeRight();
    const padX = Math.min(110, right / 5), padY = Math.min(60, H / 6);
    let scale = Math.min((right - 2 * padX) / Math.max(x1 - x0, 1), (H - 2 * padY) / Math.max(y1 - y0, 1));
    scale = Math.max(0.01, Math.min(scale, MAX_FIT_SCALE));
    network.moveTo({ position: { x: (x0 + x1) / 2 + (W - right) / 2 / scale, y: (y0 + y1) / 2 }, scale, animation: false });
    placeLabels();
  }

  function fit() {
    const pool = [...state.shown];
    const linkedOnes = pool.filter((id) => linked.has(id));
    fitTo(state.showIsolated || !linkedOnes.length ? pool : linkedOnes);
  }
  fit();
  (() => {  // the size floor of radius() follows the zoom that fits the whole picture
    const before = fitScale;
    fitScale = network.getScale();
    if (Math.abs(fitScale / before - 1) > 0.1 && Math.min(before, fitScale) < 2.5 / 6) {
      nodes.update(raw.map((n) => ({ id: n.id, size: radius(n) })));
      placeLabels();
    }
  })();

  // --- colour, size, legend ------------------------------------------------
  function restyle() {
    nodes.update(raw.map(visNode));
    edges.update(rawEdges.map((e) => visEdge(e, state.lit !== null && !(state.lit.has(e.from) && state.lit.has(e.to)))));
    placeLabels();
  }

  function swatch(colour) {
    const s = el("span", null, "kg-swatch");
    s.style.background = colour;
    return s;
  }

  function tickBox(on, change) {
    const tick = el("input");
    tick.type = "checkbox";
    tick.checked = on;
    tick.addEventListener("change", () => change(tick.checked));
    return tick;
  }

  function buildTypeList() {
    const list = $("kg-type-list");
    list.replaceChildren();
    const counts = new Map();
    for (const n of raw) counts.set(n.t, (counts.get(n.t) || 0) + 1);
    for (const [t, info] of types) {
      const label = el("label", null, "kg-item");
      const tick = tickBox(state.typesOn.has(t), (on) => {
        if (on) state.typesOn.add(t); else state.typesOn.delete(t);
        filtered();
      });
      tick.dataset.type = t;
      label.append(tick, swatch(state.colour === "type" ? info.colour : "#ccc"), el("span", t),
        el("span", info.zh, "kg-zh"), el("span", counts.get(t) || 0, "kg-n"));
      list.append(label);
    }
  }

  function buildKindList() {  // the legend of the link styles, and their filter
    const list = $("kg-kind-list");
    const counts = new Map();
    for (const e of rawEdges) for (const k of e.ks) counts.set(k, (counts.get(k) || 0) + 1);
    for (const [k, style] of kinds) {
      const label = el("label", null, "kg-item");
      label.title = `${k}: ${style.says}${k === "cooccursWith" ? "" : " (an arrow from the one that does)"}`;
      const tick = tickBox(true, (on) => {
        if (on) state.kindsOn.add(k); else state.kindsOn.delete(k);
        filtered();
      });
      tick.dataset.kind = k;
      const line = el("span", null, "kg-line");
      line.style.borderTop = `3px ${style.dashed ? "dashed" : "solid"} ${style.colour}`;
      label.append(tick, line, el("span", k), el("span", style.says, "kg-zh"), el("span", counts.get(k) || 0, "kg-n"));
      list.append(label);
    }
  }

  function buildCommunityList() {
    const list = $("kg-community-list");
    list.replaceChildren();
    communities.slice(0, PALETTE.length).forEach((c) => {
      const members = raw.filter((n) => n.c === c);
      const top = members.reduce((a, b) => (b.w > a.w ? b : a));
      const row = el("button", null, "kg-community");
      row.type = "button";
      row.dataset.community = c;
      row.setAttribute("aria-pressed", "false");
      row.append(swatch(communityColour.get(c)), el("span", top.label), el("span", members.length, "kg-n"));
      row.addEventListener("click", () => selectCommunity(c));
      list.append(row);
    });
    const rest = communities.length - PALETTE.length + raw.filter((n) => sizes.get(n.c) === 1).length;
    if (rest > 0) {
      const row = el("div", null, "kg-item kg-muted");
      row.append(swatch(OTHER_COMMUNITY), el("span", `${rest} smaller ones and lone nodes`));
      list.append(row);
    }
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
    restyle();
  }));

  const slider = $("kg-weight");
  slider.max = Math.max(0, weights.length - 1);
  slider.addEventListener("input", () => {
    state.minWeight = weights[+slider.value] || 1;
    $("kg-weight-value").textContent = state.minWeight;
    filtered();
  });
  $("kg-weight-value").textContent = state.minWeight;
  $("kg-isolated").checked = state.showIsolated;
  $("kg-isolated").addEventListener("change", (ev) => {
    state.showIsolated = ev.target.checked;
    filtered();
  });

  // A filter changed: what is left is fitted into view and named.
  function filtered() {
    clearHighlight(false);
    refresh();
    fit();
  }

  // --- articles, newspapers, period ---------------------------------------------
  function buildSources() {
    const byDate = articles.map((a, i) => i).sort((i, j) => (articles[i][2] || "9999").localeCompare(articles[j][2] || "9999") || i - j);
    for (const i of byDate) {
      const [file, title, date] = articles[i];
      const o = el("option", [date, title || file].filter(Boolean).join(" · "));
      o.value = String(i);
      o.title = file;
      $("kg-article").append(o);
    }
    const papers = [...new Set(articles.map((a) => a[3]).filter(Boolean))].sort();
    for (const p of papers) { const o = el("option", p); o.value = p; $("kg-paper").append(o); }
    $("kg-paper-row").hidden = papers.length === 0;
    const dates = articles.map((a) => a[2]).filter(Boolean).sort();
    $("kg-period-row").hidden = dates.length === 0;
    if (dates.length) {
      for (const id of ["kg-from", "kg-to"]) { $(id).min = dates[0]; $(id).max = dates[dates.length - 1]; }
    }
    for (const id of ["kg-article", "kg-paper", "kg-from", "kg-to"]) $(id).addEventListener("change", applySources);
  }

  function applySources() {
    const art = $("kg-article").value, paper = $("kg-paper").value, from = $("kg-from").value, to = $("kg-to").value;
    if (!art && !paper && !from && !to) {
      state.docs = null;
      $("kg-source-status").textContent = "";
    } else {
      state.docs = new Set();
      articles.forEach((a, i) => {
        if ((art !== "" && +art !== i) || (paper && a[3] !== paper)) return;
        if ((from || to) && (!a[2] || (from && a[2] < from) || (to && a[2] > to))) return;
        state.docs.add(i);
      });
      $("kg-source-status").textContent = `${state.docs.size} of ${articles.length} article(s)`
        + (from || to ? "; undated articles are left out of a period" : "");
    }
    filtered();
  }

  // --- selection, neighbours, panel ------------------------------------------
  function highlight(ids) {
    state.lit = new Set(ids);
    restyle();
  }
  function clearHighlight(replace = true) {
    state.focus = null;
    state.lit = null;
    state.community = null;
    document.querySelectorAll(".kg-community").forEach((b) => b.setAttribute("aria-pressed", "false"));
    if (network) network.unselectAll();
    $("kg-panel").hidden = true;
    if (replace) restyle(); else { nodes.update(raw.map(visNode)); edges.update(rawEdges.map((e) => visEdge(e, false))); }
  }

  function evidenceBlock([text, marks, article]) {
    const q = el("blockquote");
    let pos = 0;
    for (const [a, b] of marks || []) {
      if (a < pos || b <= a) continue;
      q.append(document.createTextNode(text.slice(pos, a)), el("mark", text.slice(a, b)));
      pos = b;
    }
    q.append(document.createTextNode(text.slice(pos)));
    q.append(el("span", `— ${source(article)}`, "kg-source"));
    return q;
  }

  // Links of a node that the filters keep (article, newspaper, period).
  const shownLinks = (id) => links.get(id).filter((e) => docOk(e.dn));

  function evidenceList(body, evidence) {
    const kept = inPeriod(evidence);
    if (kept.length) {
      body.append(el("h3", "Evidence"));
      kept.forEach((ev) => body.append(evidenceBlock(ev)));
    } else if (evidence.length) {
      body.append(el("h3", "Evidence"), el("p", "None of the sentences this page keeps is from the articles "
        + "chosen; graph.ttl holds every one, and edges_by_period.csv counts the links by period.", "kg-muted"));
    }
  }

  function facts(pairs) {
    const dl = el("dl");
    for (const [k, v] of pairs) {
      if (v === "" || v === null || v === undefined) continue;
      dl.append(el("dt", k), el("dd", v));
    }
    return dl;
  }

  function nameButton(id) {
    const b = el("button", fullName(byId.get(id)));
    b.type = "button";
    b.addEventListener("click", () => select(id));
    return b;
  }

  function linkedList(id) {
    const n = byId.get(id);
    const ul = el("ul");
    for (const [post, body] of n.po) {
      const li = el("li");
      li.append(el("span", "—holdsPost→ ", "kg-rel"), document.createTextNode(body ? `${post} · ${body}` : post));
      ul.append(li);
    }
    const near = shownLinks(id).sort((a, b) => b.dir - a.dir || b.w - a.w);
    near.slice(0, 25).forEach((e) => {
      const other = e.from === id ? e.to : e.from;
      const arrow = !e.dir ? "— cooccursWith — " : e.from === id ? `—${e.k}→ ` : `←${e.k}— `;
      const li = el("li");
      li.append(el("span", arrow, "kg-rel"), nameButton(other),
        document.createTextNode(` · ${e.n} sentence(s)`));
      ul.append(li);
    });
    if (near.length > 25) ul.append(el("li", `and ${near.length - 25} more`, "kg-muted"));
    return ul;
  }

  function showNode(id) {
    const n = byId.get(id);
    const body = $("kg-panel-body");
    body.replaceChildren();
    const badge = el("span", typeName(n.t), "kg-type");
    badge.style.background = (types.get(n.t) || { colour: "#7f7f7f" }).colour;
    body.append(el("h2", n.label), badge);
    if (n.q) body.append(el("p", `${n.t === "Person" ? "of" : "in"} ${n.q}`, "kg-where"));
    body.append(facts([
      ["Aliases", n.al.join("、")], ["Posts", n.po.map(([p, b]) => (b ? `${p} · ${b}` : p)).join("、")],
      ["Division code", n.cd], ["Mentions", `${n.m} in ${n.docs} article(s)`],
      ["Link weight", `${n.w}: the sentences it shares with the entities linked to it, added up (a stated relation counts at least 1)`],
      ["Community", n.c],
    ]));
    evidenceList(body, n.ev);
    if (n.po.length || shownLinks(id).length) {
      body.append(el("h3", `Linked to (${n.po.length + shownLinks(id).length})`), linkedList(id));
    }
    $("kg-panel").hidden = false;
  }

  function showEdge(eid) {
    const e = edgeById.get(eid);
    const a = byId.get(e.from), b = byId.get(e.to);
    const body = $("kg-panel-body");
    body.replaceChildren();
    body.append(el("h2", e.dir ? `${fullName(a)} —${e.k}→ ${fullName(b)}` : `${fullName(a)} — ${fullName(b)}`), facts([
      ["Relation", `${e.k}: ${(kinds.get(e.k) || {}).says || ""}`], ["All kinds", e.ks.join(", ")],
      ["Sentences", `${e.n}, in ${e.dn.length} article(s)`],
      ["PMI", `${e.p}: how much more often than chance the two are named together (log2)`],
    ]));
    evidenceList(body, e.ev || []);
    $("kg-panel").hidden = false;
  }

  function select(id) {
    if (!nodeShown(id)) {
      state.pinned.add(id);
      refresh();
    }
    state.focus = id;
    state.community = null;
    showNode(id);
    network.selectNodes([id]);
    const near = [id, ...links.get(id).map((e) => (e.from === id ? e.to : e.from))];
    highlight(near);
    fitTo(near);
  }

  function selectCommunity(c) {
    clearHighlight(false);
    state.community = c;
    const members = raw.filter((n) => n.c === c).sort((a, b) => b.w - a.w);
    document.querySelectorAll(".kg-community").forEach((b) => b.setAttribute("aria-pressed", String(+b.dataset.community === c)));
    const body = $("kg-panel-body");
    body.replaceChildren(el("h2", `Community ${c}`),
      el("p", `${members.length} entities named together more among themselves than with the rest (Louvain)`, "kg-where"));
    const ul = el("ul");
    members.slice(0, 40).forEach((n) => { const li = el("li"); li.append(nameButton(n.id)); ul.append(li); });
    body.append(el("h3", "Members, strongest first"), ul);
    $("kg-panel").hidden = false;
    highlight(members.map((n) => n.id));
    fitTo(members.map((n) => n.id));
  }

  network.on("click", (p) => {
    if (p.nodes.length) select(p.nodes[0]);
    else if (p.edges.length) { clearHighlight(); network.selectEdges([p.edges[0]]); showEdge(p.edges[0]); }
    else clearHighlight();
  });
  $("kg-panel-close").addEventListener("click", () => clearHighlight());
  $("kg-clear").addEventListener("click", () => clearHighlight());
  $("kg-fit").addEventListener("click", () => { clearHighlight(); fit(); });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") clearHighlight(); });

  // --- the hover box: beside the pointer, never over the panel ------------------
  const hover = $("kg-hover");
  function showHover(text, pointer) {
    hover.textContent = text;
    hover.hidden = false;
    const main = $("kg-main").getBoundingClientRect(), net = $("kg-network").getBoundingClientRect();
    const panel = $("kg-panel");
    const limit = (panel.hidden ? net.right : panel.getBoundingClientRect().left) - main.left - 4;
    const w = hover.offsetWidth, h = hover.offsetHeight;
    const px = net.left - main.left + pointer.x, py = net.top - main.top + pointer.y;
    let left = px + 14;
    if (left + w > limit) left = px - 14 - w;
    left = Math.max(net.left - main.left + 2, Math.min(left, limit - w));
    let top = py + 14;
    if (top + h > main.height - 4) top = Math.max(2, py - 14 - h);
    hover.style.left = `${left}px`;
    hover.style.top = `${top}px`;
  }
  const hideHover = () => { hover.hidden = true; };
  network.on("hoverNode", (p) => showHover(nodeText(byId.get(p.node)), p.pointer.DOM));
  network.on("hoverEdge", (p) => showHover(edgeText(edgeById.get(p.edge)), p.pointer.DOM));
  network.on("blurNode", hideHover);
  network.on("blurEdge", hideHover);
  network.on("dragStart", hideHover);
  network.on("zoom", hideHover);

  // --- search ------------------------------------------------------------------
  const names = $("kg-names");
  const ranked = [...raw].sort((a, b) => b.w - a.w || b.m - a.m);
  for (const n of ranked) {
    const o = el("option");
    o.value = n.label;
    if (labelCount.get(n.label) > 1) o.label = `${n.t}${n.q ? ` · ${n.q}` : ""}`;
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
  function findLeftOut(q) {
    const list = meta.leftOutNames;
    return list.find((e) => e[0] === q) || list.find((e) => e.slice(2).includes(q)) || list.find((e) => e[0].includes(q));
  }
  function search() {
    const q = $("kg-search").value.trim();
    const status = $("kg-search-status");
    if (!q) { status.textContent = ""; return; }
    const hit = find(q);
    if (!hit) {
      const away = findLeftOut(q);
      status.textContent = away
        ? `${away[0]} (${away[1]}) is in the full graph but not on this page, which draws the ${meta.nodesShown} `
          + `strongest of ${meta.nodesTotal} entities: open graph.gexf beside this file (Gephi), or rebuild with `
          + "kg build --max-nodes 0 to draw them all."
        : `Nothing named “${q}” in this graph.`;
      return;
    }
    status.textContent = hit.label === q ? "" : `Found ${fullName(hit)}`;
    select(hit.id);
  }
  $("kg-search-form").addEventListener("submit", (ev) => { ev.preventDefault(); search(); });
  $("kg-search").addEventListener("input", (ev) => {
    if (!ev.inputType || ev.inputType === "insertReplacementText") search();  // picked from the list
  });

  // --- export --------------------------------------------------------------------
  function download(name, blob) {
    const a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
  // A cell a spreadsheet would run as a formula is kept as text.
  const cell = (v) => {
    const s = String(v);
    return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  };
  function exportCsv() {
    const ids = state.lit !== null ? [...state.lit].filter((id) => state.shown.has(id)) : [...state.shown];
    const rows = [["key", "name", "type", "place_or_body", "posts", "mentions", "articles", "link_weight", "community"]];
    for (const id of ids.sort()) {
      const n = byId.get(id);
      rows.push([n.id, n.label, n.t, n.q, n.po.map(([p, b]) => (b ? `${p} · ${b}` : p)).join("|"), n.m,
        n.dn.map((i) => articles[i][0]).join("|"), n.w, n.c]);
    }
    download(state.lit !== null ? "selection.csv" : "entities-shown.csv",
      new Blob(["\ufeff" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n"], { type: "text/csv" }));
  }
  function exportPng() {
    $("kg-network").querySelector("canvas").toBlob((blob) => download("graph.png", blob), "image/png");
  }
  function exportSvg() {
    const NS = "http://www.w3.org/2000/svg";
    const W = $("kg-network").clientWidth, H = $("kg-network").clientHeight;
    const svg = document.createElementNS(NS, "svg");
    const put = (tag, attrs, parent = svg) => {
      const e = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
      parent.append(e);
      return e;
    };
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("width", W);
    svg.setAttribute("height", H);
    put("rect", { width: W, height: H, fill: "#ffffff" });
    const pos = new Map(inView().map((p) => [p.n.id, p]));
    const scale = network.getScale(), at = network.getViewPosition();
    const dom = (n) => [(n.x - at.x) * scale + W / 2, (n.y - at.y) * scale + H / 2];
    for (const e of edgeView.get()) {
      const d = edgeById.get(e.id);
      if (!pos.has(d.from) && !pos.has(d.to)) continue;
      const [x1, y1] = dom(byId.get(d.from)), [x2, y2] = dom(byId.get(d.to));
      const style = kinds.get(d.k) || { colour: "#999", dashed: true };
      put("line", { x1, y1, x2, y2, stroke: dimmed(d.from) || dimmed(d.to) ? "#e4e4e4" : style.colour,
        "stroke-width": Math.min(6, 0.8 + 1.2 * Math.log2(d.w)) * Math.min(1, scale), "stroke-dasharray": style.dashed ? "4 4" : "none" });
    }
    for (const p of pos.values()) {
      put("circle", { cx: p.x, cy: p.y, r: p.r, fill: dimmed(p.n.id) ? "#e0e0e0" : colourOf(p.n), stroke: "rgba(0,0,0,0.35)" });
    }
    for (const p of placed) {
      const [x0, y0, x1, y1] = toDOM(p.box), px = p.px * scale;
      const t = put("text", { x: (x0 + x1) / 2, y: (y0 + y1) / 2, "font-size": px.toFixed(1), "font-family": FONT,
        "text-anchor": "middle", "dominant-baseline": "middle", fill: "#1a1a1a", stroke: "#ffffff",
        "stroke-width": (px * 0.28).toFixed(1), "paint-order": "stroke" });
      t.textContent = byId.get(p.id).label;
    }
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
    download("graph.svg", new Blob([text], { type: "image/svg+xml" }));
  }
  $("kg-export-csv").addEventListener("click", exportCsv);
  $("kg-export-png").addEventListener("click", exportPng);
  $("kg-export-svg").addEventListener("click", exportSvg);

  // --- header ------------------------------------------------------------------
  if (meta.leftOut > 0) {
    const cap = $("kg-cap");
    cap.textContent = `Showing the ${meta.nodesShown} strongest of ${meta.nodesTotal} nodes, kept per community; `
      + `${meta.leftOut} left out. graph.gexf beside this file holds all of them.`;
    cap.hidden = false;
  }
  buildTypeList();
  buildKindList();
  buildCommunityList();
  buildSources();

  // Read-only view for tests and curious readers in the console.
  window.kgView = Object.freeze({
    nodesTotal: raw.length,
    edgesTotal: rawEdges.length,
    visibleNodeIds: () => nodeView.getIds(),
    drawnNodeIds: () => Object.keys(network.getPositions()),
    visibleEdgeCount: () => edgeView.length,
    visibleEdgeIds: () => edgeView.getIds(),
    selectedNodeIds: () => network.getSelectedNodes(),
    focusedId: () => state.focus,
    litIds: () => (state.lit === null ? null : [...state.lit]),
    idOf: (name) => { const n = find(name); return n ? n.id : null; },
    namedIds: () => placed.map((p) => p.id),
    // Nodes in the free part of the view, as drawn (DOM pixels of the network box), and the names' boxes.
    inView: () => inView().map((p) => ({ id: p.n.id, x: p.x, y: p.y, r: p.r, dimmed: dimmed(p.n.id) })),
    labelBoxes: () => placed.map((p) => ({ id: p.id, box: toDOM(p.box) })),
    unnamedInView: () => [...unnamed],
    communityColours: () => Object.fromEntries(communityColour),
    positionOf: (id) => network.canvasToDOM(network.getPositions([id])[id]),
    firstFrameMs: () => firstFrame,
    scale: () => network.getScale(),
  });
}());
