import type { Article, SourceFormat } from "../model/article.js";

/** Options every reader accepts. */
export interface ReadOptions {
  /** skip sniffing and use this reader */
  from?: SourceFormat;
  /** bundle marker names (defaults: ===SCHEMA_JSON_START=== / ===SCHEMA_JSON_END===, alias ===SCHEMA_JSON===) */
  markers?: { start?: string; end?: string; single?: string[] };
}

/** Reads a draft's text into the article model. Pure: no file system access. */
export function readArticle(_input: { path: string; text: string }, _options: ReadOptions = {}): Article {
  throw new Error("readArticle: not implemented yet");
}
