import { stringify } from "yaml";
import type { Article } from "../model/article.js";
import { bodyOf, META_ORDER, writeSections } from "./article-parts.js";

/** Backslash-escapes what Markdown would read as markup, so the text reads back unchanged. */
export function escapeMarkdown(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>&!|~#]/g, "\\$&")
        .replace(/^(\s*)([-+=])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])/, "$1\\$2"),
    )
    .join("\n");
}

/**
 * The canonical Markdown form of an article (Astro / Hugo / Jekyll style):
 * YAML front matter with the title, meta and JSON-LD (`schema`), then the body
 * with `##` sections, and the FAQ as `## Frequently Asked Questions` with `###`
 * questions. Reading the result with the Markdown reader gives back the same content.
 */
export function writeMarkdown(article: Article): string {
  const fm: Record<string, unknown> = {};
  if (article.title) fm.title = article.title.text;
  for (const { field, yaml } of META_ORDER) {
    const v = article.meta[field];
    if (v) fm[yaml] = v.text;
  }
  const schema = article.jsonld.filter((b) => b.value !== undefined).map((b) => b.value);
  if (schema.length) fm.schema = schema;
  const parts: string[] = [];
  if (Object.keys(fm).length) parts.push(`---\n${stringify(fm, { lineWidth: 0 })}---`);
  const { intro, introLists, sections } = bodyOf(article);
  const list = (items: string[], ordered: boolean) =>
    items.map((it, i) => `${ordered ? `${i + 1}.` : "-"} ${escapeMarkdown(it).replace(/\n/g, "\n   ")}`).join("\n");
  for (const p of intro) parts.push(escapeMarkdown(p));
  for (const l of introLists) parts.push(list(l.items, l.ordered));
  parts.push(
    ...writeSections(sections, {
      heading: (t, level) => `${"#".repeat(Math.max(2, level))} ${escapeMarkdown(t)}`,
      paragraph: escapeMarkdown,
      list,
    }),
  );
  if (article.faq.length) {
    parts.push("## Frequently Asked Questions");
    for (const f of article.faq) {
      parts.push(`### ${escapeMarkdown(f.question.text)}`);
      for (const p of f.answer.text.split("\n")) if (p.trim()) parts.push(escapeMarkdown(p));
    }
  }
  return `${parts.join("\n\n")}\n`;
}
