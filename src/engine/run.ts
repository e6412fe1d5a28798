import type { Article } from "../model/article.js";
import { type ReadOptions, readArticle } from "../read/index.js";
import type { FileResult } from "../report/types.js";
import type { TextAnalysis } from "../text/types.js";
import { corpusEntry, lintCorpus } from "./corpus.js";
import { compareDiagnostics } from "./diagnostic.js";
import { lintArticle } from "./lint.js";
import { isCorpusRule, type ResolvedRule, type RunSettings } from "./types.js";

/** A draft to check: its text, or why it could not be loaded. */
export type CheckInput = { path: string; text: string } | { path: string; error: string };

export interface CheckOptions {
  rules: readonly ResolvedRule[];
  settings: RunSettings;
  read?: ReadOptions;
  /**
   * Hook for per-file extras in the JSON output (`stats`, `scores`): the
   * text and scoring layers plug in here; without it files carry neither.
   */
  extras?: (article: Article, text: () => TextAnalysis) => { stats?: unknown; scores?: unknown };
}

/**
 * Reads and checks a batch of drafts: per-article rules, then corpus rules
 * over every article that could be read. Pure (no file access); a file that
 * failed to load or read becomes a fatal result and the others go on.
 */
export function checkTexts(inputs: readonly CheckInput[], options: CheckOptions): FileResult[] {
  const results: FileResult[] = [];
  const read: Array<{ result: FileResult; article: Article }> = [];
  for (const input of inputs) {
    if ("error" in input) {
      results.push({ path: input.path, diagnostics: [], fatal: input.error });
      continue;
    }
    let article: Article;
    try {
      article = readArticle({ path: input.path, text: input.text }, options.read ?? {});
    } catch (err) {
      // a reader crash is a bug, but it must cost one file, not the run
      const reason = err instanceof Error ? err.message : String(err);
      results.push({ path: input.path, source: input.text, diagnostics: [], fatal: `could not read: ${reason}` });
      continue;
    }
    const { diagnostics, text } = lintArticle(article, { rules: options.rules, settings: options.settings });
    const result: FileResult = { path: input.path, source: input.text, diagnostics };
    const extras = options.extras?.(article, text);
    if (extras?.stats !== undefined) result.stats = extras.stats;
    if (extras?.scores !== undefined) result.scores = extras.scores;
    results.push(result);
    read.push({ result, article });
  }
  if (read.length > 0 && options.rules.some((r) => isCorpusRule(r.rule))) {
    const perFile = lintCorpus(
      read.map((r) => corpusEntry(r.article)),
      { rules: options.rules, texts: read.map((r) => r.article.source.text) },
    );
    perFile.forEach((extra, i) => {
      const target = read[i]?.result;
      if (target && extra.length > 0) target.diagnostics = [...target.diagnostics, ...extra].sort(compareDiagnostics);
    });
  }
  return results;
}
