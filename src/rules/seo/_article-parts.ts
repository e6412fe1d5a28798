import type { Article } from "../../model/article.js";
import type { Span, TextPart } from "../../model/span.js";
import type { TextAnalysis } from "../../text/types.js";

/** Where article-wide findings point: the title, else the first body block, else the file start. */
export function anchorSpan(article: Article): Span {
  return article.title?.span ?? article.meta.title?.span ?? article.blocks[0]?.span ?? { start: 0, end: 0 };
}

/** The title search engines show: the meta (SEO) title, else the visible title, as WordPress does. */
export function seoTitle(article: Article): TextPart | undefined {
  const meta = article.meta.title;
  if (meta && meta.text.trim() !== "") return meta;
  const title = article.title;
  return title && title.text.trim() !== "" ? title : undefined;
}

/** A metadata part that is present and not blank. */
export function present(part: TextPart | undefined): TextPart | undefined {
  return part && part.text.trim() !== "" ? part : undefined;
}

/** Number of words in the body (everything after the title; headings and FAQ included, like Yoast's paper text). */
export function bodyWordCount(text: TextAnalysis): number {
  return text.words.length - text.body.word;
}
