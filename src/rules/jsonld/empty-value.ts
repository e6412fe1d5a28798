import type { Rule } from "../../engine/types.js";
import { childPointer, isEmptyValue, jsonLdNodes, schemaTerm, valueSpan } from "../../jsonld/nodes.js";

export const emptyValue: Rule = {
  meta: {
    id: "jsonld/empty-value",
    description: 'Properties must not be empty: `""`, whitespace, `[]`, `{}` or an object with nothing but `@type`.',
    severity: "error",
    presets: ["recommended"],
    messages: {
      empty:
        "`{{property}}` is empty, which search engines treat as missing (and Google's Rich Results Test flags as invalid). Fill in the real value or remove the property.",
    },
  },
  check(ctx) {
    const nodes = jsonLdNodes(ctx.article);
    // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      const keys = Object.keys(node.value);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (key.startsWith("@") || schemaTerm(key, node.contextTerms) === undefined) continue;
        const value = node.value[key];
        // one report per empty slot: the value itself, or the empty items of an array (pointers only for those)
        if (Array.isArray(value) && value.length > 0) {
          for (let i = 0; i < value.length; i++) {
            if (!isEmptyValue(value[i])) continue;
            const p = childPointer(childPointer(node.pointer, key), i);
            ctx.report({ messageId: "empty", data: { property: key }, span: valueSpan(node.block, p) });
          }
        } else if (isEmptyValue(value)) {
          const p = childPointer(node.pointer, key);
          ctx.report({ messageId: "empty", data: { property: key }, span: valueSpan(node.block, p) });
        }
      }
    }
  },
};
