import type { Article } from "../model/article.js";
import { bodyOf, META_ORDER, writeSections } from "./article-parts.js";

export interface BundleWriteOptions {
  /** `hash` writes `#`/`##` headings (reads back without guessing); `plain` writes the bare-line layout models produce */
  headings?: "hash" | "plain";
  /** marker names around the metadata block */
  markers?: { start: string; end: string };
}

/**
 * The canonical bundle: JSON-LD objects at the top (one per line block), the
 * title, the body one paragraph per line, the FAQ as `Q:`/`A:` lines under an
 * FAQ heading, and the metadata between schema markers.
 */
export function writeBundle(article: Article, options: BundleWriteOptions = {}): string {
  const hash = (options.headings ?? "hash") === "hash";
  const markers = options.markers ?? { start: "===SCHEMA_JSON_START===", end: "===SCHEMA_JSON_END===" };
  const lines: string[] = [];
  for (const b of article.jsonld) if (b.value !== undefined) lines.push(JSON.stringify(b.value, null, 2));
  if (article.title) lines.push(hash ? `# ${article.title.text}` : article.title.text);
  const { intro, introLists, sections } = bodyOf(article);
  const list = (items: string[], ordered: boolean) =>
    items.map((it, i) => `${ordered ? `${i + 1}.` : "-"} ${it.replace(/\n/g, " ")}`).join("\n");
  lines.push(...intro);
  for (const l of introLists) lines.push(list(l.items, l.ordered));
  lines.push(
    ...writeSections(sections, {
      heading: (t, level) => (hash ? `${"#".repeat(Math.max(2, level))} ${t}` : t),
      paragraph: (p) => p,
      list,
    }),
  );
  if (article.faq.length) {
    lines.push(hash ? "## Frequently Asked Questions" : "Frequently Asked Questions");
    for (const f of article.faq) {
      lines.push(`Q: ${f.question.text}`);
      lines.push(`A: ${f.answer.text}`);
    }
  }
  const meta: Record<string, string> = {};
  for (const { field, bundle } of META_ORDER) {
    const v = article.meta[field];
    if (v) meta[bundle] = v.text;
  }
  if (Object.keys(meta).length) lines.push(markers.start, JSON.stringify(meta, null, 2), markers.end);
  return `${lines.join("\n")}\n`;
}
