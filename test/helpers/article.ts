import type { Article, SourceFormat } from "../../src/model/article.js";
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
