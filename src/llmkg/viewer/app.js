/* llmkg explorer: the evolutionary tree, the graph, the timeline, a scatter, search and record
   cards, over the data inlined above. Every word, card and rule comes from the data: this file
   only draws. */
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("llmkg-data").textContent);
  const records = DATA.records;
  const byId = new Map(records.map((r) => [r.id, r]));
  const LINEAGE = new Set(DATA.lineage);
  const KIND_COLOURS = {
    model: "#2457c5", system: "#7c3aed", paper: "#d97706", dataset: "#0d9488",
    organization: "#6b7280", concept: "#db2777",
  };
  const OPENNESS_COLOURS = { closed: "#c2410c", "open-weights": "#2457c5", "open-source": "#15803d" };
  const BAND_COLOURS = {
    decoder: "#eef2fb", "encoder-decoder": "#eef7f1", encoder: "#fbf0f5", recurrent: "#f6f2fb", early: "#f3f4f6",
  };
  const HEADING_COLOURS = {
    decoder: "#2a4a8c", "encoder-decoder": "#1f6b45", encoder: "#8c2a5b", recurrent: "#5b3f8c", early: "#4b5160",
  };
  const OPENNESS = ["closed", "open-weights", "open-source"];
  const NOTABILITY = ["landmark", "major", "minor"];
  const VIEWS = ["tree", "graph", "timeline", "scatter"];

  let lang = DATA.lang === "ko" ? "ko" : "en";
  let view = "tree";
  let selected = null;
  let treeMode = "compact";
  let cyTree = null;
  let cyGraph = null;
  let measureName = "parameters";

  // --- words and names ------------------------------------------------------------------------

  function w(text, values) {
    let said = lang === "ko" ? DATA.words[text] || text : text;
    for (const [key, value] of Object.entries(values || {})) said = said.split("{" + key + "}").join(String(value));
    return said;
  }
  function label(record) {
    return (lang === "ko" && record.ko) || record.name;
  }
  function nameOf(id) {
    const record = byId.get(id);
    if (record) return label(record);
    const outside = DATA.outside[id];
    return outside ? (lang === "ko" && outside[1]) || outside[0] : id;
  }
  function year(record) {
    return record.date ? parseInt(record.date.slice(0, 4), 10) : null;
  }
  function fractionalYear(date) {
    // The middle of what the date names, as charts/evolution.py reads it.
    const [y, m, d] = date.split("-").map((part) => parseInt(part, 10));
    const first = new Date(Date.UTC(y, m ? m - 1 : 0, d || 1));
    const last = d ? first : new Date(Date.UTC(y, m ? m : 12, 0));
    const start = Date.UTC(y, 0, 1);
    const days = (Date.UTC(y + 1, 0, 1) - start) / 864e5;
    return y + ((first - start) / 864e5 + (last - first) / 864e5 / 2) / days;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }
  function recordLink(id, text) {
    const known = byId.has(id);
    return el(known ? "a" : "span", { href: known ? "#" + encodeURIComponent(id) : null, text: text || nameOf(id) });
  }
  function sourceLink(href, text) {
    return el("a", { href, rel: "noopener noreferrer", target: "_blank", text });
  }

  // --- lineage --------------------------------------------------------------------------------

  const lineageOut = new Map();
  const lineageIn = new Map();
  for (const [source, target, relation] of DATA.edges) {
    if (!LINEAGE.has(relation)) continue;
    if (!lineageOut.has(source)) lineageOut.set(source, []);
    if (!lineageIn.has(target)) lineageIn.set(target, []);
    lineageOut.get(source).push(target);
    lineageIn.get(target).push(source);
  }
  function closure(start, links) {
    const seen = new Set();
    const todo = [start];
    while (todo.length) {
      for (const next of links.get(todo.pop()) || []) {
        if (!seen.has(next) && next !== start) {
          seen.add(next);
          todo.push(next);
        }
      }
    }
    return seen;
  }

  // --- search: the rules of llmkg search (questions/search.py), step for step -----------------

  const FILLER = new Set(DATA.search.filler);
  const GENERIC = new Set(DATA.search.generic);
  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\+/g, "plus").replace(/[^\p{L}\p{N}]/gu, "");
  }
  function words(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\+/g, " plus ").match(/[\p{L}\p{N}]+/gu) || [];
  }
  function weighted(query) {
    const unique = [...new Set(words(query))];
    const pairs = unique.map((word) => [word, FILLER.has(word) ? 0 : GENERIC.has(word) ? DATA.search.generic_weight : 1]);
    return pairs.some(([, weight]) => weight) ? pairs : unique.map((word) => [word, 1]);
  }
  function labelParts(text) {
    const at = text.indexOf("(");
    if (at < 0) return [text];
    const head = text.slice(0, at);
    const rest = text.slice(at + 1);
    if (!rest.endsWith(")") || !head.trim()) return [text];
    return [text, head.trim(), rest.slice(0, -1).trim()];
  }
  function ratio(a, b) {
    const x = Array.from(a);
    const y = Array.from(b);
    const total = x.length + y.length;
    if (!total) return 100;
    let previous = new Array(y.length + 1).fill(0);
    for (let i = 1; i <= x.length; i++) {
      const current = [0];
      for (let j = 1; j <= y.length; j++) {
        current[j] = x[i - 1] === y[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      }
      previous = current;
    }
    return (100 * (2 * previous[y.length])) / total;
  }
  function quality(word, token) {
    const length = Array.from(word).length;
    if (token === word || (length >= 3 && token.startsWith(word))) return 1;
    if (length >= 5) {
      const similar = ratio(word, token);
      if (similar >= 85) return similar / 100;
    }
    return 0;
  }
  function isDigit(ch) {
    return /\p{N}/u.test(ch);
  }
  function nameScore(query, key, terms, name) {
    const nameKey = normalize(name);
    if (nameKey === key) return 100;
    if (labelParts(name).some((part) => normalize(part) === key)) return 98;
    let score = 0;
    const keyChars = Array.from(key);
    const nameChars = Array.from(nameKey);
    if (keyChars.length >= 3 && nameKey.startsWith(key) &&
        !(isDigit(keyChars[keyChars.length - 1]) && isDigit(nameChars[keyChars.length]))) {
      score = Math.max(score, 92 + (5 * keyChars.length) / nameChars.length);
    }
    const similar = ratio(words(query).join(" "), words(name).join(" "));
    if (similar >= 80) score = Math.max(score, 70 + ((similar - 80) * 27) / 20);
    const total = terms.reduce((sum, [, weight]) => sum + weight, 0);
    const tokens = words(name);
    if (total > 0 && tokens.length) {
      const matched = terms.reduce((sum, [word, weight]) =>
        sum + (weight ? weight * Math.max(...tokens.map((token) => quality(word, token))) : 0), 0);
      const coverage = matched / total;
      const hit = tokens.filter((token) => terms.some(([word, weight]) => weight && quality(word, token))).length;
      const precision = hit / tokens.length;
      if (coverage >= 1) score = Math.max(score, 88 + 8 * precision);
      else if (coverage >= 0.34) score = Math.max(score, 70 + 18 * coverage * (0.5 + 0.5 * precision));
    }
    return Math.min(score, 97);
  }
  function summaryScore(terms, text) {
    const total = terms.reduce((sum, [, weight]) => sum + weight, 0);
    if (total <= 0) return 0;
    const folded = text.normalize("NFKC").toLowerCase();
    const compact = folded.replace(/\s+/g, "");
    const found = terms.reduce((sum, [word, weight]) =>
      sum + (weight && (folded.includes(word) || compact.includes(word)) ? weight : 0), 0);
    return found ? 40 + (25 * found) / total : 0;
  }
  function rounded(score) {
    return Math.floor(score + 0.5);
  }
  function prominence(record) {
    return { landmark: 0, major: 1, minor: 2 }[record.notability] ?? 3;
  }
  const NAMES = records.map((r) => [r.id, [...new Set([r.id, r.name, ...r.aliases, ...(r.ko ? [r.ko] : []), ...r.checkpoints])]]);
  function search(query, limit) {
    query = query.trim();
    if (!query) return [];
    const key = normalize(query);
    const terms = weighted(query);
    const best = new Map();
    for (const [id, names] of NAMES) {
      for (const name of names) {
        const score = nameScore(query, key, terms, name);
        if (score >= 70 && score > (best.get(id) || 0)) best.set(id, score);
      }
    }
    const byName = new Set(best.keys());
    if (best.size < limit) {
      for (const record of records) {
        if (byName.has(record.id)) continue;
        const text = (record.summary.en || "") + " " + (record.summary.ko || "");
        const score = summaryScore(terms, text);
        if (score) best.set(record.id, score);
      }
    }
    return [...best.entries()]
      .sort((x, y) => rounded(y[1]) - rounded(x[1]) || prominence(byId.get(x[0])) - prominence(byId.get(y[0])) ||
        (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, limit)
      .map(([id, score]) => ({ record: byId.get(id), score: rounded(score), match: byName.has(id) ? "name" : "summary" }));
  }
  window.llmkgSearch = (query, limit) => search(query, limit || 10).map((hit) => [hit.record.id, hit.score]);

  const searchInput = document.getElementById("search");
  const resultList = document.getElementById("results");
  function showResults() {
    const hits = search(searchInput.value, 12);
    resultList.replaceChildren();
    if (!searchInput.value.trim()) {
      resultList.hidden = true;
      return;
    }
    if (!hits.length) resultList.append(el("li", { class: "meta", text: w("No match") }));
    for (const { record } of hits) {
      const detail = [w(record.kind), record.date].filter(Boolean).join(" · ");
      resultList.append(el("li", {}, recordLink(record.id), " ", el("span", { class: "meta", text: detail })));
    }
    const first = resultList.querySelector("li");
    if (first && hits.length) first.classList.add("active");
    resultList.hidden = false;
  }
  let searchTimer = 0;
  searchInput.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(showResults, 60);
  });
  searchInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      showResults();
      const link = resultList.querySelector("li.active a");
      if (link) location.hash = link.getAttribute("href");
    } else if (event.key === "Escape") {
      resultList.hidden = true;
    }
  });
  resultList.addEventListener("click", (event) => {
    if (event.target.closest("a")) resultList.hidden = true;
  });

  // --- filters --------------------------------------------------------------------------------

  const dated = records.filter((r) => r.date);
  const years = dated.map(year);
  const minYear = years.length ? Math.min(...years) : 2000;
  const maxYear = years.length ? Math.max(...years) : 2000;
  const filters = {
    from: minYear, to: maxYear, kinds: new Set(DATA.kinds), openness: new Set([...OPENNESS, "none"]),
    notability: new Set(["landmark", "major", "minor", "none"]), org: "",
  };
  const orgCounts = new Map();
  for (const record of records) {
    for (const org of record.organizations) orgCounts.set(org, (orgCounts.get(org) || 0) + 1);
  }
  const orgs = [...orgCounts.keys()].sort((a, b) => orgCounts.get(b) - orgCounts.get(a) || (a < b ? -1 : 1));

  function passes(record) {
    const y = year(record);
    if (!filters.kinds.has(record.kind)) return false;
    if (y !== null && (y < filters.from || y > filters.to)) return false;
    if (filters.org && record.id !== filters.org && !record.organizations.includes(filters.org)) return false;
    if (!filters.openness.has(record.openness || "none")) return false;
    return filters.notability.has(record.notability || "none");
  }
  function checkGroup(container, title, values, chosen) {
    const box = el("fieldset", {}, el("legend", { text: w(title) }));
    for (const value of values) {
      const input = el("input", { type: "checkbox", value, checked: chosen.has(value) });
      input.addEventListener("change", () => {
        if (input.checked) chosen.add(value);
        else chosen.delete(value);
        if (value === "minor") setTreeMode(input.checked && treeWanted() ? "full" : "compact");
        applyFilters();
      });
      box.append(el("label", {}, input, " ", value === "none" ? w("Not set") : w(value)));
    }
    container.replaceChildren(box);
  }
  function buildFilters() {
    const yearBox = document.getElementById("years");
    const from = el("input", { type: "range", id: "year-from", min: minYear, max: maxYear, value: filters.from });
    const to = el("input", { type: "range", id: "year-to", min: minYear, max: maxYear, value: filters.to });
    const fromText = el("output", { for: "year-from", text: filters.from });
    const toText = el("output", { for: "year-to", text: filters.to });
    const onYears = () => {
      filters.from = Math.min(+from.value, +to.value);
      filters.to = Math.max(+from.value, +to.value);
      fromText.textContent = filters.from;
      toText.textContent = filters.to;
      applyFilters();
    };
    from.addEventListener("input", onYears);
    to.addEventListener("input", onYears);
    yearBox.replaceChildren(
      el("fieldset", {}, el("legend", { text: w("Year") }),
        el("label", { for: "year-from", text: w("From") }), from, fromText,
        el("label", { for: "year-to", text: w("To") }), to, toText),
    );
    checkGroup(document.getElementById("filter-kind"), "Kind", DATA.kinds, filters.kinds);
    checkGroup(document.getElementById("filter-openness"), "Openness", [...OPENNESS, "none"], filters.openness);
    checkGroup(document.getElementById("filter-notability"), "Notability", [...NOTABILITY, "none"], filters.notability);
    const select = el("select", { id: "org" }, el("option", { value: "", text: w("All") }));
    for (const org of orgs) {
      select.append(el("option", { value: org, selected: org === filters.org, text: `${nameOf(org)} (${orgCounts.get(org)})` }));
    }
    select.addEventListener("change", () => {
      filters.org = select.value;
      applyFilters();
    });
    document.getElementById("filter-org").replaceChildren(el("label", { for: "org", text: w("Organization") + " " }), select);
  }
  function treeWanted() {
    return filters.notability.has("minor");
  }
  function applyFilters() {
    const visible = new Set(records.filter(passes).map((r) => r.id));
    document.getElementById("shown").textContent = `${visible.size} ${w("records shown")}`;
    for (const cy of [cyTree, cyGraph]) {
      if (!cy) continue;
      cy.batch(() => {
        cy.nodes("[record]").forEach((node) => {
          // Only nodes that change: restyling all of them costs more than the check.
          const hide = !visible.has(node.id());
          if (node.hasClass("filtered") !== hide) node.toggleClass("filtered", hide);
        });
      });
    }
    if (view === "timeline") drawTimeline(visible);
    if (view === "scatter") drawScatter(visible);
  }

  // --- cytoscape: the tree and the graph ------------------------------------------------------

  // The page's own fonts (app.css), the inline Hangul font last: canvas labels do not inherit them.
  const FONTS = getComputedStyle(document.documentElement).fontFamily;
  const BASE_STYLE = [
    { selector: "node", style: { width: 8, height: 8, "background-color": "#888", "border-width": 0, label: "",
      "font-size": 11, "font-family": FONTS, color: "#1f2430", "min-zoomed-font-size": 6 } },
    { selector: "node.landmark", style: { "font-weight": "bold" } },
    { selector: "edge", style: { width: 0.6, "line-color": "#e1e3e8", "curve-style": "haystack" } },
    { selector: "edge.lineage", style: { width: 1.2, "line-color": "#8b93a5" } },
    { selector: "edge.uncertain", style: { "line-style": "dashed" } },
    { selector: ".faded", style: { opacity: 0.12 } },
    { selector: "node.filtered", style: { display: "none" } },
    { selector: "node.ancestor", style: { "border-width": 3, "border-color": "#c2410c" } },
    { selector: "node.descendant", style: { "border-width": 3, "border-color": "#15803d" } },
    { selector: "node.chosen", style: { "border-width": 4, "border-color": "#111", "font-weight": "bold", "z-index": 10,
      "text-outline-color": "#fff", "text-outline-width": 2 } },
    { selector: "edge.family", style: { opacity: 0.95, width: 2.2, "line-color": "#4a5568" } },
  ];

  function treeElements() {
    const layout = DATA.tree[treeMode];
    const elements = [];
    const width = layout.width;
    for (const [key, top, bottom] of layout.trunks) {
      elements.push({ group: "nodes", data: { id: "band:" + key, trunk: key, w: width + 40, h: bottom - top },
        position: { x: width / 2, y: (top + bottom) / 2 - layout.row / 2 }, classes: "decor band" });
      elements.push({ group: "nodes", data: { id: "head:" + key, trunk: key, label: w(DATA.tree.trunks[key]) },
        position: { x: 0, y: top }, classes: "decor heading" });
    }
    for (const [text, start, end] of layout.columns) {
      elements.push({ group: "nodes", data: { id: "year:" + text, label: text }, position: { x: (start + end) / 2, y: -layout.row * 1.5 },
        classes: "decor year" });
      elements.push({ group: "nodes", data: { id: "rule:" + text, w: 1, h: layout.height + layout.row },
        position: { x: start, y: layout.height / 2 - layout.row }, classes: "decor rule" });
    }
    for (const [id, [x, y, folded, parent, evidence]] of Object.entries(layout.nodes)) {
      const record = byId.get(id);
      const text = label(record) + (folded ? ` +${folded}` : "");
      elements.push({ group: "nodes", data: { id, record: true, label: text, openness: record.openness || "closed" },
        position: { x, y }, classes: record.notability || "minor" });
      if (parent && layout.nodes[parent]) {
        elements.push({ group: "edges", data: { id: "t:" + id, source: parent, target: id },
          classes: "lineage" + (evidence === "reported" || evidence === "inferred" ? " uncertain" : "") });
      }
    }
    return elements;
  }
  function buildTree() {
    const style = [
      ...BASE_STYLE,
      { selector: "node[record]", style: { label: "data(label)", "text-halign": "right", "text-valign": "center",
        "text-margin-x": 3, width: 7, height: 7 } },
      { selector: "node.landmark", style: { width: 9, height: 9, "font-size": 12 } },
      { selector: "node.minor", style: { "min-zoomed-font-size": 13, "background-opacity": 0.8 } },
      { selector: "edge.lineage", style: { "curve-style": "taxi", "taxi-direction": "horizontal", "taxi-turn": "50%",
        "line-color": "#a3aab8", width: 1 } },
      { selector: ".decor", style: { events: "no", "z-index": 0, "z-index-compare": "manual", "min-zoomed-font-size": 0 } },
      { selector: ".band", style: { shape: "rectangle", width: "data(w)", height: "data(h)", "border-width": 0 } },
      { selector: ".rule", style: { shape: "rectangle", width: 1, height: "data(h)", "background-color": "#ffffff" } },
      { selector: ".heading", style: { width: 1, height: 1, "background-opacity": 0, label: "data(label)", "font-weight": "bold",
        "text-halign": "right", "text-valign": "center", "font-size": 12 } },
      { selector: ".year", style: { width: 1, height: 1, "background-opacity": 0, label: "data(label)", color: "#5f6675",
        "text-halign": "center", "text-valign": "center", "font-size": 11 } },
    ];
    for (const [openness, colour] of Object.entries(OPENNESS_COLOURS)) {
      style.push({ selector: `node[openness="${openness}"]`, style: { "background-color": colour } });
    }
    for (const [trunk, colour] of Object.entries(BAND_COLOURS)) {
      style.push({ selector: `.band[trunk="${trunk}"]`, style: { "background-color": colour } });
      style.push({ selector: `.heading[trunk="${trunk}"]`, style: { color: HEADING_COLOURS[trunk] } });
    }
    cyTree = cytoscape({
      container: document.getElementById("tree"), elements: treeElements(), style,
      layout: { name: "preset", fit: false }, minZoom: 0.05, maxZoom: 4, textureOnViewport: false,
      hideEdgesOnViewport: false, motionBlur: false, pixelRatio: 1,
    });
    fitTree();
    // A canvas draws with the fonts loaded when it draws: draw again once the inline font is in.
    document.fonts.ready.then(() => { for (const cy of [cyTree, cyGraph]) if (cy) cy.style().update(); });
    cyTree.on("tap", "node[record]", (event) => { location.hash = encodeURIComponent(event.target.id()); });
    listTreeLabels();
  }
  function fitTree() {
    const layout = DATA.tree[treeMode];
    const [left, right, top, bottom] = [-20, layout.width + 60, -layout.row * 2.5, layout.height];
    const zoom = Math.min(cyTree.width() / (right - left), cyTree.height() / (bottom - top), 1.5);
    cyTree.viewport({ zoom, pan: { x: cyTree.width() / 2 - (zoom * (left + right)) / 2, y: 8 - zoom * top } });
  }
  function setTreeMode(mode) {
    if (mode === treeMode || !cyTree) {
      treeMode = mode;
      return;
    }
    treeMode = mode;
    cyTree.batch(() => {
      cyTree.elements().remove();
      cyTree.add(treeElements());
    });
    fitTree();
    listTreeLabels();
    highlight(selected);
  }
  function listTreeLabels() {
    // The tree as text, for screen readers: its landmark and major models in order of time.
    const list = document.getElementById("tree-labels");
    const shown = Object.keys(DATA.tree.compact.nodes).map((id) => byId.get(id))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    list.replaceChildren(...shown.map((record) => el("li", {}, recordLink(record.id), " ", record.date)));
  }
  function buildGraph() {
    const elements = [];
    for (const record of records) {
      const [x, y] = DATA.network[record.id] || [0, 0];
      elements.push({ group: "nodes", data: { id: record.id, record: true, label: label(record), kind: record.kind,
        size: nodeSize(record) }, position: { x, y }, classes: record.notability === "landmark" ? "landmark" : "" });
    }
    DATA.edges.forEach(([source, target, relation, evidence], i) => {
      const lineage = LINEAGE.has(relation);
      const classes = lineage ? (evidence && evidence !== "stated" ? "lineage uncertain" : "lineage") : "other";
      elements.push({ group: "edges", data: { id: "e" + i, source, target, relation }, classes });
    });
    const style = [
      ...BASE_STYLE,
      { selector: "node", style: { width: "data(size)", height: "data(size)", "text-valign": "bottom", "text-margin-y": 2 } },
      { selector: "node.landmark, node.chosen, node.ancestor, node.descendant", style: { label: "data(label)" } },
    ];
    for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
      style.push({ selector: `node[kind="${kind}"]`, style: { "background-color": colour } });
    }
    cyGraph = cytoscape({
      container: document.getElementById("graph"), elements, style, layout: { name: "preset", fit: false },
      minZoom: 0.02, maxZoom: 4, textureOnViewport: true, hideEdgesOnViewport: true, motionBlur: false, pixelRatio: 1,
    });
    const xs = Object.values(DATA.network).map((p) => p[0]);
    const ys = Object.values(DATA.network).map((p) => p[1]);
    if (xs.length) {
      const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const zoom = Math.min(cyGraph.width() / (right - left + 80), cyGraph.height() / (bottom - top + 80), 1.5);
      cyGraph.viewport({ zoom, pan: { x: cyGraph.width() / 2 - (zoom * (left + right)) / 2, y: cyGraph.height() / 2 - (zoom * (top + bottom)) / 2 } });
    }
    cyGraph.on("tap", "node", (event) => { location.hash = encodeURIComponent(event.target.id()); });
    applyFilters();
  }
  function nodeSize(record) {
    if (record.parameters) return Math.max(10, Math.min(60, 10 + 7 * (Math.log10(record.parameters) - 6)));
    return record.kind === "organization" || record.kind === "concept" ? 14 : 10;
  }
  function buildLegend() {
    const legend = document.getElementById("legend");
    legend.replaceChildren();
    const colours = view === "graph" ? KIND_COLOURS : OPENNESS_COLOURS;
    for (const [name, colour] of Object.entries(colours)) {
      legend.append(el("span", {}, el("i", { style: `background:${colour}` }), w(name)));
    }
    legend.append(el("br"), el("span", {}, el("b"), w("lineage (stated)")),
      el("span", {}, el("b", { class: "dashed" }), w("lineage (reported or inferred)")));
    if (view === "graph") legend.append(el("span", {}, el("b", { class: "light" }), w("other relation")), el("span", { text: w("size: parameters") }));
    else legend.append(el("span", { text: "+N: " + w("minor descendants not drawn") }));
  }
  function highlight(id) {
    for (const cy of [cyTree, cyGraph]) {
      if (!cy) continue;
      cy.batch(() => {
        cy.$(".faded, .chosen, .ancestor, .descendant, .family").removeClass("faded chosen ancestor descendant family");
        if (!id || !byId.has(id)) return;
        const ancestors = closure(id, lineageOut);
        const descendants = closure(id, lineageIn);
        const family = new Set([id, ...ancestors, ...descendants]);
        cy.nodes("[record]").forEach((node) => {
          const nid = node.id();
          if (nid === id) node.addClass("chosen");
          else if (ancestors.has(nid)) node.addClass("ancestor");
          else if (descendants.has(nid)) node.addClass("descendant");
          else node.addClass("faded");
        });
        cy.edges().forEach((edge) => {
          const inFamily = family.has(edge.data("source")) && family.has(edge.data("target"));
          edge.addClass(inFamily && edge.hasClass("lineage") ? "family" : "faded");
        });
      });
    }
    const cy = view === "graph" ? cyGraph : view === "tree" ? cyTree : null;
    if (!cy || !id) return;
    const node = cy.getElementById(id);
    if (node.nonempty()) {
      const near = view === "graph" ? node.closedNeighborhood().nodes().filter((n) => !n.hasClass("filtered")) : node;
      cy.fit(near.length > 1 ? near : node, 80);
      if (cy.zoom() > 1.5) cy.zoom({ level: 1.5, position: node.position() });
    }
  }

  // --- timeline -------------------------------------------------------------------------------

  function drawTimeline(visible) {
    const box = document.getElementById("timeline");
    const chosen = dated.filter((r) => visible.has(r.id)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const family = selected && byId.has(selected)
      ? new Set([...closure(selected, lineageOut), ...closure(selected, lineageIn)]) : new Set();
    const perYear = new Map();
    for (const record of chosen) {
      const y = year(record);
      if (!perYear.has(y)) perYear.set(y, []);
      perYear.get(y).push(record);
    }
    const most = Math.max(1, ...[...perYear.values()].map((list) => list.length));
    const axis = el("div", { class: "axis", "aria-hidden": "true" });
    for (let y = filters.from; y <= filters.to; y++) {
      const n = (perYear.get(y) || []).length;
      axis.append(el("a", { href: n ? "#year-" + y : null, title: `${y}: ${n}`, style: `height:${(100 * n) / most}%` }));
    }
    const parts = [axis];
    for (const [y, list] of perYear) {
      const items = el("ul");
      for (const record of list) {
        const classes = [record.id === selected ? "chosen" : "", family.has(record.id) ? "family" : ""].join(" ").trim();
        const orgText = record.organizations.map(nameOf).join(", ");
        items.append(el("li", { class: classes || null },
          el("time", { datetime: record.date, text: record.date }),
          el("span", { class: "dot", style: `background:${KIND_COLOURS[record.kind]}`, title: w(record.kind) }),
          recordLink(record.id), orgText ? el("span", { class: "meta", text: " " + orgText }) : null));
      }
      parts.push(el("h3", { id: "year-" + y, text: `${y} (${list.length})` }), items);
    }
    box.replaceChildren(...parts);
  }

  // --- scatter: a measure over time, on a log scale -------------------------------------------

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attributes, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    for (const child of children) node.append(child instanceof Node ? child : String(child));
    return node;
  }
  function drawScatter(visible) {
    const box = document.getElementById("scatter");
    const measureKey = measureName === "compute" ? "compute" : "parameters";
    const points = records.filter((r) => r.kind === "model" && r.date && r[measureKey] && visible.has(r.id))
      .map((r) => ({ record: r, x: fractionalYear(r.date), y: Math.log10(r[measureKey]),
        estimated: measureKey === "compute" ? r.compute_estimated : r.parameters_estimated }));
    const choose = el("select", { id: "measure" },
      el("option", { value: "parameters", selected: measureKey === "parameters", text: w("Parameters over time") }),
      el("option", { value: "compute", selected: measureKey === "compute", text: w("Training compute over time") }));
    choose.addEventListener("change", () => { measureName = choose.value; drawScatter(new Set(records.filter(passes).map((r) => r.id))); });
    const width = Math.max(600, box.clientWidth - 40);
    const height = Math.max(360, box.clientHeight - 64);
    const margin = { left: 56, right: 16, top: 12, bottom: 36 };
    if (!points.length) {
      box.replaceChildren(choose, el("p", { class: "meta", text: w("No match") }));
      return;
    }
    // The axis starts where all but the earliest 2 % of the models are, as the charts do.
    const xsSorted = points.map((p) => p.x).sort((a, b) => a - b);
    const start = Math.floor(xsSorted[Math.min(Math.floor(xsSorted.length * 0.02), xsSorted.length - 1)]);
    const end = Math.floor(xsSorted[xsSorted.length - 1]) + 1;
    const lowY = Math.floor(Math.min(...points.map((p) => p.y)));
    const highY = Math.ceil(Math.max(...points.map((p) => p.y)));
    const early = points.filter((p) => p.x < start).sort((a, b) => a.x - b.x);
    const strip = early.length ? 0.08 * (width - margin.left - margin.right) : 0;
    const plotLeft = margin.left + strip;
    const sx = (x) => plotLeft + ((x - start) / (end - start)) * (width - plotLeft - margin.right);
    const sy = (y) => margin.top + ((highY - y) / Math.max(highY - lowY, 1)) * (height - margin.top - margin.bottom);
    const chart = svg("svg", { width, height, role: "img", "aria-label": w(measureKey === "compute" ? "Training compute over time" : "Parameters over time") });
    for (let e = lowY; e <= highY; e++) {
      chart.append(svg("line", { x1: margin.left, x2: width - margin.right, y1: sy(e), y2: sy(e), class: "grid" }),
        svg("text", { x: margin.left - 6, y: sy(e) + 4, "text-anchor": "end", class: "tick" }, `1e${e}`));
    }
    for (let y = start; y <= end; y++) {
      chart.append(svg("line", { x1: sx(y), x2: sx(y), y1: margin.top, y2: height - margin.bottom, class: "grid" }),
        svg("text", { x: sx(y), y: height - margin.bottom + 16, "text-anchor": "middle", class: "tick" }, String(y)));
    }
    if (early.length) {
      chart.append(svg("text", { x: margin.left + strip / 2, y: height - margin.bottom + 16, "text-anchor": "middle", class: "tick" },
        `${Math.floor(early[0].x)}–${String(Math.floor(early[early.length - 1].x) % 100).padStart(2, "0")}`));
    }
    early.forEach((point, index) => { point.sxValue = margin.left + (strip * (index + 0.5)) / early.length; });
    const tooltip = document.getElementById("tooltip");
    for (const point of points) {
      const colour = OPENNESS_COLOURS[point.record.openness] || "#6b7280";
      const cx = point.sxValue ?? sx(point.x);
      const dot = svg("circle", { cx, cy: sy(point.y), r: point.record.notability === "landmark" ? 5 : 3.5,
        fill: point.estimated ? "none" : colour, stroke: colour, "stroke-width": 1.2, "data-id": point.record.id,
        class: point.record.id === selected ? "dot chosen" : "dot" }, svg("title", {}, label(point.record)));
      dot.addEventListener("mouseenter", () => {
        tooltip.textContent = `${label(point.record)} · ${point.record.date} · ${w(point.record.openness || "closed")}`;
        tooltip.style.left = `${cx + 12}px`;
        tooltip.style.top = `${sy(point.y) + 40}px`;
        tooltip.hidden = false;
        renderCard(point.record.id);
      });
      dot.addEventListener("mouseleave", () => { tooltip.hidden = true; renderCard(selected); });
      dot.addEventListener("click", () => { location.hash = encodeURIComponent(point.record.id); });
      chart.append(dot);
    }
    box.replaceChildren(choose, chart);
  }

  // --- the record card: the pieces `llmkg show` draws (questions/card.py) ---------------------

  function heading(field) {
    return w(DATA.fields[field] || field);
  }
  function piece(part) {
    if ("word" in part) return part.relation ? el("span", { class: "relation", "data-relation": part.relation, text: w(part.word, part.values) }) : w(part.word, part.values);
    if ("field" in part) return heading(part.field);
    if ("chain" in part) return chainLinks(part.chain);
    if ("record" in part) return recordLink(part.record, (lang === "ko" && part.ko) || part.en);
    if ("url" in part) return sourceLink(part.url, part.text);
    if ("text" in part) return part.text;
    const text = (lang === "ko" && part.ko) || part.en || "";
    return el("span", { lang: lang === "ko" && part.ko ? "ko" : "en", text });
  }
  const INHERITED = new Set(DATA.inherited);
  function chainLinks(id) {
    // The models whose licences the verdict comes from: what it was fine-tuned, distilled or derived from.
    const upstream = [];
    const seen = new Set([id]);
    const todo = [id];
    while (todo.length) {
      const node = todo.shift();
      for (const [source, target, relation] of DATA.edges) {
        if (source === node && INHERITED.has(relation) && !seen.has(target)) {
          seen.add(target);
          upstream.push(target);
          todo.push(target);
        }
      }
    }
    const span = el("span", { class: "chain" });
    if (!upstream.length) span.append(w("no upstream model"));
    upstream.forEach((target, i) => span.append(i ? ", " : "", recordLink(target)));
    return span;
  }
  function familyList(title, ids, className) {
    if (!ids.size) return [];
    const sorted = [...ids].sort((a, b) => ((byId.get(a) || {}).date || "").localeCompare((byId.get(b) || {}).date || ""));
    const list = el("ul", { class: className });
    for (const id of sorted) {
      const date = (byId.get(id) || {}).date;
      list.append(el("li", {}, recordLink(id), date ? el("span", { class: "meta", text: " " + date }) : null));
    }
    return [el("h3", { text: `${w(title)} (${ids.size})` }), list];
  }
  function renderCard(id) {
    const card = document.getElementById("card");
    const record = id && byId.get(id);
    if (!record) {
      card.replaceChildren(el("p", { class: "meta", text: w("Select a record in the graph, the timeline or the search.") }));
      return;
    }
    const parts = [
      el("h2", { id: "card-title", text: label(record) }),
      el("p", { class: "meta", text: [w(record.kind), record.date].filter(Boolean).join(" · ") }),
    ];
    const list = el("dl");
    const lists = { relations: el("ul", { class: "relations" }), sources: el("ul", { class: "sources" }) };
    for (const [field, pieces] of record.card) {
      const shown = pieces.map(piece);
      if (field in lists) lists[field].append(el("li", { "data-field": field }, ...shown));
      else list.append(el("dt", { text: heading(field) }), el("dd", { "data-field": field }, ...shown));
    }
    parts.push(list);
    if (lists.relations.childElementCount) parts.push(el("h3", { text: heading("relations") }), lists.relations);
    parts.push(...familyList("Ancestors", closure(record.id, lineageOut), "ancestors"));
    parts.push(...familyList("Descendants", closure(record.id, lineageIn), "descendants"));
    if (lists.sources.childElementCount) parts.push(el("h3", { text: heading("sources") }), lists.sources);
    card.replaceChildren(el("article", { "aria-labelledby": "card-title", "data-id": record.id }, ...parts));
  }

  // --- language, views and the address ---------------------------------------------------------

  function setAddress() {
    const url = new URL(location.href);
    if (lang === "en") url.searchParams.delete("lang");
    else url.searchParams.set("lang", lang);
    if (view === "tree") url.searchParams.delete("view");
    else url.searchParams.set("view", view);
    try {
      history.replaceState(null, "", url.href);
    } catch (error) {
      // Some browsers refuse to rewrite file:// addresses; the page still works without it.
    }
  }
  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = "llmkg — " + w("History of language models");
    document.getElementById("title").textContent = w("History of language models");
    document.getElementById("search-label").textContent = w("Search");
    searchInput.placeholder = w("Search names, aliases, Korean labels");
    for (const name of VIEWS) document.getElementById("tab-" + name).textContent = w(name[0].toUpperCase() + name.slice(1));
    document.getElementById("filters-title").textContent = w("Filters");
    document.getElementById("tree-title").textContent = w("Landmark and major models of the tree");
    for (const button of document.querySelectorAll("#langs button")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
    }
    buildFilters();
    buildLegend();
    if (cyTree) {
      cyTree.batch(() => {
        cyTree.nodes("[record]").forEach((node) => {
          const folded = DATA.tree[treeMode].nodes[node.id()][2];
          node.data("label", label(byId.get(node.id())) + (folded ? ` +${folded}` : ""));
        });
        cyTree.nodes(".heading").forEach((node) => node.data("label", w(DATA.tree.trunks[node.id().slice(5)])));
      });
    }
    if (cyGraph) cyGraph.batch(() => cyGraph.nodes().forEach((node) => node.data("label", label(byId.get(node.id())))));
    renderCard(selected);
    applyFilters();
    if (!resultList.hidden) showResults();
  }
  function setView(next) {
    view = VIEWS.includes(next) ? next : "tree";
    for (const name of VIEWS) document.getElementById(name).hidden = name !== view;
    document.getElementById("legend").hidden = view !== "graph" && view !== "tree";
    for (const button of document.querySelectorAll("#tabs button")) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    }
    document.documentElement.dataset.view = view;
    if (view === "graph" && !cyGraph) buildGraph();
    if (view === "graph" && cyGraph) cyGraph.resize();
    if (view === "tree" && cyTree) cyTree.resize();
    buildLegend();
    applyFilters();
    highlight(selected);
  }
  function select(id) {
    selected = byId.has(id) ? id : null;
    const record = selected && byId.get(selected);
    // A minor model is not on the first tree: show the minor models to show it.
    if (record && record.kind === "model" && !DATA.tree[treeMode].nodes[selected] && DATA.tree.full.nodes[selected]) {
      filters.notability.add("minor");
      setTreeMode("full");
      buildFilters();
    }
    renderCard(selected);
    highlight(selected);
    if (view === "timeline" || view === "scatter") {
      applyFilters();
      const item = document.querySelector("#timeline li.chosen, #scatter .chosen");
      if (item && item.scrollIntoView) item.scrollIntoView({ block: "center" });
    }
  }
  function fromHash() {
    let id = "";
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      id = location.hash.slice(1);
    }
    if (id.startsWith("year-")) return;
    if (id && !byId.has(id)) {
      const [hit] = search(id, 1);
      if (hit && hit.score === 100) id = hit.record.id;
    }
    select(id);
  }

  document.querySelectorAll("#langs button").forEach((button) =>
    button.addEventListener("click", () => {
      lang = button.dataset.lang;
      applyLanguage();
      setAddress();
    }),
  );
  document.querySelectorAll("#tabs button").forEach((button) =>
    button.addEventListener("click", () => {
      setView(button.dataset.view);
      setAddress();
    }),
  );
  window.addEventListener("hashchange", fromHash);

  const params = new URLSearchParams(location.search);
  if (params.get("lang") === "ko" || params.get("lang") === "en") lang = params.get("lang");
  // The first tree holds landmark and major models; the minor ones come when asked for.
  filters.notability.delete("minor");
  applyLanguage();
  buildTree(); // after the filters are in place, so the tree gets its final size
  setView(params.get("view"));
  fromHash();
  if (params.get("q")) {
    searchInput.value = params.get("q");
    showResults();
  }
  cyTree.one("render", () => {
    document.documentElement.dataset.drawnMs = String(Math.round(performance.now()));
  });
  document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
})();
