import { jsonReporter } from "./json.js";
import { sarifReporter } from "./sarif.js";
import { stylishReporter } from "./stylish.js";
import type { Reporter } from "./types.js";

export const REPORTERS = {
  stylish: stylishReporter,
  json: jsonReporter,
  sarif: sarifReporter,
} as const satisfies Record<string, Reporter>;
export type ReportFormat = keyof typeof REPORTERS;
export type { FileResult, Reporter, ReportMeta } from "./types.js";
