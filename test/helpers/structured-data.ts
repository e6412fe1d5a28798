/**
 * Test support for the structured-data rules: hand-built articles whose
 * JSON-LD blocks are parsed by the real repair ladder (so pointers and spans
 * are the reader's), and a direct rule runner for pure unit tests.
 */
import type { Report, Rule, RuleContext, RunSettings } from "../../src/engine/types.js";
import { repairSequence } from "../../src/jsonld/repair.js";
import type { Article, FaqItem, JsonLdOrigin, Meta } from "../../src/model/article.js";
import type { TextPart } from "../../src/model/span.js";
import { loadVocab } from "../../src/vocab/index.js";

/** A TextPart for `text` found in `source` (the first occurrence at or after `from`). */
export function partOf(source: string, text: string, from = 0): TextPart {
  const start = source.indexOf(text, from);
  if (start < 0) throw new Error(`fixture: ${JSON.stringify(text)} not found`);
  return { text, span: { start, end: start + text.length } };
}

export interface FixtureOptions {
  title?: string;
  meta?: Partial<Record<keyof Meta, string>>;
  faq?: Array<[question: string, answer: string]>;
  origin?: JsonLdOrigin;
}

/**
 * An article whose source is `source`; every JSON object starting at a line
 * beginning with `{` becomes a JSON-LD block. Title, meta and FAQ texts are
 * looked up in the source so their spans are real.
 */
export function fixtureArticle(source: string, options: FixtureOptions = {}): Article {
  const jsonld = [];
  const re = /^[{[]/gm;
  let consumedTo = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index < consumedTo) continue;
    for (const region of repairSequence(source, m.index, source.length, options.origin ?? "script")) {
      jsonld.push(region.block);
      consumedTo = region.end;
    }
  }
  const meta: Meta = {};
  for (const [key, text] of Object.entries(options.meta ?? {}))
    meta[key as keyof Meta] = partOf(source, text as string);
  const faq: FaqItem[] = (options.faq ?? []).map(([q, a]) => {
    const question = partOf(source, q);
    const answer = partOf(source, a, question.span.end);
    return { question, answer, span: { start: question.span.start, end: answer.span.end } };
  });
  const article: Article = {
    source: { path: "fixture.md", text: source, format: "markdown" },
    format: "markdown",
    meta,
    blocks: [],
    faq,
    jsonld,
    readNotes: [],
  };
  if (options.title) article.title = partOf(source, options.title);
  return article;
}

export const TEST_NOW = new Date("2026-06-01T12:00:00Z");

/** Runs one rule on an article and returns its reports in order. */
export function runRule<O>(
  rule: Rule<O>,
  article: Article,
  options: Partial<O> = {},
  settings: Partial<RunSettings> = {},
): Report[] {
  const reports: Report[] = [];
  const parsed = (rule.meta.options ? rule.meta.options.parse(options) : options) as O;
  const ctx: RuleContext<O> = {
    article,
    options: parsed,
    get text(): never {
      throw new Error("structured-data rules do not use the text layer");
    },
    vocab: loadVocab(),
    settings: { now: TEST_NOW, health: "auto", ...settings },
    report: (r) => reports.push(r),
  };
  rule.check(ctx);
  return reports;
}

/** Applies a report's fix to the source (edits sorted, non-overlapping). */
export function applyFix(source: string, report: Report): string {
  const edits = [...(report.fix?.edits ?? [])].sort((a, b) => b.span.start - a.span.start);
  let out = source;
  for (const e of edits) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

/** The source text a report points at. */
export function reported(source: string, report: Report): string {
  return source.slice(report.span.start, report.span.end);
}
