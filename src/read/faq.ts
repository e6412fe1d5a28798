import type { Article, FaqItem, SourceFormat } from "../model/article.js";
import type { Span, TextPart } from "../model/span.js";
import { joinParts } from "./text-part.js";

const FAQ_HEADING =
  /^(?:#+\s*)?(?:\*\*|__)?\s*(?:faqs?|f\.a\.q\.?s?|frequently asked questions|common questions|questions and answers|q\s*&\s*a|people also ask)(?:\s*\(faqs?\))?\s*(?:\*\*|__)?:?\s*$/i;

/** Is this heading text the FAQ section's heading ("FAQ", "Frequently Asked Questions", …)? */
export function isFaqHeading(text: string): boolean {
  return FAQ_HEADING.test(text.trim());
}

/** Collects FAQ items as a reader meets questions and then their answer blocks. */
export class FaqCollector {
  readonly items: FaqItem[] = [];
  #open: { q: TextPart; start: number; answers: TextPart[]; end: number } | undefined;

  constructor(private readonly src: string) {}

  /** Starts a new item (closing the previous one) at the question spanning [start, end). */
  question(q: TextPart, start: number, end: number): void {
    this.flush();
    this.#open = { q, start, answers: [], end };
  }

  /** Adds an answer block ending at `end`; ignored before the first question. */
  answer(part: TextPart, end: number): boolean {
    if (!this.#open) return false;
    this.#open.answers.push(part);
    this.#open.end = end;
    return true;
  }

  flush(): void {
    const o = this.#open;
    if (!o) return;
    this.items.push({
      question: o.q,
      answer: joinParts(this.src, o.answers, o.end),
      span: { start: o.start, end: o.end },
    });
    this.#open = undefined;
  }
}

/** Assembles the Article every reader returns (optional parts only when present). */
export function assemble(
  input: { path: string; text: string },
  format: SourceFormat,
  parts: Omit<Article, "source" | "format" | "title" | "faqSpan" | "lang"> & { title?: TextPart; faqSpan?: Span },
): Article {
  const { title, faqSpan, ...rest } = parts;
  const article: Article = { source: { path: input.path, text: input.text, format }, format, ...rest };
  if (title) article.title = title;
  if (faqSpan) article.faqSpan = faqSpan;
  if (parts.meta.lang) article.lang = parts.meta.lang.text;
  return article;
}
