import type { Rule } from "../../engine/types.js";
import { childPointer, jsonLdNodes, schemaTerm, usesForeignVocab, valueSpan } from "../../jsonld/nodes.js";

export const unknownType: Rule = {
  meta: {
    id: "jsonld/unknown-type",
    description: "Every `@type` must be a schema.org type (prefixed extension types such as `gs1:` are left alone).",
    severity: "error",
    presets: ["recommended"],
    messages: {
      unknown:
        "`{{type}}` is not a schema.org type, so validators and search engines ignore this node. Use a type from https://schema.org/docs/full.html.",
      unknownSuggest:
        "`{{type}}` is not a schema.org type, so validators and search engines ignore this node. Did you mean `{{suggestion}}`?",
    },
  },
  check(ctx) {
    for (const node of jsonLdNodes(ctx.article)) {
      if (node.rawTypes.length === 0 || usesForeignVocab(node.block)) continue;
      const written = node.value["@type"];
      const typePointer = childPointer(node.pointer, "@type");
      const values = Array.isArray(written) ? written : [written];
      values.forEach((raw, i) => {
        if (typeof raw !== "string") return;
        const name = schemaTerm(raw, node.contextTerms);
        if (name === undefined || ctx.vocab.hasType(name)) return;
        const pointer = Array.isArray(written) ? childPointer(typePointer, i) : typePointer;
        const suggestion = ctx.vocab.suggestType(name);
        ctx.report({
          messageId: suggestion ? "unknownSuggest" : "unknown",
          data: suggestion ? { type: raw, suggestion } : { type: raw },
          span: valueSpan(node.block, pointer),
        });
      });
    }
  },
};
