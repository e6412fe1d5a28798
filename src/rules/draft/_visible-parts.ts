import type { Article } from "../../model/article.js";
import type { TextPart } from "../../model/span.js";

export type VisibleKind = "title" | "heading" | "paragraph" | "list-item" | "quote" | "faq-question" | "faq-answer";

export interface VisiblePart {
  kind: VisibleKind;
  part: TextPart;
}

const cache = new WeakMap<Article, VisiblePart[]>();

/**
 * Every piece of text a reader sees, in reading order, each once: a reader
 * may expose the visible FAQ both as body blocks and as `faq` items over
 * the same source, and that text is one paragraph, not two.
 */
export function visibleParts(article: Article): VisiblePart[] {
  const cached = cache.get(article);
  if (cached) return cached;
  const out: VisiblePart[] = [];
  const seen = new Set<string>();
  const add = (kind: VisibleKind, part: TextPart | undefined): void => {
    if (!part || part.text.trim() === "") return;
    const key = `${part.span.start}:${part.span.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, part });
  };
  add("title", article.title);
  for (const block of article.blocks) {
    if (block.kind === "heading") add("heading", block.content);
    else if (block.kind === "paragraph") add("paragraph", block.content);
    else if (block.kind === "quote") add("quote", block.content);
    else if (block.kind === "list") for (const item of block.items) add("list-item", item);
  }
  for (const item of article.faq) {
    add("faq-question", item.question);
    add("faq-answer", item.answer);
  }
  cache.set(article, out);
  return out;
}
