// Read an llmkg export with the parsers Gephi Lite and Cytoscape.js use, and print what they saw
// as JSON: {"nodes": {id: attributes}, "edges": [[source, target, attributes]]}.
//   node read_graph.mjs graphml|gexf|cytoscape FILE
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [format, file] = process.argv.slice(2);
const text = readFileSync(file, "utf8");

function fromGraphology(graph) {
  const nodes = {};
  graph.forEachNode((id, attributes) => { nodes[id] = attributes; });
  const edges = [];
  graph.forEachEdge((_key, attributes, source, target) => { edges.push([source, target, attributes]); });
  return { nodes, edges };
}

let result;
if (format === "graphml" || format === "gexf") {
  const { MultiDirectedGraph } = require("graphology");
  const parser = require(format === "graphml" ? "graphology-graphml" : "graphology-gexf");
  result = fromGraphology(parser.parse(MultiDirectedGraph, text));
} else if (format === "cytoscape") {
  const cytoscape = require("cytoscape");
  const cy = cytoscape({ headless: true, elements: JSON.parse(text).elements });
  const nodes = {};
  cy.nodes().forEach((node) => { nodes[node.id()] = node.data(); });
  const edges = cy.edges().map((edge) => [edge.source().id(), edge.target().id(), edge.data()]);
  result = { nodes, edges };
} else {
  console.error(`unknown format ${format}`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(result));
