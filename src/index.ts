/**
 * copydesk's library API. Everything here is pure or explicit about its I/O;
 * the CLI (`src/cli`) is a thin layer over these functions.
 */
export type { CheckedFile, CheckedStream, CheckSpec } from "./engine/batch.js";
export { checkFiles, checkStream } from "./engine/batch.js";
export type { ConfigInput, ResolvedConfig } from "./engine/config.js";
export { ConfigError, defineConfig, resolveConfig } from "./engine/config.js";
export { loadConfig } from "./engine/config-load.js";
export { fixText } from "./engine/fix.js";
export { lintArticle } from "./engine/lint.js";
export type { CheckInput, CheckOptions } from "./engine/run.js";
export { checkText, checkTexts } from "./engine/run.js";
export { computeScores } from "./engine/scores.js";
export type * from "./engine/types.js";
export { generateBatch } from "./generate/batch.js";
export { createOpenAiClient } from "./generate/client.js";
export { generateOne } from "./generate/pipeline.js";
export { InputError, loadSource } from "./io/source.js";
export type * from "./model/article.js";
export type { Position, Span, TextPart } from "./model/span.js";
export { LineIndex, sourceOffset, sourceSpan } from "./model/span.js";
export { detectFormat, type ReadOptions, readArticle } from "./read/index.js";
export { REPORTERS } from "./report/index.js";
export type { FileResult } from "./report/types.js";
export { allRules, ruleById } from "./rules/index.js";
export { analyzeText } from "./text/analyze.js";
export { computeStats } from "./text/stats.js";
export { VERSION } from "./version.js";
export { writeBundle } from "./write/bundle.js";
export { buildGraph } from "./write/graph.js";
export { writeMarkdown } from "./write/markdown.js";
export { renderPage } from "./write/page.js";
export { buildSite } from "./write/site.js";
