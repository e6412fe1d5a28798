import { jsonChunks, jsonReporter } from "./json.js";
import { sarifChunks, sarifReporter } from "./sarif.js";
import { stylishChunks, stylishReporter } from "./stylish.js";
import type { ChunkedReporter, Reporter } from "./types.js";

export const REPORTERS = {
  stylish: stylishReporter,
  json: jsonReporter,
  sarif: sarifReporter,
} as const satisfies Record<string, Reporter>;
export type ReportFormat = keyof typeof REPORTERS;

/** The same reporters in pieces, for output that may exceed one string (the CLI writes these). */
export const CHUNKED_REPORTERS = {
  stylish: stylishChunks,
  json: jsonChunks,
  sarif: sarifChunks,
} as const satisfies Record<ReportFormat, ChunkedReporter>;
export type { ChunkedReporter, FileResult, Reporter, ReportMeta } from "./types.js";
