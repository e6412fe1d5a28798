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
  /** whether it reads as health content (detection run once, shared with the health rules) */
  health(): boolean;
}

/** Primary language subtag: "en-GB" → "en". */
function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/, 1)[0] ?? "";
}

/** `healthEnabled` without a closure per health rule and article: "auto" asks the shared, memoised detection. */
function healthOn(mode: RunSettings["health"], facts: ArticleFacts): boolean {
  return mode === "auto" ? facts.health : healthEnabled(mode, facts.article);
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

/** What the loop needs of one enabled per-article rule, worked out once per rule list rather than per article. */
interface Step {
  resolved: ResolvedRule;
  rule: Rule<any>;
  meta: Rule<any>["meta"];
  /** `rule.check`, read once: rule objects come in many shapes, so reading it per article is a megamorphic load */
  check: Rule<any>["check"];
  /** the primary subtags `meta.languages` allows; undefined when the rule runs in every language */
  languages: ReadonlySet<string> | undefined;
}

/** Rule lists are built once per run and linted with thousands of times: their steps are kept with them. */
const plans = new WeakMap<readonly ResolvedRule[], readonly Step[]>();

function planOf(rules: readonly ResolvedRule[]): readonly Step[] {
  let plan = plans.get(rules);
  if (!plan) {
    const steps: Step[] = [];
    for (const resolved of rules) {
      // corpus rules in the list are run by corpus.ts, not here
      if (isCorpusRule(resolved.rule)) continue;
      const rule = resolved.rule as Rule<any>;
      const langs = rule.meta.languages;
      steps.push({
        resolved,
        rule,
        meta: rule.meta,
        check: rule.check,
        languages: langs?.length ? new Set(langs.map(primaryLanguage)) : undefined,
      });
    }
    plan = steps;
    plans.set(rules, plan);
  }
  return plan;
}

/**
 * What a rule sees. One per article, pointed at each rule in turn before its `check` (rules
 * report synchronously, during their own check), so the loop allocates no object per rule;
 * the getters live on the class instead of fresh closures on an object literal.
 */
class Context implements RuleContext<any> {
  options: any = undefined;
  resolved: ResolvedRule | undefined = undefined;
  constructor(
    readonly article: Article,
    readonly settings: RunSettings,
    private readonly facts: ArticleFacts,
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
    const resolved = this.resolved as ResolvedRule;
    this.diagnostics.push(makeDiagnostic(resolved.rule.meta, resolved.severity, report, facts.lines, facts.length));
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
  const ctx = new Context(article, settings, facts, diagnostics);
  // lintArticle runs once per article and seldom gets optimised: the loop is written for baseline code
  // (an index rather than an iterator and destructuring, which allocate and call there on every step)
  const plan = planOf(options.rules);
  for (let i = 0; i < plan.length; i++) {
    const step = plan[i] as Step;
    const meta = step.meta;
    if (meta.healthOnly && !healthOn(settings.health, facts)) continue;
    if (step.languages !== undefined && facts.lang !== null && !step.languages.has(facts.lang)) {
      skipped.push(meta.id);
      continue;
    }
    const resolved = step.resolved;
    ctx.options = resolved.options;
    ctx.resolved = resolved;
    try {
      step.check.call(step.rule, ctx);
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
  return { diagnostics, text: () => facts.text, health: () => facts.health };
}
