import type { Article } from "../model/article.js";
import { LineIndex, type Span, type TextPart } from "../model/span.js";
import { compareDiagnostics, engineDiagnostic, makeDiagnostic } from "./diagnostic.js";
import { type CorpusEntry, type CorpusRule, type Diagnostic, isCorpusRule, type ResolvedRule } from "./types.js";

function part(p: TextPart | undefined): { text: string; span: Span } | undefined {
  return p ? { text: p.text, span: { start: p.span.start, end: p.span.end } } : undefined;
}

/** The small per-article summary corpus rules see (cheap to keep, and to cache). */
export function corpusEntry(article: Article): CorpusEntry {
  const entry: CorpusEntry = { path: article.source.path };
  const title = part(article.title);
  if (title) entry.title = title;
  const metaTitle = part(article.meta.title);
  if (metaTitle) entry.metaTitle = metaTitle;
  const description = part(article.meta.description);
  if (description) entry.metaDescription = description;
  const keyword = part(article.meta.focusKeyword);
  if (keyword) entry.focusKeyword = keyword;
  if (article.meta.slug) entry.slug = article.meta.slug.text;
  return entry;
}

export interface CorpusOptions {
  rules: readonly ResolvedRule[];
  /** the source text of each entry (same order), for line/column */
  texts: readonly string[] | ((index: number) => string);
  throwOnCrash?: boolean;
}

/**
 * Runs the corpus rules once over all entries and returns the diagnostics of
 * each entry, sorted, in entry order. A crashing corpus rule is reported on
 * the first file rather than stopping the run.
 */
export function lintCorpus(entries: readonly CorpusEntry[], options: CorpusOptions): Diagnostic[][] {
  // a function lets batch runs fetch the text of only the files a corpus rule flags
  const { texts } = options;
  const textOf = typeof texts === "function" ? texts : (i: number) => texts[i] ?? "";
  const perFile: Diagnostic[][] = entries.map(() => []);
  const lines: Array<LineIndex | undefined> = [];
  const lineIndex = (i: number): LineIndex => {
    let index = lines[i];
    if (!index) {
      index = new LineIndex(textOf(i));
      lines[i] = index;
    }
    return index;
  };
  for (const resolved of options.rules) {
    if (!isCorpusRule(resolved.rule)) continue;
    const rule = resolved.rule as CorpusRule<any>;
    const { meta } = rule;
    try {
      rule.checkCorpus({
        articles: entries,
        options: resolved.options,
        report(articleIndex, report) {
          const target = perFile[articleIndex];
          if (!target) throw new Error(`rule ${meta.id} reported on article ${articleIndex}, which is not in the run`);
          const text = textOf(articleIndex);
          target.push(makeDiagnostic(meta, resolved.severity, report, lineIndex(articleIndex), text.length));
        },
      });
    } catch (err) {
      if (options.throwOnCrash || perFile.length === 0) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      perFile[0]?.push(
        engineDiagnostic(
          "internal/rule-crash",
          "error",
          `Corpus rule ${meta.id} crashed (${reason}); its findings may be missing. Please report this bug.`,
          { start: 0, end: 0 },
          lineIndex(0),
        ),
      );
    }
  }
  for (const list of perFile) list.sort(compareDiagnostics);
  return perFile;
}
