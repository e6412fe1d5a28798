import type { Rule } from "../../engine/types.js";
import { knownNotStrictJson } from "../../jsonld/repair.js";
import type { JsonLdBlock } from "../../model/article.js";

/** The repaired value written as strict JSON, indented like the line the block starts on. */
function serialize(block: JsonLdBlock, source: string): string {
  const lineStart = source.lastIndexOf("\n", block.span.start - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart, block.span.start))?.[0] ?? "";
  const json = JSON.stringify(block.value, null, 2);
  return indent === "" ? json : json.replaceAll("\n", `\n${indent}`);
}

/**
 * Whether the first thing inside the block's opening bracket is a typographic quote: strict JSON
 * cannot start a key or value with one, so no parse (and no thrown error) is needed to know.
 */
function opensCurly(source: string, start: number): boolean {
  const open = source.charCodeAt(start);
  if (open !== 0x7b && open !== 0x5b) return false; // { [
  let i = start + 1;
  for (let c = source.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = source.charCodeAt(i))
    i++;
  const c = source.charCodeAt(i);
  return c === 0x201c || c === 0x201d;
}

function parsesStrictly(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const syntax: Rule = {
  meta: {
    id: "jsonld/syntax",
    description:
      "JSON-LD must be strict JSON: blocks that needed repair (typographic quotes, missing commas) or could not be parsed at all.",
    severity: "error",
    presets: ["recommended"],
    fixable: "safe",
    messages: {
      repaired:
        "This JSON-LD block is not valid JSON ({{notes}}); copydesk repaired it, but Google and other consumers read it with a strict JSON parser and drop the whole block. Run `copydesk fix` to write the repaired JSON.",
      failed:
        "This JSON-LD block could not be parsed ({{notes}}), so search engines ignore all of it. Rewrite it as valid JSON (straight double quotes, commas between members, matching brackets).",
    },
  },
  check(ctx) {
    const source = ctx.article.source.text;
    for (const block of ctx.article.jsonld) {
      if (block.repair === "strict") continue;
      const notes = block.notes.filter((n) => !n.startsWith("from the ")).join("; ") || block.repair;
      if (block.repair === "failed" || block.value === undefined) {
        ctx.report({ messageId: "failed", data: { notes }, span: block.span });
        continue;
      }
      // blocks cut out of a repaired wrapper may be strict JSON themselves
      if (
        !knownNotStrictJson(block) &&
        !opensCurly(source, block.span.start) &&
        parsesStrictly(source.slice(block.span.start, block.span.end))
      )
        continue;
      ctx.report({
        messageId: "repaired",
        data: { notes },
        span: block.span,
        fix: { edits: [{ span: block.span, text: serialize(block, source) }] },
      });
    }
  },
};
