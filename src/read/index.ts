import type { Article, SourceFormat } from "../model/article.js";
import { readBundle } from "./bundle.js";
import { detectFormat } from "./detect.js";

export { detectFormat } from "./detect.js";

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
    case "bundle":
      return readBundle(input, options);
    default:
      return readBundle(input, options);
  }
}
