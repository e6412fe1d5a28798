import type { Article, Block, SourceFormat } from "../../src/model/article.js";
import type { TextPart } from "../../src/model/span.js";

/** A TextPart for the first occurrence of `needle` in `text` at or after `from` (fails loudly if absent). */
export function partOf(text: string, needle: string, from = 0): TextPart {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not found in the text`);
  return { text: needle, span: { start, end: start + needle.length } };
}

export interface ArticleInit extends Partial<Omit<Article, "source" | "format">> {
  path?: string;
  format?: SourceFormat;
}

/** A hand-built Article over `text`, for engine tests that must not depend on the readers. */
export function makeArticle(text: string, init: ArticleInit = {}): Article {
  const { path = "draft.md", format = "markdown", ...rest } = init;
  return {
    source: { path, text, format },
    format,
    meta: {},
    blocks: [],
    faq: [],
    jsonld: [],
    readNotes: [],
    ...rest,
  };
}

/**
 * Builds a fixture's source text part by part: each placed part is a verbatim
 * slice of the final text, so its span is exact and easy to assert.
 */
export function sourceWriter(separator: string): { place: (text: string) => TextPart; text: () => string } {
  let source = "";
  return {
    place(text) {
      if (source) source += separator;
      const start = source.length;
      source += text;
      return { text, span: { start, end: source.length } };
    },
    text: () => source,
  };
}

/** The block kinds every fixture builder shares: a string is a paragraph, `{h, text}` a heading. */
export function basicBlock(
  place: (text: string) => TextPart,
  b: string | { h: 1 | 2 | 3 | 4 | 5 | 6; text: string },
): Block {
  const content = place(typeof b === "string" ? b : b.text);
  return typeof b === "string"
    ? { kind: "paragraph", content, span: content.span }
    : { kind: "heading", level: b.h, content, span: content.span };
}
