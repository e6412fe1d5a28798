import type { Rule } from "../../engine/types.js";
import {
  isObject,
  jsonLdNodes,
  nodeAnchor,
  nodeIs,
  propertyValues,
  schemaTerm,
  valueSpan,
} from "../../jsonld/nodes.js";

const DOC = "https://developers.google.com/search/docs/appearance/structured-data/breadcrumb";

function member(value: Record<string, unknown>, property: string): [string, unknown] | undefined {
  for (const [k, v] of Object.entries(value)) if (schemaTerm(k) === property) return [k, v];
  return undefined;
}

export const breadcrumb: Rule = {
  meta: {
    id: "google/breadcrumb",
    description:
      "BreadcrumbList markup follows Google's requirements: at least two ListItems, integer positions from 1 in order, each with a name and (except the last) an item URL.",
    severity: "error",
    presets: ["recommended"],
    messages: {
      tooFew: `The BreadcrumbList has {{count}} ListItem(s); Google needs at least two to show a breadcrumb trail (${DOC}#breadcrumb-list). Add the parent pages.`,
      notListItem: `Breadcrumb entries must be ListItems (${DOC}#list-item). Set "@type": "ListItem".`,
      position: `This ListItem's \`position\` is {{given}}; Google requires integer positions counting 1, 2, 3… in trail order (${DOC}#list-item). Use {{expected}}.`,
      missingName: `This ListItem has no \`name\`, the breadcrumb title Google shows (${DOC}#list-item). Add it.`,
      missingItem: `This ListItem has no \`item\` URL; Google requires it on every crumb but the last (${DOC}#list-item). Add the page's URL.`,
    },
  },
  check(ctx) {
    for (const node of jsonLdNodes(ctx.article)) {
      if (!nodeIs(node, ctx.vocab, "BreadcrumbList")) continue;
      const items = propertyValues(node, "itemListElement");
      if (items.length < 2) ctx.report({ messageId: "tooFew", data: { count: items.length }, span: nodeAnchor(node) });
      items.forEach(({ value, pointer }, i) => {
        const span = valueSpan(node.block, pointer);
        if (!isObject(value)) {
          ctx.report({ messageId: "notListItem", span });
          return;
        }
        const types = Array.isArray(value["@type"]) ? value["@type"] : [value["@type"]];
        if (!types.some((t) => typeof t === "string" && schemaTerm(t) === "ListItem")) {
          ctx.report({ messageId: "notListItem", span });
        }
        const position = member(value, "position");
        const expected = i + 1;
        const given = position?.[1];
        const ok = given === expected || (typeof given === "string" && given.trim() === String(expected));
        if (!ok) {
          ctx.report({
            messageId: "position",
            data: { given: given === undefined ? "missing" : JSON.stringify(given), expected },
            span: position ? valueSpan(node.block, `${pointer}/${position[0]}`) : span,
          });
        }
        const item = member(value, "item");
        const itemValue = item?.[1];
        const itemName = isObject(itemValue) ? member(itemValue, "name")?.[1] : undefined;
        const name = member(value, "name")?.[1] ?? itemName;
        if (typeof name !== "string" || name.trim() === "") ctx.report({ messageId: "missingName", span });
        const hasUrl =
          typeof itemValue === "string"
            ? itemValue.trim() !== ""
            : isObject(itemValue) && ("@id" in itemValue || member(itemValue, "url") !== undefined);
        if (!hasUrl && i < items.length - 1) ctx.report({ messageId: "missingItem", span });
      });
    }
  },
};
