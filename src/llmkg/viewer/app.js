/* llmkg explorer: the graph, the timeline, search and record cards over the data inlined above. */
(function () {
  "use strict";
  const started = performance.now();
  const DATA = JSON.parse(document.getElementById("llmkg-data").textContent);
  const records = DATA.records;
  const byId = new Map(records.map((r) => [r.id, r]));
  const LINEAGE = new Set(DATA.lineage);
  const KIND_COLOURS = {
    model: "#2457c5", system: "#7c3aed", paper: "#d97706", dataset: "#0d9488",
    organization: "#6b7280", concept: "#db2777",
  };
  const OPENNESS = ["closed", "open-weights", "open-source"];
  const NOTABILITY = ["landmark", "major", "minor"];
  const FIELDS = [
    ["id", "Id"], ["kind", "Kind"], ["names", "Korean name"], ["aliases", "Aliases"], ["date", "Date"],
    ["organizations", "Organizations"], ["parameters", "Parameters"], ["parameters_status", "Parameters status"],
    ["architecture", "Architecture"], ["openness", "Openness"], ["notability", "Notability"],
    ["training_compute", "Training compute"], ["training_tokens", "Training tokens"],
    ["context_length", "Context length"], ["license", "License"], ["summary", "Summary"],
    ["checkpoints", "Checkpoints"], ["note", "Note"], ["disputes", "Disputes"], ["xrefs", "Cross-references"],
  ];
  const SHOWN_ELSEWHERE = new Set(["name", "relations", "sources", "parameters_text"]);

  let lang = DATA.lang === "ko" ? "ko" : "en";
  let view = "graph";
  let selected = null;
  let cy = null;

  // --- words and names ------------------------------------------------------------------------

  function w(text) {
    return lang === "ko" ? DATA.words[text] || text : text;
  }
  function label(record) {
    return (lang === "ko" && record.names && record.names.ko) || record.name;
  }
  function nameOf(id) {
    const record = byId.get(id);
    if (record) return label(record);
    const outside = DATA.outside[id];
    return outside ? (lang === "ko" && outside[1]) || outside[0] : id;
  }
  function summaryOf(record) {
    const summary = record.summary || {};
    return lang === "ko" ? summary.ko || summary.en : summary.en;
  }
  function year(record) {
    return record.date ? parseInt(record.date.slice(0, 4), 10) : null;
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
  function recordLink(id) {
    const known = byId.has(id);
    return el(known ? "a" : "span", { href: known ? "#" + encodeURIComponent(id) : null, text: nameOf(id) });
  }
  function sourceUrl(source) {
    if (source.startsWith("arXiv:")) return "https://arxiv.org/abs/" + source.slice(6);
    if (source.startsWith("doi:")) return "https://doi.org/" + source.slice(4);
    return source;
  }
  function sourceLink(source) {
    return el("a", { href: sourceUrl(source), rel: "noopener noreferrer", target: "_blank", text: source });
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

  // --- search: the CLI's matching (exact normalised names first, then fuzzy, then summaries) ----

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\+/g, "plus").replace(/[^\p{L}\p{N}]/gu, "");
  }
  function processText(text) {
    return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function ratio(a, b) {
    // 100 × (1 − indel distance / total length), from the longest common subsequence.
    if (!a.length && !b.length) return 100;
    let previous = new Array(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
      const current = [0];
      for (let j = 1; j <= b.length; j++) {
        current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      }
      previous = current;
    }
    return (200 * previous[b.length]) / (a.length + b.length);
  }
  function partialRatio(short, long) {
    let best = 0;
    for (let start = 0; start + short.length <= long.length; start++) {
      best = Math.max(best, ratio(short, long.slice(start, start + short.length)));
      if (best === 100) break;
    }
    return best;
  }
  function sortedTokens(text) {
    return text.split(" ").sort().join(" ");
  }
  function weightedRatio(a, b) {
    // A small version of rapidfuzz's WRatio, which the command line uses.
    if (!a || !b) return 0;
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    const lengths = long.length / short.length;
    const whole = Math.max(ratio(a, b), 0.95 * ratio(sortedTokens(a), sortedTokens(b)));
    if (lengths < 1.5) return whole;
    const scale = lengths < 8 ? 0.9 : 0.6;
    return Math.max(whole, scale * partialRatio(short, long));
  }
  const KEYS = [];
  for (const record of records) {
    const names = [record.id, record.name, ...(record.aliases || [])];
    if (record.names && record.names.ko) names.push(record.names.ko);
    for (const checkpoint of record.checkpoints || []) names.push(checkpoint.name);
    for (const name of new Set(names)) KEYS.push([record.id, processText(name), normalize(name)]);
  }
  const SUMMARIES = new Map(
    records.map((r) => [r.id, [(r.summary || {}).en, (r.summary || {}).ko].filter(Boolean).join(" ").toLowerCase()]),
  );
  function prominence(record) {
    return { landmark: 0, major: 1, minor: 2 }[record.notability] ?? 3;
  }
  function search(query, limit) {
    query = query.trim();
    if (!query) return [];
    const key = normalize(query);
    const processed = processText(query);
    const best = new Map();
    const keep = (id, score) => best.set(id, Math.max(best.get(id) || 0, score));
    for (const [id, text, normal] of KEYS) {
      const score = normal === key ? 100 : weightedRatio(processed, text);
      if (score >= 70) keep(id, score);
    }
    const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 1);
    if (words.length) {
      for (const [id, text] of SUMMARIES) {
        const found = words.filter((word) => text.includes(word)).length;
        if (found) keep(id, 40 + (30 * found) / words.length);
      }
    }
    return [...best.entries()]
      .sort((x, y) => y[1] - x[1] || prominence(byId.get(x[0])) - prominence(byId.get(y[0])) || (x[0] < y[0] ? -1 : 1))
      .slice(0, limit)
      .map(([id, score]) => ({ record: byId.get(id), score: Math.round(score) }));
  }

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
    notability: new Set([...NOTABILITY, "none"]), org: "",
  };
  const orgCounts = new Map();
  for (const record of records) {
    for (const org of record.organizations || []) orgCounts.set(org, (orgCounts.get(org) || 0) + 1);
  }
  const orgs = [...orgCounts.keys()].sort((a, b) => orgCounts.get(b) - orgCounts.get(a) || (a < b ? -1 : 1));

  function passes(record) {
    const y = year(record);
    if (!filters.kinds.has(record.kind)) return false;
    if (y !== null && (y < filters.from || y > filters.to)) return false;
    if (filters.org && record.id !== filters.org && !(record.organizations || []).includes(filters.org)) return false;
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

  function applyFilters() {
    const visible = new Set(records.filter(passes).map((r) => r.id));
    document.getElementById("shown").textContent = `${visible.size} ${w("records shown")}`;
    if (cy) {
      cy.batch(() => {
        cy.nodes().forEach((node) => {
          // Only nodes that change: restyling all of them costs more than the check.
          const hide = !visible.has(node.id());
          if (node.hasClass("filtered") !== hide) node.toggleClass("filtered", hide);
        });
      });
    }
    if (view === "timeline") drawTimeline(visible);
  }

  // --- graph ----------------------------------------------------------------------------------

  function nodeSize(record) {
    if (record.parameters) return Math.max(10, Math.min(60, 10 + 7 * (Math.log10(record.parameters) - 6)));
    return record.kind === "organization" || record.kind === "concept" ? 14 : 10;
  }
  function buildGraph() {
    const elements = [];
    for (const record of records) {
      const [x, y] = DATA.positions[record.id] || [0, 0];
      elements.push({
        group: "nodes",
        data: { id: record.id, label: label(record), kind: record.kind, size: nodeSize(record) },
        position: { x, y },
        classes: record.notability === "landmark" ? "landmark" : "",
      });
    }
    DATA.edges.forEach(([source, target, relation, evidence], i) => {
      const lineage = LINEAGE.has(relation);
      const classes = lineage ? (evidence && evidence !== "stated" ? "lineage uncertain" : "lineage") : "other";
      elements.push({ group: "edges", data: { id: "e" + i, source, target, relation }, classes });
    });
    const style = [
      { selector: "node", style: { width: "data(size)", height: "data(size)", "background-color": "#888",
        "border-width": 0, label: "", "font-size": 11, color: "#1f2430", "text-valign": "bottom",
        "text-margin-y": 2, "min-zoomed-font-size": 7 } },
      { selector: "node.landmark, node.chosen, node.ancestor, node.descendant", style: { label: "data(label)" } },
      { selector: "edge", style: { width: 0.6, "line-color": "#e1e3e8", "curve-style": "haystack" } },
      { selector: "edge.lineage", style: { width: 1.4, "line-color": "#6b7383" } },
      { selector: "edge.uncertain", style: { "line-style": "dashed" } },
      { selector: ".faded", style: { opacity: 0.07 } },
      { selector: "node.filtered", style: { display: "none" } },
      { selector: "node.ancestor", style: { "border-width": 3, "border-color": "#c2410c" } },
      { selector: "node.descendant", style: { "border-width": 3, "border-color": "#15803d" } },
      { selector: "node.chosen", style: { "border-width": 4, "border-color": "#111", "font-weight": "bold", "z-index": 10,
        "text-outline-color": "#fff", "text-outline-width": 2 } },
      // Arrows (newer → older) only on the highlighted family: straight edges cost more to draw.
      { selector: "edge.family", style: { opacity: 0.95, width: 2.2, "curve-style": "straight",
        "target-arrow-shape": "triangle", "target-arrow-color": "#4a5568", "arrow-scale": 0.8 } },
    ];
    for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
      style.push({ selector: `node[kind="${kind}"]`, style: { "background-color": colour } });
    }
    cy = cytoscape({
      container: document.getElementById("graph"),
      elements,
      style,
      // Fitting would measure every element; the viewport is set from the positions instead.
      layout: { name: "preset", fit: false },
      minZoom: 0.02,
      maxZoom: 4,
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      motionBlur: false,
      pixelRatio: 1,
    });
    fitAll();
    cy.on("tap", "node", (event) => {
      location.hash = encodeURIComponent(event.target.id());
    });
  }
  function fitAll() {
    const xs = Object.values(DATA.positions).map((p) => p[0]);
    const ys = Object.values(DATA.positions).map((p) => p[1]);
    if (!xs.length) return;
    const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const zoom = Math.min(cy.width() / (right - left + 80), cy.height() / (bottom - top + 80), 1.5);
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - (zoom * (left + right)) / 2, y: cy.height() / 2 - (zoom * (top + bottom)) / 2 } });
  }
  function buildLegend() {
    const legend = document.getElementById("legend");
    legend.replaceChildren();
    for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
      legend.append(el("span", {}, el("i", { style: `background:${colour}` }), w(kind)));
    }
    legend.append(
      el("br"),
      el("span", {}, el("b"), w("lineage (stated)")),
      el("span", {}, el("b", { class: "dashed" }), w("lineage (reported or inferred)")),
      el("span", {}, el("b", { class: "light" }), w("other relation")),
      el("span", { text: w("size: parameters") }),
    );
  }
  function highlight(id) {
    if (!cy) return;
    cy.batch(() => {
      cy.$(".faded, .chosen, .ancestor, .descendant, .family").removeClass("faded chosen ancestor descendant family");
      if (!id || !byId.has(id)) return;
      const ancestors = closure(id, lineageOut);
      const descendants = closure(id, lineageIn);
      const family = new Set([id, ...ancestors, ...descendants]);
      cy.nodes().forEach((node) => {
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
    const node = cy.getElementById(id);
    if (node.nonempty() && view === "graph") {
      const near = node.closedNeighborhood().nodes().filter((n) => !n.hasClass("filtered"));
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
        const orgText = (record.organizations || []).map(nameOf).join(", ");
        items.append(el("li", { class: classes || null },
          el("time", { datetime: record.date, text: record.date }),
          el("span", { class: "dot", style: `background:${KIND_COLOURS[record.kind]}`, title: w(record.kind) }),
          recordLink(record.id), orgText ? el("span", { class: "meta", text: " " + orgText }) : null));
      }
      parts.push(el("h3", { id: "year-" + y, text: `${y} (${list.length})` }), items);
    }
    box.replaceChildren(...parts);
  }

  // --- the record card ------------------------------------------------------------------------

  function measure(value, unit, exact) {
    // FLOP read best in powers of ten; a context window as the whole number of tokens.
    const amount = exact ? Math.round(value.value).toLocaleString("en") : value.value.toExponential(2).replace("e+", "e");
    const parts = [amount + (unit ? " " + w(unit) : ""), w(value.status)];
    if (value.estimated_by) parts.push(value.estimated_by);
    if (value.confidence) parts.push(value.confidence);
    return el("span", {}, parts.join(", "), " — ", sourceLink(value.source), value.note ? ". " + value.note : "");
  }
  function fieldValue(field, value, record) {
    switch (field) {
      case "kind":
      case "openness":
      case "notability":
      case "parameters_status":
        return w(value);
      case "names":
        return value.ko || null;
      case "aliases":
        return value.length ? value.join(", ") : null;
      case "organizations": {
        if (!value.length) return null;
        const span = el("span");
        value.forEach((org, i) => span.append(i ? ", " : "", recordLink(org)));
        return span;
      }
      case "architecture":
        return recordLink(value);
      case "parameters":
        return `${record.parameters_text} (${w(record.parameters_status)})`;
      case "summary": {
        const text = summaryOf(record);
        return text ? el("span", { lang: lang === "ko" && record.summary.ko ? "ko" : "en", text }) : null;
      }
      case "training_compute":
        return measure(value, "FLOP");
      case "training_tokens":
        return measure(value, "tokens");
      case "context_length":
        return measure(value, "tokens", true);
      case "license": {
        // SPDX's NONE is easy to misread as "unknown": say what it means.
        const name = value.id === "NONE" ? `NONE (${w("published with no licence")})` : value.id;
        return el("span", {}, name, " — ", sourceLink(value.source), value.note ? ". " + value.note : "");
      }
      case "checkpoints": {
        if (!value.length) return null;
        const list = el("ul");
        for (const checkpoint of value) {
          const bits = [checkpoint.parameters ? formatCount(checkpoint.parameters) : "", checkpoint.date || ""]
            .filter(Boolean).join(", ");
          list.append(el("li", {}, checkpoint.name, bits ? ` (${bits})` : "", checkpoint.note ? ": " + checkpoint.note : ""));
        }
        return list;
      }
      case "disputes": {
        if (!value.length) return null;
        const list = el("ul");
        for (const d of value) list.append(el("li", { text: `${d.field}: ${d.source} — ${d.value}. ${d.note}` }));
        return list;
      }
      case "xrefs": {
        const links = {
          wikidata: (v) => "https://www.wikidata.org/wiki/" + v,
          arxiv: (v) => "https://arxiv.org/abs/" + v,
          huggingface: (v) => "https://huggingface.co/" + v,
        };
        const entries = Object.entries(value);
        if (!entries.length) return null;
        const span = el("span");
        entries.forEach(([key, v], i) => {
          span.append(i ? ", " : "", key + ": ",
            links[key] ? el("a", { href: links[key](v), rel: "noopener noreferrer", target: "_blank", text: v }) : v);
        });
        return span;
      }
      default:
        return typeof value === "object" ? JSON.stringify(value) : String(value);
    }
  }
  function formatCount(count) {
    for (const [suffix, unit] of [["T", 1e12], ["B", 1e9], ["M", 1e6], ["K", 1e3]]) {
      if (count >= unit) return (count / unit).toFixed(2).replace(/\.?0+$/, "") + suffix;
    }
    return String(count);
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
  function drawCard() {
    const card = document.getElementById("card");
    const record = selected && byId.get(selected);
    if (!record) {
      card.replaceChildren(el("p", { class: "meta", text: w("Select a record in the graph, the timeline or the search.") }));
      return;
    }
    const parts = [
      el("h2", { id: "card-title", text: label(record) }),
      el("p", { class: "meta", text: [w(record.kind), record.date].filter(Boolean).join(" · ") }),
    ];
    const list = el("dl");
    const known = new Set(FIELDS.map(([field]) => field));
    const fields = [...FIELDS, ...Object.keys(record).filter((f) => !known.has(f) && !SHOWN_ELSEWHERE.has(f)).map((f) => [f, f])];
    for (const [field, title] of fields) {
      const value = record[field];
      if (value === null || value === undefined || (field === "parameters_status" && record.parameters)) continue;
      const shown = fieldValue(field, value, record);
      if (shown === null || shown === "") continue;
      list.append(el("dt", { text: w(title) }), el("dd", { "data-field": field }, shown));
    }
    parts.push(list);
    const relations = el("ul", { class: "relations" });
    for (const relation of record.relations || []) {
      const arrow = relation.direction === "out" ? " → " : " ← ";
      relations.append(el("li", { "data-relation": relation.relation },
        el("span", { class: "relation", text: relation.relation }), arrow, recordLink(relation.target)));
    }
    if ((record.relations || []).length) parts.push(el("h3", { text: w("Relations") }), relations);
    parts.push(...familyList("Ancestors", closure(record.id, lineageOut), "ancestors"));
    parts.push(...familyList("Descendants", closure(record.id, lineageIn), "descendants"));
    if ((record.sources || []).length) {
      const sources = el("ul", { class: "sources" });
      for (const source of record.sources) sources.append(el("li", {}, sourceLink(source)));
      parts.push(el("h3", { text: w("Sources") }), sources);
    }
    card.replaceChildren(el("article", { "aria-labelledby": "card-title", "data-id": record.id }, ...parts));
  }

  // --- language, views and the address ---------------------------------------------------------

  function setAddress() {
    const url = new URL(location.href);
    if (lang === "en") url.searchParams.delete("lang");
    else url.searchParams.set("lang", lang);
    if (view === "timeline") url.searchParams.set("view", "timeline");
    else url.searchParams.delete("view");
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
    document.getElementById("tab-graph").textContent = w("Graph");
    document.getElementById("tab-timeline").textContent = w("Timeline");
    document.getElementById("filters-title").textContent = w("Filters");
    for (const button of document.querySelectorAll("#langs button")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
    }
    buildFilters();
    buildLegend();
    if (cy) cy.batch(() => cy.nodes().forEach((node) => node.data("label", label(byId.get(node.id())))));
    drawCard();
    applyFilters();
    if (!resultList.hidden) showResults();
  }
  function setView(next, initial) {
    view = next === "timeline" ? "timeline" : "graph";
    document.getElementById("graph").hidden = view !== "graph";
    document.getElementById("legend").hidden = view !== "graph";
    document.getElementById("timeline").hidden = view !== "timeline";
    for (const button of document.querySelectorAll("#tabs button")) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    }
    if (view === "graph" && cy && !initial) {
      cy.resize();
      highlight(selected);
    }
    applyFilters();
  }
  function select(id) {
    selected = byId.has(id) ? id : null;
    drawCard();
    highlight(selected);
    if (view === "timeline") {
      applyFilters();
      const item = document.querySelector("#timeline li.chosen");
      if (item) item.scrollIntoView({ block: "center" });
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
  applyLanguage();
  buildGraph(); // after the filters are in place, so the graph gets its final size
  setView(params.get("view"), true);
  fromHash();
  if (params.get("q")) {
    searchInput.value = params.get("q");
    showResults();
  }
  cy.one("render", () => {
    document.documentElement.dataset.drawnMs = String(Math.round(performance.now()));
  });
  document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
})();
