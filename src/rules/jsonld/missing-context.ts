import type { Rule } from "../../engine/types.js";
import { childPointer, isObject, keySpan } from "../../jsonld/nodes.js";
import { pointerSpan } from "../../jsonld/repair.js";
import type { JsonLdBlock } from "../../model/article.js";

const CONTEXT = '"@context": "https://schema.org"';

function firstKeyStart(block: JsonLdBlock, pointer: string, value: Record<string, unknown>): number | undefined {
  const first = Object.keys(value)[0];
  return first === undefined ? undefined : keySpan(block, childPointer(pointer, first)).start;
}

/** The member to insert after `{`, laid out like the object's first member. */
function insertion(source: string, afterBrace: number, firstKey: number | undefined): string {
  if (firstKey === undefined) return CONTEXT;
  const between = source.slice(afterBrace, firstKey);
  if (between.includes("\n")) return `${between}${CONTEXT},`;
  return between === "" ? `${CONTEXT}, ` : ` ${CONTEXT},`;
}

export const missingContext: Rule = {
  meta: {
    id: "jsonld/missing-context",
    description: 'Top-level JSON-LD objects need `"@context": "https://schema.org"`.',
    severity: "error",
    presets: ["recommended"],
    fixable: "safe",
    messages: {
      missing:
        'This JSON-LD object has no `@context`, so its terms are not tied to schema.org and search engines cannot read them. Add `"@context": "https://schema.org"` as its first member.',
    },
  },
  check(ctx) {
    const source = ctx.article.source.text;
    for (const block of ctx.article.jsonld) {
      const value = block.value;
      const roots = Array.isArray(value) ? value.map((v, i) => ({ v, p: childPointer("", i) })) : [{ v: value, p: "" }];
      for (const { v, p } of roots) {
        if (!isObject(v) || "@context" in v) continue;
        const span = pointerSpan(block, p) ?? block.span;
        const brace = source.indexOf("{", span.start);
        const at = brace >= 0 && brace < span.end ? { start: brace, end: brace + 1 } : span;
        ctx.report({
          messageId: "missing",
          span: at,
          fix: {
            edits: [
              { span: { start: at.end, end: at.end }, text: insertion(source, at.end, firstKeyStart(block, p, v)) },
            ],
          },
        });
      }
    }
  },
};
