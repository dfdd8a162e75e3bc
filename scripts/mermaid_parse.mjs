// Check Mermaid text with Mermaid's own parser, in Node, without a browser (jsdom stands in for
// the window Mermaid and DOMPurify expect). The packages come from scripts/bootstrap_mermaid.sh,
// which prints the directory holding them:
//
//   node scripts/mermaid_parse.mjs DIR < diagram.mmd            parse: prints the diagram type
//   node scripts/mermaid_parse.mjs DIR --render < diagram.mmd   parse and render: prints JSON
//       {"type", "svg", "nodes": [[line, ...], ...], "edges": [label, ...]}, the text of each
//       node's label (one string per line of the label) and of each edge's label, as drawn
//   node scripts/mermaid_parse.mjs DIR --batch < diagrams.json  a JSON list of diagrams (text):
//       prints a JSON list, for each the --render result or {"error": Mermaid's message}
//       (one Node process for many diagrams: loading Mermaid takes seconds)
//
// On a syntax error (or a failed render) it writes Mermaid's message on stderr and exits 1
// (--batch: reports it in the list and exits 0); on a usage error it exits 2.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [dir, ...flags] = process.argv.slice(2);
if (!dir || flags.length > 1 || flags.some((f) => f !== "--render" && f !== "--batch")) {
  process.stderr.write("usage: node mermaid_parse.mjs DIR [--render | --batch] < input\n");
  process.exit(2);
}
const mode = flags[0] ?? "--parse";
const require = createRequire(join(dir, "package.json"));
const { JSDOM } = require("jsdom");

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true });
const win = dom.window;
globalThis.window = win;
for (const name of ["document", "Element", "HTMLElement", "SVGElement", "DOMParser", "CSSStyleSheet"]) {
  globalThis[name] = win[name];
}
// jsdom lays nothing out: a box from the text length is enough for Mermaid to place the nodes.
win.SVGElement.prototype.getBBox = function () {
  return { x: 0, y: 0, width: 8 * (this.textContent || "").length, height: 16 };
};
win.SVGElement.prototype.getComputedTextLength = function () {
  return 8 * (this.textContent || "").length;
};

const entry = join(dir, "node_modules", "mermaid", "dist", "mermaid.core.mjs");
const { default: mermaid } = await import(pathToFileURL(entry).href);
mermaid.initialize({ startOnLoad: false });

const message = (error) => (error && error.message ? error.message : String(error));

// The type, the SVG and the label texts of one diagram, as Mermaid draws it.
let rendered = 0;
async function draw(text) {
  const parsed = await mermaid.parse(text);
  rendered += 1;
  const { svg } = await mermaid.render(`diagram${rendered}`, text);
  const holder = win.document.createElement("div");
  holder.innerHTML = svg;
  const lines = (label) => {
    const copy = label.cloneNode(true);
    for (const br of copy.querySelectorAll("br")) br.replaceWith("\n");
    return copy.textContent.split("\n");
  };
  const nodes = [...holder.querySelectorAll("g.node .nodeLabel")].map(lines);
  const edges = [...holder.querySelectorAll("g.edgeLabel .edgeLabel")].map((e) => e.textContent);
  return { type: parsed.diagramType, svg, nodes, edges };
}

// Exit once stdout is flushed: process.exit() right after a large write to a pipe cuts it short.
const finish = (out, code) => process.stdout.write(out, () => process.exit(code));

const input = readFileSync(0, "utf8");
if (mode === "--batch") {
  const results = [];
  for (const text of JSON.parse(input)) {
    try {
      results.push(await draw(text));
    } catch (error) {
      results.push({ error: message(error) });
    }
  }
  finish(`${JSON.stringify(results)}\n`, 0);
} else {
  try {
    if (mode === "--render") {
      finish(`${JSON.stringify(await draw(input))}\n`, 0);
    } else {
      finish(`${(await mermaid.parse(input)).diagramType}\n`, 0);
    }
  } catch (error) {
    process.stderr.write(`${message(error)}\n`);
    process.exit(1);
  }
}
