import type { Article, SourceFormat } from "../model/article.js";
import { readBundle } from "./bundle.js";
import { detectFormat } from "./detect.js";
import { readHtml } from "./html.js";
import { readJsonModel } from "./json.js";
import { readMarkdown } from "./markdown.js";

export { detectFormat } from "./detect.js";
export { ModelFormatError } from "./json.js";

/** Options every reader accepts. */
export interface ReadOptions {
  /** skip sniffing and use this reader */
  from?: SourceFormat;
  /** bundle marker names (defaults: ===SCHEMA_JSON_START=== / ===SCHEMA_JSON_END===, alias ===SCHEMA_JSON===) */
  markers?: { start?: string; end?: string; single?: string[] };
  /** bracket depth past which a JSON region is refused (default 256) */
  maxNesting?: number;
}

/** Reads a draft's text into the article model. Pure: no file system access. */
export function readArticle(input: { path: string; text: string }, options: ReadOptions = {}): Article {
  const format = options.from ?? detectFormat(input.text, input.path);
  switch (format) {
    case "markdown":
      return readMarkdown(input, options);
    case "html":
      return readHtml(input, options);
    case "json":
      return readJsonModel(input);
    default:
      return readBundle(input, options);
  }
}
