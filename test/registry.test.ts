import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { AnyRule } from "../src/engine/types.js";
import { allRules } from "../src/rules/index.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RULES_DIR = `${ROOT}src/rules/`;
const DOCS_DIR = `${ROOT}docs/rules/`;

/** The sections every rule page has, in this order (docs/rules/README.md is the template). */
const DOC_SECTIONS = ["What it checks", "Why", "How to fix", "Options", "Examples"] as const;

const ID = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `##` headings outside fenced code blocks (example drafts inside a page have their own headings). */
function h2Headings(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      const marker = f[1] as string;
      if (fence === null) fence = marker;
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence === null && line.startsWith("## ")) out.push(line.slice(3).trim());
  }
  return out;
}

function categories(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const ids = allRules.map((r) => r.meta.id);

function isRule(value: unknown): value is AnyRule {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { meta?: { id?: unknown }; check?: unknown; checkCorpus?: unknown };
  return typeof v.meta?.id === "string" && (typeof v.check === "function" || typeof v.checkCorpus === "function");
}

describe("rule registry", () => {
  it("has unique ids of the form category/name", () => {
    expect(ids.filter((id) => !ID.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("every rule has its module, test file, doc page with the template's sections, and non-empty messages", () => {
    const problems: string[] = [];
    for (const { meta } of allRules) {
      const id = meta.id;
      if (!existsSync(`${RULES_DIR}${id}.ts`)) problems.push(`${id}: no module src/rules/${id}.ts`);
      if (!existsSync(`${RULES_DIR}${id}.test.ts`)) problems.push(`${id}: no tests src/rules/${id}.test.ts`);
      if (!meta.description.trim()) problems.push(`${id}: empty description`);
      const messages = Object.entries(meta.messages);
      if (messages.length === 0) problems.push(`${id}: no messages`);
      for (const [messageId, text] of messages)
        if (!text.trim()) problems.push(`${id}: message "${messageId}" is empty`);
      const doc = `${DOCS_DIR}${id}.md`;
      if (!existsSync(doc)) {
        problems.push(`${id}: no doc page docs/rules/${id}.md`);
        continue;
      }
      const text = readFileSync(doc, "utf8");
      if (!text.startsWith(`# ${id}\n`)) problems.push(`${id}: doc page must start with "# ${id}"`);
      const headings = h2Headings(text);
      const order = DOC_SECTIONS.map((s) => headings.indexOf(s));
      const missing = DOC_SECTIONS.filter((_, i) => order[i] === -1);
      if (missing.length) problems.push(`${id}: doc page lacks ## ${missing.join(", ## ")}`);
      else if (order.some((pos, i) => i > 0 && pos < (order[i - 1] as number))) {
        problems.push(`${id}: doc sections out of order (expected ${DOC_SECTIONS.join(", ")})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("every module under src/rules/<category>/ that exports a rule is registered under its file's id", async () => {
    const registered = new Set(ids);
    const problems: string[] = [];
    for (const category of categories()) {
      for (const file of readdirSync(`${RULES_DIR}${category}`).sort()) {
        if (!file.endsWith(".ts") || file.endsWith(".test.ts") || file === "index.ts" || file.startsWith("_")) continue;
        const id = `${category}/${file.slice(0, -3)}`;
        const mod = (await import(`${RULES_DIR}${id}.ts`)) as Record<string, unknown>;
        // helper modules (word lists, shared matchers) export no rule; naming them `_x.ts` makes that visible
        const exported = Object.values(mod).filter(isRule);
        for (const rule of exported) {
          if (rule.meta.id !== id)
            problems.push(`src/rules/${id}.ts exports rule ${rule.meta.id}; a rule lives in src/rules/<its id>.ts`);
        }
        if (exported.length > 0 && !registered.has(id)) {
          problems.push(`src/rules/${id}.ts is not in the registry: add it to src/rules/${category}/index.ts`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("every doc page under docs/rules/<category>/ belongs to a rule", () => {
    const registered = new Set(ids);
    const orphans: string[] = [];
    for (const entry of readdirSync(DOCS_DIR, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      for (const file of readdirSync(`${DOCS_DIR}${entry.name}`)) {
        if (file.endsWith(".md") && !registered.has(`${entry.name}/${file.slice(0, -3)}`)) {
          orphans.push(`docs/rules/${entry.name}/${file}`);
        }
      }
    }
    expect(orphans).toEqual([]);
  });

  it("the rules index in docs/rules/README.md lists every rule", () => {
    const index = readFileSync(`${DOCS_DIR}README.md`, "utf8");
    expect(ids.filter((id) => !index.includes(`[${id}](${id}.md)`))).toEqual([]);
  });
});
