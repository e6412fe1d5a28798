#!/usr/bin/env node
// Rewrites the rules index in docs/rules/README.md from the built registry (run `npm run build` first).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { allRules } from "../dist/rules/index.js";

const file = fileURLToPath(new URL("../docs/rules/README.md", import.meta.url));
const START = "<!-- rules-index:start -->";
const END = "<!-- rules-index:end -->";
const cell = (s) => s.replaceAll("|", "\\|");
const rows = [...allRules]
  .sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))
  .map(({ meta }) => {
    const presets = meta.presets.length ? meta.presets.map((p) => `\`${p}\``).join(", ") : "–";
    return `| [${meta.id}](${meta.id}.md) | ${cell(meta.description)} | ${meta.severity} | ${presets} | ${meta.fixable ?? "–"} |`;
  });
const table = ["| rule | checks | severity | presets | fixable |", "| --- | --- | --- | --- | --- |", ...rows].join(
  "\n",
);
const text = readFileSync(file, "utf8");
const start = text.indexOf(START);
const end = text.indexOf(END);
if (start < 0 || end < start) throw new Error(`${file}: index markers not found`);
writeFileSync(file, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`);
console.log(`indexed ${rows.length} rules in ${file}`);
