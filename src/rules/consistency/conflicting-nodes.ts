import type { Rule } from "../../engine/types.js";
import {
  isArticleLike,
  isObject,
  type JsonLdNode,
  jsonLdNodes,
  lineOf,
  normalizeForCompare,
  propertyValues,
  schemaTerm,
  valueSpan,
} from "../../jsonld/nodes.js";
import type { Span } from "../../model/span.js";

/** One comparable fact, already normalized, with where it was written. */
interface Fact {
  shown: string;
  key: string;
  span: Span;
}

type Field = "headline" | "datePublished" | "dateModified" | "author";
const FIELDS: readonly Field[] = ["headline", "datePublished", "dateModified", "author"];

function dateKey(value: string): string {
  const v = value.trim();
  // "2024-05-31" and "2024-05-31T09:00:00Z" name the same publication day
  return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : normalizeForCompare(v);
}

function authorName(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (!isObject(value)) return undefined;
  for (const [k, v] of Object.entries(value)) if (schemaTerm(k) === "name" && typeof v === "string") return v;
  return undefined;
}

/** The node's value for a field; empty values give nothing (jsonld/empty-value reports those). */
function nodeFact(node: JsonLdNode, field: Field): Fact | undefined {
  const values = propertyValues(node, field);
  if (field === "author") {
    const names = values.map((v) => authorName(v.value)?.trim() ?? "").filter((n) => n !== "");
    const first = values[0];
    if (names.length === 0 || !first) return undefined;
    const span = valueSpan(
      node.block,
      values.length > 1 ? first.pointer.slice(0, first.pointer.lastIndexOf("/")) : first.pointer,
    );
    return { shown: names.join(", "), key: names.map(normalizeForCompare).sort().join("|"), span };
  }
  const first = values[0];
  if (!first || typeof first.value !== "string" || first.value.trim() === "") return undefined;
  const text = first.value.trim();
  return {
    shown: text,
    key: field === "headline" ? normalizeForCompare(text) : dateKey(text),
    span: valueSpan(node.block, first.pointer),
  };
}

export const conflictingNodes: Rule = {
  meta: {
    id: "consistency/conflicting-nodes",
    description:
      "Article-like nodes (and the draft's meta block) agree on headline, datePublished, dateModified and author.",
    severity: "error",
    presets: ["recommended"],
    messages: {
      conflict:
        '`{{field}}` is "{{second}}" here, but the {{firstWhere}} at line {{line}} says "{{first}}"; search engines pick one or distrust both. Make them the same, or keep only one node.',
    },
  },
  check(ctx) {
    const articles = jsonLdNodes(ctx.article).filter((n) => isArticleLike(n, ctx.vocab));
    const [top, ...others] = articles;
    if (!top) return;
    const meta = ctx.article.meta;
    const metaFacts: Partial<Record<Field, Fact>> = {};
    for (const field of ["datePublished", "dateModified", "author"] as const) {
      const part = meta[field];
      const text = part?.text.trim();
      if (!part || !text) continue;
      metaFacts[field] = {
        shown: text,
        key: field === "author" ? normalizeForCompare(text) : dateKey(text),
        span: part.span,
      };
    }
    for (const field of FIELDS) {
      const metaFact = metaFacts[field as keyof typeof metaFacts];
      // nothing to compare the top node with (the usual single node): its fact and span are not needed
      if (others.length === 0 && !metaFact) continue;
      const first = nodeFact(top, field);
      const firstWhere = `${top.types[0] ?? "Article"} node`;
      // every later node against the top one, so three copies give two reports, not three
      for (const node of others) {
        const fact = nodeFact(node, field);
        if (!first || !fact || fact.key === first.key) continue;
        ctx.report({
          messageId: "conflict",
          data: {
            field,
            second: fact.shown,
            first: first.shown,
            firstWhere,
            line: lineOf(ctx.article, first.span.start),
          },
          span: fact.span,
        });
      }
      if (first && metaFact && metaFact.key !== first.key) {
        // report at whichever is written later, pointing back at the earlier one
        const [earlier, later, where] =
          metaFact.span.start > first.span.start ? [first, metaFact, firstWhere] : [metaFact, first, "meta block"];
        ctx.report({
          messageId: "conflict",
          data: {
            field,
            second: later.shown,
            first: earlier.shown,
            firstWhere: where,
            line: lineOf(ctx.article, earlier.span.start),
          },
          span: later.span,
        });
      }
    }
  },
};
