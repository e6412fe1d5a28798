import type { z } from "zod";
import type { Article } from "../model/article.js";
import type { Span } from "../model/span.js";
import type { TextAnalysis } from "../text/types.js";
import type { VocabIndex } from "../vocab/types.js";

export type Severity = "error" | "warn" | "info";
export type SeveritySetting = Severity | "off";
export type Category = "jsonld" | "google" | "consistency" | "seo" | "readability" | "draft" | "health" | "read";
export type PresetName = "recommended" | "strict" | "health";

/** A text edit: replace source[span.start, span.end) with `text`. Fixes are data. */
export interface Edit {
  span: Span;
  text: string;
}

/** A fix is one or more non-overlapping edits applied together. */
export interface Fix {
  edits: Edit[];
}

export interface Suggestion {
  messageId: string;
  data?: Record<string, string | number>;
  fix: Fix;
}

/** What a rule reports. Rules never compute line/column or stamp their own id. */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  span: Span;
  /** safe, automatic fix (applied by `copydesk fix`) */
  fix?: Fix;
  /** fixes that could change meaning: shown, never applied automatically */
  suggestions?: Suggestion[];
}

export interface RuleMeta<O = Record<string, unknown>> {
  /** `category/name` */
  id: string;
  description: string;
  severity: Severity;
  /** presets that enable the rule; "recommended" implies "strict" and "health" */
  presets: PresetName[];
  /** messages by id; `{{name}}` placeholders are filled from `data` */
  messages: Record<string, string>;
  fixable?: "safe" | "suggestion";
  /** zod schema of the options object; defaults live in the schema */
  options?: z.ZodType<O>;
  /** rules that only make sense in English say so (the engine reports once per file and skips) */
  languages?: string[];
  /** rules that need the health vocabulary to be on */
  healthOnly?: boolean;
}

/** Shared, lazily built per-article facts: computed once, read by every rule. */
export interface RuleContext<O = Record<string, unknown>> {
  article: Article;
  options: O;
  /** sentence/word/syllable layer for the article's visible text (built on first use) */
  readonly text: TextAnalysis;
  /** schema.org vocabulary index (built once per process, on first use) */
  readonly vocab: VocabIndex;
  /** the run's settings (site, health mode, now) */
  settings: RunSettings;
  report(report: Report): void;
}

export interface RunSettings {
  /** ISO date used as "today" for future-date checks (injectable for tests) */
  now: Date;
  /** whether health rules run: "auto" detects from vocabulary */
  health: "auto" | "on" | "off";
  site?: SiteSettings;
}

export interface SiteSettings {
  url?: string;
  name?: string;
  language?: string;
  basePath?: string;
  publisher?: { name: string; url?: string; logo?: string };
  author?: { name: string; url?: string; credentials?: string };
  reviewer?: { name: string; url?: string; credentials?: string };
  /**
   * Entries in the Atom feed (default `DEFAULT_FEED_ENTRIES`, 20): a site with more pages lists its
   * newest that many, newest first; one with no more lists every page in input order.
   */
  feedEntries?: number;
}

export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>): void;
}

/** A rule that sees every article of a run at once (duplicate titles, shared keyphrases). */
export interface CorpusRule<O = Record<string, unknown>> {
  meta: RuleMeta<O>;
  checkCorpus(ctx: CorpusContext<O>): void;
}

export interface CorpusContext<O = Record<string, unknown>> {
  /** per-article facts: rules must not rely on anything that is not here, so cached runs can replay them */
  articles: readonly CorpusEntry[];
  options: O;
  report(articleIndex: number, report: Report): void;
}

/** The small per-article summary corpus rules read (kept tiny so the cache can store it). */
export interface CorpusEntry {
  path: string;
  title?: { text: string; span: Span };
  metaTitle?: { text: string; span: Span };
  metaDescription?: { text: string; span: Span };
  focusKeyword?: { text: string; span: Span };
  slug?: string;
}

export type AnyRule = Rule<any> | CorpusRule<any>;

export function isCorpusRule(rule: AnyRule): rule is CorpusRule<any> {
  return "checkCorpus" in rule;
}

/** A diagnostic as reporters see it: stamped by the engine. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  url: string;
  span: Span;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  suggestions?: Array<{ message: string; fix: Fix }>;
}

/** A rule switched on by the config, with its severity and parsed (defaults applied) options. */
export interface ResolvedRule<R extends AnyRule = AnyRule> {
  rule: R;
  severity: Severity;
  options: Record<string, unknown>;
}
