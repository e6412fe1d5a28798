import type { Article } from "../model/article.js";
import { type ReadOptions, readArticle } from "../read/index.js";
import type { FileResult } from "../report/types.js";
import type { TextAnalysis } from "../text/types.js";
import { corpusEntry, lintCorpus } from "./corpus.js";
import { compareDiagnostics } from "./diagnostic.js";
import { lintArticle } from "./lint.js";
import { type CorpusEntry, isCorpusRule, type ResolvedRule, type RunSettings } from "./types.js";

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

/** One file's result and, when it could be read, the summary corpus rules need. */
export interface CheckedText {
  result: FileResult;
  entry?: CorpusEntry;
  /** the article as read (build renders it instead of reading the draft again) */
  article?: Article;
  /** lint's health detection for it, run once (build's page planner asks it too) */
  health?: () => boolean;
}

/** Reads and checks one draft with the file-level rules. Pure; never throws for a bad draft. */
export function checkText(input: CheckInput, options: CheckOptions): CheckedText {
  if ("error" in input) return { result: { path: input.path, diagnostics: [], fatal: input.error } };
  let article: Article;
  try {
    article = readArticle({ path: input.path, text: input.text }, options.read ?? {});
  } catch (err) {
    // a reader crash is a bug, but it must cost one file, not the run
    const reason = err instanceof Error ? err.message : String(err);
    return { result: { path: input.path, source: input.text, diagnostics: [], fatal: `could not read: ${reason}` } };
  }
  const { diagnostics, text, health } = lintArticle(article, { rules: options.rules, settings: options.settings });
  const result: FileResult = { path: input.path, source: input.text, diagnostics };
  const extras = options.extras?.(article, text);
  if (extras?.stats !== undefined) result.stats = extras.stats;
  if (extras?.scores !== undefined) result.scores = extras.scores;
  return { result, entry: corpusEntry(article), article, health };
}

/**
 * Runs the corpus rules over the summaries of the files that could be read
 * and merges their findings into those files' results.
 * `textOf(i)` gives the source of the i-th summarised file (for line/column).
 */
export function applyCorpusRules(
  checked: ReadonlyArray<{ result: FileResult; entry: CorpusEntry }>,
  rules: readonly ResolvedRule[],
  textOf: (index: number) => string,
): void {
  if (checked.length === 0 || !rules.some((r) => isCorpusRule(r.rule))) return;
  const perFile = lintCorpus(
    checked.map((c) => c.entry),
    { rules, texts: textOf },
  );
  perFile.forEach((extra, i) => {
    const target = checked[i]?.result;
    if (target && extra.length > 0) target.diagnostics = [...target.diagnostics, ...extra].sort(compareDiagnostics);
  });
}

/**
 * Reads and checks a batch of drafts held in memory: per-article rules, then
 * corpus rules over every article that could be read. Pure (no file access);
 * a file that failed to load or read becomes a fatal result and the others go on.
 * (`checkFiles` in batch.ts is the streaming, parallel, cached version for the CLI.)
 */
export function checkTexts(inputs: readonly CheckInput[], options: CheckOptions): FileResult[] {
  const all = inputs.map((input) => checkText(input, options));
  const read = all.filter((c): c is { result: FileResult; entry: CorpusEntry } => c.entry !== undefined);
  applyCorpusRules(read, options.rules, (i) => read[i]?.result.source ?? "");
  return all.map((c) => c.result);
}
