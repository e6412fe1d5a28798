import type { Rule } from "../../engine/types.js";
import { jsonLdNodes, nodeAnchor, nodeIs } from "../../jsonld/nodes.js";

export const faqRetired: Rule = {
  meta: {
    id: "google/faq-retired",
    description:
      "Notes that Google no longer shows FAQ rich results (since 7 May 2026); FAQPage stays valid schema.org.",
    severity: "info",
    presets: ["recommended"],
    messages: {
      retired:
        "Google stopped showing FAQ rich results on 7 May 2026 (https://developers.google.com/search/docs/appearance/structured-data/faqpage), so this FAQPage will not earn a rich result there. It stays valid schema.org that other search engines and AI assistants read: keep it if it matches the visible FAQ, or drop it to save bytes.",
    },
  },
  check(ctx) {
    for (const node of jsonLdNodes(ctx.article)) {
      if (nodeIs(node, ctx.vocab, "FAQPage")) ctx.report({ messageId: "retired", span: nodeAnchor(node) });
    }
  },
};
