import { lintArticle } from "../../src/engine/lint.js";
import type { Diagnostic, Rule } from "../../src/engine/types.js";
import type { Article, Block, FaqItem } from "../../src/model/article.js";
import type { TextPart } from "../../src/model/span.js";
import { basicBlock, sourceWriter } from "./article.js";

/** One body block of a hand-built article: a string is a paragraph. */
export type FixtureBlock = string | { h: 1 | 2 | 3 | 4 | 5 | 6; text: string } | { list: string[] };

export interface FixtureSpec {
  title?: string;
  lang?: string;
  keyphrase?: string;
  body: FixtureBlock[];
  faq?: Array<[question: string, answer: string]>;
}

/**
 * Builds an Article whose source is the parts joined by blank lines, each
 * part a verbatim slice of the source (so spans are easy to assert).
 */
export function articleFrom(spec: FixtureSpec): Article {
  const { place, text: sourceText } = sourceWriter("\n\n");
  const title = spec.title !== undefined ? place(spec.title) : undefined;
  const blocks: Block[] = spec.body.map((b): Block => {
    if (typeof b === "string" || "h" in b) return basicBlock(place, b);
    const items = b.list.map((item) => place(item));
    const first = items[0]?.span.start ?? sourceText().length;
    const last = items[items.length - 1]?.span.end ?? sourceText().length;
    return { kind: "list", ordered: false, items, span: { start: first, end: last } };
  });
  const faq: FaqItem[] = (spec.faq ?? []).map(([q, a]) => {
    const question = place(q);
    const answer = place(a);
    return { question, answer, span: { start: question.span.start, end: answer.span.end } };
  });
  const focusKeyword = spec.keyphrase !== undefined ? place(spec.keyphrase) : undefined;
  const article: Article = {
    source: { path: "fixture.md", text: sourceText(), format: "markdown" },
    format: "markdown",
    meta: focusKeyword ? { focusKeyword } : {},
    blocks,
    faq,
    jsonld: [],
    readNotes: [],
  };
  if (title) article.title = title;
  if (spec.lang) article.lang = spec.lang;
  return article;
}

/**
 * A stand-in reader for the seed's shape (JSON-LD, title line, heading and
 * paragraph lines, FAQ as question/answer lines, ===SCHEMA_JSON=== block),
 * used until `readArticle` is available. Spans are exact source offsets.
 */
export function articleFromBundle(path: string, text: string): Article {
  const lines: Array<{ text: string; start: number }> = [];
  let pos = 0;
  for (const line of text.split("\n")) {
    lines.push({ text: line.replace(/\r$/, ""), start: pos });
    pos += line.length + 1;
  }
  const marker = lines.findIndex((l) => l.text.startsWith("==="));
  const end = marker < 0 ? lines.length : marker;
  let first = 0;
  for (let i = 0; i < end; i++) if (/^[}\]]\s*$/.test(lines[i]?.text ?? "")) first = i + 1;
  const part = (l: { text: string; start: number }): TextPart => ({
    text: l.text,
    span: { start: l.start, end: l.start + l.text.length },
  });
  const body = lines.slice(first, end).filter((l) => l.text.trim() !== "");
  const [titleLine, ...rest] = body;
  const blocks: Block[] = [];
  const faq: FaqItem[] = [];
  for (let i = 0; i < rest.length; i++) {
    const l = rest[i] as { text: string; start: number };
    const next = rest[i + 1];
    if (l.text.trim().endsWith("?") && next) {
      const question = part(l);
      const answer = part(next);
      faq.push({ question, answer, span: { start: question.span.start, end: answer.span.end } });
      i++;
    } else if (l.text.length < 120 && !/[.!]$/.test(l.text.trim())) {
      const content = part(l);
      blocks.push({ kind: "heading", level: 2, content, span: content.span });
    } else {
      const content = part(l);
      blocks.push({ kind: "paragraph", content, span: content.span });
    }
  }
  const meta: Article["meta"] = {};
  const kw = /focus_keyword["\u201d]\s*:\s*["\u201c]([^"\u201d]+)/.exec(text);
  if (kw) {
    const start = kw.index + kw[0].length - (kw[1] as string).length;
    meta.focusKeyword = { text: kw[1] as string, span: { start, end: start + (kw[1] as string).length } };
  }
  const article: Article = {
    source: { path, text, format: "bundle" },
    format: "bundle",
    meta,
    blocks,
    faq,
    jsonld: [],
    readNotes: [],
  };
  if (titleLine) article.title = part(titleLine);
  return article;
}

const FILLER =
  "soil holds water near roots under compost feeds worms and keeps beds loose through dry summer weeks".split(" ");
const OPENERS = "Gardeners Tomatoes Compost Rain Beans Mulch Worms Seeds Roots Leaves Sunlight Weeds".split(" ");
let opener = 0;

/** A sentence of exactly `n` words (n ≥ 1) with a rotating first word, so beginnings never repeat by accident. */
export function sentenceOf(n: number): string {
  const first = OPENERS[opener++ % OPENERS.length] as string;
  const rest = Array.from({ length: n - 1 }, (_, i) => FILLER[i % FILLER.length] as string);
  return `${[first, ...rest].join(" ")}.`;
}

/** A paragraph of sentences with the given word counts. */
export function paragraphOf(...counts: number[]): string {
  return counts.map(sentenceOf).join(" ");
}

/** Lints a hand-built article with one rule through the real engine; returns that rule's diagnostics. */
export function lintRule(rule: Rule<any>, article: Article, options: Record<string, unknown> = {}): Diagnostic[] {
  const parsed = rule.meta.options ? (rule.meta.options.parse(options) as Record<string, unknown>) : {};
  const { diagnostics } = lintArticle(article, {
    rules: [{ rule, severity: rule.meta.severity, options: parsed }],
    settings: { now: new Date("2026-11-24T12:00:00Z"), health: "off" },
    throwOnCrash: true,
  });
  return diagnostics.filter((d) => d.ruleId === rule.meta.id);
}

/** The fields rule tables assert: message id, data and exact source span. */
export function briefly(d: Diagnostic): { messageId: string; span: [number, number]; line: number; column: number } {
  return { messageId: d.messageId, span: [d.span.start, d.span.end], line: d.line, column: d.column };
}
