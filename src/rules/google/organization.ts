import type { Rule } from "../../engine/types.js";
import { jsonLdNodes, nodeAnchor, nodeIs, propertyValues } from "../../jsonld/nodes.js";

const DOC = "https://developers.google.com/search/docs/appearance/structured-data/organization";
const RECOMMENDED = ["name", "url", "logo"] as const;

export const organization: Rule = {
  meta: {
    id: "google/organization",
    description:
      "A top-level Organization node has the properties Google recommends for its knowledge panel and logo: name, url and logo.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      missing: `The {{type}} has no \`{{property}}\`, which Google recommends so it can identify the organization and show its logo (${DOC}#structured-data-type-definitions). Add it.`,
    },
  },
  check(ctx) {
    for (const node of jsonLdNodes(ctx.article)) {
      // nested organizations (an article's publisher or author) are judged by the rule for their parent
      if (node.parent || !nodeIs(node, ctx.vocab, "Organization")) continue;
      // local businesses have their own Google feature with other requirements
      if (nodeIs(node, ctx.vocab, "LocalBusiness")) continue;
      const type = node.types.find((t) => ctx.vocab.isSubtypeOf(t, "Organization")) ?? "Organization";
      for (const property of RECOMMENDED) {
        if (propertyValues(node, property).length === 0) {
          ctx.report({ messageId: "missing", data: { type, property }, span: nodeAnchor(node) });
        }
      }
    }
  },
};
