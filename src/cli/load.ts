import { resolve } from "node:path";
import { InputError, loadSource } from "../io/source.js";
import type { Article } from "../model/article.js";
import type { ReadOptions } from "../read/index.js";
import { CliError, type CliIo } from "./io.js";

export interface LoadArticleOptions extends ReadOptions {
  /** size limit in bytes (default 10 MB) */
  maxBytes?: number;
}

/**
 * Loads and reads one draft for a command. Bad input (missing, directory,
 * empty, binary, invalid UTF-8, too large) becomes a one-line CliError with
 * exit code 2; `source.path` keeps the path as the user wrote it.
 */
export async function loadArticle(path: string, io: CliIo, opts: LoadArticleOptions = {}): Promise<Article> {
  let loaded: { path: string; text: string };
  try {
    const maxBytes = opts.maxBytes;
    loaded = await loadSource(resolve(io.cwd, path), maxBytes === undefined ? {} : { maxBytes });
  } catch (err) {
    if (err instanceof InputError) throw new CliError(err.message.replace(resolve(io.cwd, path), path), 2);
    throw err;
  }
  const { maxBytes: _unused, ...readOptions } = opts;
  // the readers (and their parsers) load only once a file passed the input checks: bad input answers fast
  const { ModelFormatError, readArticle } = await import("../read/index.js");
  try {
    return readArticle({ path, text: loaded.text }, readOptions);
  } catch (err) {
    if (err instanceof ModelFormatError) throw new CliError(err.message, 2);
    throw err;
  }
}

/** Parses `--from` (and rejects unknown formats as a usage error). */
export function parseFrom(value: string | undefined): ReadOptions["from"] {
  if (value === undefined) return undefined;
  if (value === "bundle" || value === "markdown" || value === "html" || value === "json") return value;
  throw new CliError(`--from must be one of bundle, markdown, html, json (got "${value}")`, 2);
}

/** Parses `--max-bytes` (plain bytes, or with a KB/MB suffix). */
export function parseMaxBytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(value.trim());
  if (!m) throw new CliError(`--max-bytes must be a size like 500000, 512KB or 10MB (got "${value}")`, 2);
  const unit = (m[2] ?? "b").toLowerCase();
  return Math.round(Number(m[1]) * (unit === "mb" ? 1024 * 1024 : unit === "kb" ? 1024 : 1));
}
