import type { Article } from "../../model/article.js";
import type { TextPart } from "../../model/span.js";

export type VisibleKind = "title" | "heading" | "paragraph" | "list-item" | "quote" | "faq-question" | "faq-answer";

export interface VisiblePart {
  kind: VisibleKind;
  part: TextPart;
}

/**
 * The last article's parts: the rules that read them run one after another on the same article,
 * so one slot serves them without a WeakMap entry per article (entries the GC has to sweep).
 */
let lastArticle: Article | undefined;
let lastParts: VisiblePart[] = [];

/**
 * Every piece of text a reader sees, in reading order, each once: a reader
 * may expose the visible FAQ both as body blocks and as `faq` items over
 * the same source, and that text is one paragraph, not two.
 */
export function visibleParts(article: Article): VisiblePart[] {
  if (article === lastArticle) return lastParts;
  const out: VisiblePart[] = [];
  // the end of the first part seen at each start: numbers, no key string per part
  const endAt = new Map<number, number>();
  // "start:end" of further parts that share a start with an earlier one (rare)
  let more: Set<string> | undefined;
  const add = (kind: VisibleKind, part: TextPart | undefined): void => {
    if (!part || part.text.trim() === "") return;
    const { start, end } = part.span;
    const firstEnd = endAt.get(start);
    if (firstEnd === undefined) {
      endAt.set(start, end);
    } else {
      if (firstEnd === end) return;
      const key = `${start}:${end}`;
      more ??= new Set();
      if (more.has(key)) return;
      more.add(key);
    }
    out.push({ kind, part });
  };
  add("title", article.title);
  const { blocks } = article;
  // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === "heading") add("heading", block.content);
    else if (block.kind === "paragraph") add("paragraph", block.content);
    else if (block.kind === "quote") add("quote", block.content);
    else if (block.kind === "list") for (let i = 0; i < block.items.length; i++) add("list-item", block.items[i]);
  }
  for (const item of article.faq) {
    add("faq-question", item.question);
    add("faq-answer", item.answer);
  }
  lastArticle = article;
  lastParts = out;
  return out;
}
