import type { Article } from "../model/article.js";
import { LineIndex } from "../model/span.js";
import { analyzeText } from "../text/analyze.js";
import { healthEnabled, isHealthArticle } from "../text/health-detect.js";
import type { TextAnalysis } from "../text/types.js";
import { loadVocab } from "../vocab/index.js";
import type { VocabIndex } from "../vocab/types.js";
import { compareDiagnostics, engineDiagnostic, makeDiagnostic } from "./diagnostic.js";
import {
  type Diagnostic,
  isCorpusRule,
  type Report,
  type ResolvedRule,
  type Rule,
  type RuleContext,
  type RunSettings,
} from "./types.js";

export interface LintOptions {
  rules: readonly ResolvedRule[];
  settings: RunSettings;
  /** rethrow a rule's exception instead of turning it into `internal/rule-crash` (the rule tester wants the stack) */
  throwOnCrash?: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** the article's text layer, shared with the rules (built now if no rule needed it) */
  text(): TextAnalysis;
}

/** Primary language subtag: "en-GB" → "en". */
function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/, 1)[0] ?? "";
}

/** Per-article context facts, each built on first use and then shared by every rule. */
class ArticleFacts {
  #text: TextAnalysis | undefined;
  #lang: string | null | undefined;
  #health: boolean | undefined;
  readonly lines: LineIndex;
  readonly length: number;
  constructor(readonly article: Article) {
    this.lines = new LineIndex(article.source.text);
    this.length = article.source.text.length;
  }
  get text(): TextAnalysis {
    this.#text ??= analyzeText(this.article);
    return this.#text;
  }
  /** article language from metadata, else from the text layer; null when unknown */
  get lang(): string | null {
    if (this.#lang === undefined) {
      let tag = this.article.lang;
      if (!tag) {
        try {
          tag = this.text.lang;
        } catch {
          tag = undefined; // no text layer: treat the language as unknown and run every rule
        }
      }
      this.#lang = tag ? primaryLanguage(tag) : null;
    }
    return this.#lang;
  }
  get health(): boolean {
    this.#health ??= isHealthArticle(this.article, this.#text);
    return this.#health;
  }
}

/** The primary subtags a rule's `meta.languages` allows, worked out once per rule rather than per article. */
const ruleLanguages = new WeakMap<Rule<any>, ReadonlySet<string>>();

function languagesOf(rule: Rule<any>): ReadonlySet<string> {
  let langs = ruleLanguages.get(rule);
  if (!langs) {
    langs = new Set((rule.meta.languages ?? []).map(primaryLanguage));
    ruleLanguages.set(rule, langs);
  }
  return langs;
}

/**
 * What a rule sees: one small object per rule and article whose getters live on the
 * class, instead of an object literal that builds fresh getters and closures each time.
 */
class Context implements RuleContext<any> {
  constructor(
    readonly article: Article,
    readonly options: any,
    readonly settings: RunSettings,
    private readonly facts: ArticleFacts,
    private readonly resolved: ResolvedRule,
    private readonly diagnostics: Diagnostic[],
  ) {}
  get text(): TextAnalysis {
    return this.facts.text;
  }
  get vocab(): VocabIndex {
    return loadVocab();
  }
  report(report: Report): void {
    const { facts } = this;
    this.diagnostics.push(
      makeDiagnostic(this.resolved.rule.meta, this.resolved.severity, report, facts.lines, facts.length),
    );
  }
}

/**
 * Runs the enabled per-article rules over one article. Corpus rules in the
 * list are ignored here (see corpus.ts). Diagnostics come back sorted.
 */
export function lintArticle(article: Article, options: LintOptions): LintResult {
  const { settings } = options;
  const facts = new ArticleFacts(article);
  const { lines } = facts;
  const diagnostics: Diagnostic[] = [];

  for (const note of article.readNotes) {
    diagnostics.push(engineDiagnostic(`read/${note.id}`, note.severity, note.message, note.span, lines));
  }

  const skipped: string[] = [];
  for (const resolved of options.rules) {
    if (isCorpusRule(resolved.rule)) continue;
    const rule = resolved.rule as Rule<any>;
    const { meta } = rule;
    if (meta.healthOnly && !healthEnabled(settings.health, () => facts.health)) continue;
    if (meta.languages?.length && facts.lang !== null && !languagesOf(rule).has(facts.lang)) {
      skipped.push(meta.id);
      continue;
    }
    try {
      rule.check(new Context(article, resolved.options, settings, facts, resolved, diagnostics));
    } catch (err) {
      if (options.throwOnCrash) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      diagnostics.push(
        engineDiagnostic(
          "internal/rule-crash",
          "error",
          `Rule ${meta.id} crashed on this file (${reason}); its other findings may be missing. Please report this bug.`,
          { start: 0, end: 0 },
          lines,
        ),
      );
    }
  }

  if (skipped.length > 0) {
    const where = article.meta.lang?.span ?? { start: 0, end: 0 };
    diagnostics.push(
      engineDiagnostic(
        "internal/language-skip",
        "info",
        `Skipped ${skipped.length} rule${skipped.length === 1 ? "" : "s"} that only support other languages than "${facts.lang}": ${skipped.join(", ")}.`,
        where,
        lines,
      ),
    );
  }

  diagnostics.sort(compareDiagnostics);
  return { diagnostics, text: () => facts.text };
}
