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
  /** line index and text length of an entry, when the caller has them without the text (see KnownLines) */
  located?: (index: number) => { lines: LineIndex; length: number };
  /** takes each finding as it is made instead of the returned lists (which stay empty), so none is held */
  sink?: (index: number, diagnostic: Diagnostic) => void;
  throwOnCrash?: boolean;
}

/** Offsets of the corpus summary's spans, each with its line and line start (flat triples). */
export function entryMarks(entry: CorpusEntry, lines: LineIndex): number[] {
  const marks: number[] = [];
  for (const part of [entry.title, entry.metaTitle, entry.metaDescription, entry.focusKeyword]) {
    if (!part) continue;
    for (const offset of [part.span.start, part.span.end]) {
      if (marks.some((m, i) => i % 3 === 0 && m === offset)) continue;
      const line = lines.line(offset);
      marks.push(offset, line, lines.lineStart(line));
    }
  }
  return marks;
}

/**
 * A line index that knows the lines of a few offsets in advance (where corpus rules report: the
 * summary's spans), so a batch run need not read a draft again to place a corpus finding; any other
 * offset reads the text and indexes it whole.
 */
export class KnownLines extends LineIndex {
  #all: LineIndex | undefined;
  constructor(
    private readonly marks: readonly number[],
    private readonly text: () => string,
  ) {
    super("");
  }

  #full(): LineIndex {
    this.#all ??= new LineIndex(this.text());
    return this.#all;
  }

  override line(offset: number): number {
    for (let i = 0; i < this.marks.length; i += 3) if (this.marks[i] === offset) return this.marks[i + 1] as number;
    return this.#full().line(offset);
  }

  override lineStart(line: number): number {
    for (let i = 1; i < this.marks.length; i += 3) if (this.marks[i] === line) return this.marks[i + 1] as number;
    return this.#full().lineStart(line);
  }

  override position(offset: number): { line: number; column: number } {
    const line = this.line(offset);
    return { line, column: offset - this.lineStart(line) + 1 };
  }

  override get lineCount(): number {
    return this.#full().lineCount;
  }
}

/**
 * Runs the corpus rules once over all entries and returns the diagnostics of
 * each entry, sorted, in entry order. A crashing corpus rule is reported on
 * the first file rather than stopping the run.
 */
export function lintCorpus(entries: readonly CorpusEntry[], options: CorpusOptions): Diagnostic[][] {
  // a function lets batch runs fetch the text of only the files a corpus rule flags
  const { texts, sink } = options;
  const textOf = typeof texts === "function" ? texts : (i: number) => texts[i] ?? "";
  const perFile: Diagnostic[][] = entries.map(() => []);
  const lines: Array<{ lines: LineIndex; length: number } | undefined> = [];
  const located = (i: number) => {
    let index = lines[i];
    if (!index) {
      if (options.located) index = options.located(i);
      else {
        const text = textOf(i);
        index = { lines: new LineIndex(text), length: text.length };
      }
      lines[i] = index;
    }
    return index;
  };
  const add = (i: number, diagnostic: Diagnostic) => {
    if (sink) sink(i, diagnostic);
    else perFile[i]?.push(diagnostic);
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
          if (!perFile[articleIndex])
            throw new Error(`rule ${meta.id} reported on article ${articleIndex}, which is not in the run`);
          const at = located(articleIndex);
          add(articleIndex, makeDiagnostic(meta, resolved.severity, report, at.lines, at.length));
        },
      });
    } catch (err) {
      if (options.throwOnCrash || perFile.length === 0) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      add(
        0,
        engineDiagnostic(
          "internal/rule-crash",
          "error",
          `Corpus rule ${meta.id} crashed (${reason}); its findings may be missing. Please report this bug.`,
          { start: 0, end: 0 },
          located(0).lines,
        ),
      );
    }
  }
  for (const list of perFile) list.sort(compareDiagnostics);
  return perFile;
}
