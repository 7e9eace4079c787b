// Actor network: a small force-directed layout drawn in SVG, no library. Nodes are entities, edges go from actor
// to recipient, one per event type, width by number of events, colour by type. All labels are set as text.
(function () {
  "use strict";
  const SVG_NS = "http://www.w3.org/2000/svg";
  const MAX_NODES = 300;
  const svg = document.getElementById("graph");
  const form = document.getElementById("graph-filters");
  const status = document.getElementById("graph-status");
  const legend = document.getElementById("graph-legend");
  let palette = { types: {}, other: "#adb5bd" };

  function svgEl(tag, attrs, parent) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }
  const colour = (type) => palette.types[type] || palette.other;

  function query() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v && !(k === "min_weight" && v === "1")) params.set(k, v);
    return params;
  }

  // Start from the page's own query string, so a filtered graph can be linked to.
  function fillForm() {
    const params = new URLSearchParams(location.search);
    for (const el of form.elements) if (el.name && params.has(el.name)) el.value = params.get(el.name);
  }

  async function load() {
    const params = query();
    history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
    status.textContent = "…";
    const reply = await fetch("/api/graph?" + params);
    const body = await reply.json();
    if (!reply.ok) { status.textContent = "Error: " + (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)); return; }
    draw(body);
  }

  function layout(nodes, links, width, height) {
    // Fruchterman-Reingold: repulsion between all nodes, springs along links, a weak pull to the centre; then the
    // drawing is scaled to fit the view, so that nothing is ever pinned against an edge.
    const k = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.4;
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      n.x = width / 2 + (width / 4) * Math.cos(angle);
      n.y = height / 2 + (height / 4) * Math.sin(angle);
    });
    let temperature = width / 10;
    for (let step = 0; step < 300; step++) {
      nodes.forEach((n) => { n.dx = 0; n.dy = 0; });
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          const dx = a.x - b.x, dy = a.y - b.y;
          const d2 = Math.max(dx * dx + dy * dy, 0.01), force = (k * k) / d2;
          a.dx += dx * force; a.dy += dy * force; b.dx -= dx * force; b.dy -= dy * force;
        }
      }
      for (const link of links) {
        const dx = link.s.x - link.t.x, dy = link.s.y - link.t.y;
        const force = Math.sqrt(dx * dx + dy * dy) / k;
        link.s.dx -= dx * force; link.s.dy -= dy * force; link.t.dx += dx * force; link.t.dy += dy * force;
      }
      for (const n of nodes) {
        n.dx += (width / 2 - n.x) * 0.3; n.dy += (height / 2 - n.y) * 0.3;
        const d = Math.max(Math.sqrt(n.dx * n.dx + n.dy * n.dy), 0.01), move = Math.min(d, temperature);
        n.x += (n.dx / d) * move; n.y += (n.dy / d) * move;
      }
      temperature = Math.max(temperature * 0.98, 1);
    }
    const margin = 80;
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min((width - 2 * margin) / Math.max(x1 - x0, 1), (height - 2 * margin) / Math.max(y1 - y0, 1), 1.5);
    for (const n of nodes) {
      n.x = width / 2 + (n.x - (x0 + x1) / 2) * scale;
      n.y = height / 2 + (n.y - (y0 + y1) / 2) * scale;
    }
  }

  function draw(graph) {
    svg.replaceChildren();
    const strength = {};
    for (const e of graph.edges) {
      strength[e.source] = (strength[e.source] || 0) + e.weight;
      strength[e.target] = (strength[e.target] || 0) + e.weight;
    }
    let nodes = graph.nodes.slice().sort((a, b) => (strength[b.key] || 0) - (strength[a.key] || 0));
    const dropped = Math.max(nodes.length - MAX_NODES, 0);
    nodes = nodes.slice(0, MAX_NODES);
    const byKey = Object.fromEntries(nodes.map((n) => [n.key, n]));
    const edges = graph.edges.filter((e) => byKey[e.source] && byKey[e.target] && e.source !== e.target);
    const width = 1200, height = 800;
    const pairs = {};
    for (const e of edges) (pairs[e.source + "\u0000" + e.target] ||= { s: byKey[e.source], t: byKey[e.target] });
    layout(nodes, Object.values(pairs), width, height);
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);

    const defs = svgEl("defs", {}, svg);
    const used = [...new Set(edges.map((e) => e.type))];
    for (const type of used) {
      const marker = svgEl("marker", { id: "arrow-" + type, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6,
                                       markerHeight: 6, orient: "auto-start-reverse" }, defs);
      svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: colour(type) }, marker);
    }
    const radius = (n) => 5 + Math.sqrt(strength[n.key] || 1) * 2;
    const edgeLayer = svgEl("g", { class: "edges" }, svg);
    const parallel = {};
    for (const e of edges) {
      const s = byKey[e.source], t = byKey[e.target];
      const slot = (parallel[e.source + "\u0000" + e.target] = (parallel[e.source + "\u0000" + e.target] || 0) + 1) - 1;
      const dx = t.x - s.x, dy = t.y - s.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const off = slot * 4, ox = (-dy / d) * off, oy = (dx / d) * off, rt = radius(t) + 2;
      const line = svgEl("line", { x1: s.x + ox, y1: s.y + oy, x2: t.x - (dx / d) * rt + ox, y2: t.y - (dy / d) * rt + oy,
        stroke: colour(e.type), "stroke-width": Math.min(1 + Math.log2(e.weight) * 1.5, 10),
        "marker-end": `url(#arrow-${e.type})`, "data-type": e.type, "data-weight": e.weight }, edgeLayer);
      svgEl("title", {}, line).textContent = `${s.name_en || s.name} → ${t.name_en || t.name}: ${e.type} ×${e.weight}`;
    }
    const nodeLayer = svgEl("g", { class: "nodes" }, svg);
    for (const n of nodes) {
      const group = svgEl("g", { class: "node", transform: `translate(${n.x},${n.y})`, "data-key": n.key, tabindex: 0 }, nodeLayer);
      svgEl("circle", { r: radius(n) }, group);
      const label = svgEl("text", { x: radius(n) + 3, y: 4 }, group);
      label.textContent = n.name_en ? `${n.name} · ${n.name_en}` : n.name;
      svgEl("title", {}, group).textContent = [n.name, n.name_en, n.actor_code, n.country, n.key].filter(Boolean).join(" · ");
      const open = () => { location.href = "/entities/" + encodeURIComponent(n.key); };
      group.addEventListener("click", open);
      group.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
    }
    status.textContent = `${nodes.length} actors, ${edges.length} edges` + (dropped ? ` (${dropped} weaker actors not shown)` : "");
    svg.dataset.ready = "true";
  }

  function drawLegend() {
    legend.replaceChildren();
    for (const [type, hex] of Object.entries(palette.types).concat([["OTHER", palette.other]])) {
      const item = document.createElement("li");
      const swatch = document.createElement("i");
      swatch.style.background = hex;
      item.append(swatch, type);
      legend.appendChild(item);
    }
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  fetch("/static/event-types.json").then((r) => r.json()).then((data) => {
    palette = data;
    drawLegend();
    fillForm();
    load();
  });
})();
