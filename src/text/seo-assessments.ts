/**
 * Yoast-style SEO assessments of one article, for the SEO score and the
 * traffic lights. Each comes from the rule of the same name in
 * src/rules/seo, with that rule's default options (or the ones given), so a
 * rule's findings and its score can never disagree.
 */
import type { RuleMeta, SiteSettings } from "../engine/types.js";
import type { Article } from "../model/article.js";
import { seoAssessmentRules } from "../rules/seo/index.js";
import type { TextAnalysis } from "./types.js";

export interface SeoAssessment {
  /** the rule id, e.g. "seo/keyphrase-density" */
  id: string;
  /** Yoast's 0–9 scale (keyphrase density can be negative, as in Yoast) */
  score: number;
  /** the measured figure, when there is one (density %, words, px, …) */
  value?: number;
}

export interface SeoAssessmentOptions {
  /** options per rule id (parsed with the rule's schema; defaults otherwise) */
  options?: Record<string, unknown>;
  site?: SiteSettings;
  /** rule ids to leave out (rules switched off in the config) */
  skip?: ReadonlySet<string>;
}

const defaults = new Map<string, unknown>();

/** A rule's options parsed with its schema: `given`, else its defaults (parsed once per process). */
export function ruleOptions(meta: RuleMeta<any>, given: unknown): unknown {
  const schema = meta.options;
  if (!schema) return {};
  if (given !== undefined) return schema.parse(given);
  let parsed = defaults.get(meta.id);
  if (parsed === undefined) {
    parsed = schema.parse({});
    defaults.set(meta.id, parsed);
  }
  return parsed;
}

/** The applicable SEO assessments of an article, in rule-id order. */
export function seoAssessments(article: Article, text: TextAnalysis, opts: SeoAssessmentOptions = {}): SeoAssessment[] {
  const out: SeoAssessment[] = [];
  for (const rule of seoAssessmentRules) {
    const id = rule.meta.id;
    if (opts.skip?.has(id)) continue;
    const result = rule.assess({ article, text, options: ruleOptions(rule.meta, opts.options?.[id]), site: opts.site });
    if (!result) continue;
    const entry: SeoAssessment = { id, score: result.score };
    if (result.value !== undefined) entry.value = result.value;
    out.push(entry);
  }
  return out;
}

/** Yoast's overall SEO score: round(Σ score / (n · 9) · 100), kept within 0–100. */
export function seoScore(assessments: readonly SeoAssessment[]): number {
  if (assessments.length === 0) return 0;
  const sum = assessments.reduce((total, a) => total + a.score, 0);
  return Math.min(100, Math.max(0, Math.round((sum / (assessments.length * 9)) * 100)));
}

/** Yoast's traffic light for one assessment score. */
export function trafficLight(score: number): "red" | "orange" | "green" {
  return score >= 8 ? "green" : score >= 5 ? "orange" : "red";
}
