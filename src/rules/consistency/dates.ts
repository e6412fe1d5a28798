import type { Rule } from "../../engine/types.js";
import { jsonLdNodes, propertyValues, valueSpan } from "../../jsonld/nodes.js";
import type { Span } from "../../model/span.js";

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY = 86_400_000;
/** Dates that describe the page itself (event start dates and the like may lie in the future). */
const PAGE_DATES = ["datePublished", "dateModified", "dateCreated", "lastReviewed", "uploadDate"] as const;

/** Milliseconds since the epoch of an ISO 8601 date or date-time (date-only and zone-less read as UTC). */
export function isoTime(value: string): number | undefined {
  const v = value.trim();
  if (!ISO.test(v)) return undefined;
  const zoned = v.length === 10 || /(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}Z`;
  const t = Date.parse(zoned.replace(" ", "T"));
  return Number.isNaN(t) ? undefined : t;
}

interface DatedValue {
  property: string;
  text: string;
  time: number;
  /** where the value is written, asked only when it is reported (a JSON-LD span is looked up) */
  span: () => Span;
}

export const dates: Rule = {
  meta: {
    id: "consistency/dates",
    description:
      "dateModified is not before datePublished, and no page date lies in the future (relative to the run's `now`).",
    severity: "error",
    presets: ["recommended"],
    messages: {
      modifiedBeforePublished:
        "dateModified ({{modified}}) is before datePublished ({{published}}); a page cannot be updated before it was published, and search engines distrust such dates. Correct one of them.",
      future:
        "{{property}} is {{date}}, which is after today ({{today}}); search engines ignore or distrust future publication dates. Use the real date.",
    },
  },
  check(ctx) {
    // formatted only for a report: most articles have no future date
    let today: string | undefined;
    // a day of slack: "today" somewhere east of UTC is still a valid date here
    const latest = ctx.settings.now.getTime() + DAY;
    const check = (values: DatedValue[]) => {
      // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if (v.time <= latest) continue;
        today ??= ctx.settings.now.toISOString().slice(0, 10);
        ctx.report({ messageId: "future", data: { property: v.property, date: v.text, today }, span: v.span() });
      }
      const published = values.find((v) => v.property === "datePublished");
      const modified = values.find((v) => v.property === "dateModified");
      if (published && modified && modified.time < published.time) {
        ctx.report({
          messageId: "modifiedBeforePublished",
          data: { modified: modified.text, published: published.text },
          span: modified.span(),
        });
      }
    };
    const nodes = jsonLdNodes(ctx.article);
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      const values: DatedValue[] = [];
      for (let p = 0; p < PAGE_DATES.length; p++) {
        const property = PAGE_DATES[p]!;
        const found = propertyValues(node, property);
        for (let f = 0; f < found.length; f++) {
          const { value, pointer } = found[f]!;
          const time = typeof value === "string" ? isoTime(value) : undefined;
          if (time !== undefined)
            values.push({
              property,
              text: (value as string).trim(),
              time,
              span: () => valueSpan(node.block, pointer),
            });
        }
      }
      check(values);
    }
    const meta = ctx.article.meta;
    const metaValues: DatedValue[] = [];
    for (const [property, part] of [
      ["datePublished", meta.datePublished],
      ["dateModified", meta.dateModified],
      ["lastReviewed", meta.lastReviewed],
    ] as const) {
      const time = part && isoTime(part.text);
      if (part && time !== undefined)
        metaValues.push({ property, text: part.text.trim(), time, span: () => part.span });
    }
    check(metaValues);
  },
};
