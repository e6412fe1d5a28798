import type { Article } from "../model/article.js";
import type { TextAnalysis } from "./types.js";

/** Builds the shared text layer for an article (once; the engine caches it per article). */
export function analyzeText(_article: Article): TextAnalysis {
  throw new Error("analyzeText: not implemented yet");
}
