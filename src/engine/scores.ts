/**
 * Yoast-style scores for one article: an SEO score and a readability score
 * (0–100) and a traffic light per assessment, from the same assessments the
 * seo/* and readability/* rules report (so findings and scores agree).
 */
import type { Article } from "../model/article.js";
import { readabilityAssessmentRules } from "../rules/readability/index.js";
import { seoAssessments, seoScore, trafficLight } from "../text/seo-assessments.js";
import type { TextAnalysis } from "../text/types.js";
import type { SiteSettings } from "./types.js";

export type Light = "red" | "orange" | "green";

export interface Scores {
  /** Yoast's SEO score; undefined when no SEO assessment applies (no keyphrase and nothing else to score) */
  seo?: number;
  /** Yoast's readability score: 30, 60 or 90 */
  readability: number;
  /** traffic light per assessment, keyed by rule id */
  lights: Record<string, Light>;
}

export interface ScoreOptions {
  /** options per rule id (parsed with the rule's schema; defaults otherwise) */
  options?: Record<string, unknown>;
  site?: SiteSettings;
  /** rule ids switched off in the config: left out of scores and lights */
  skip?: ReadonlySet<string>;
}

/** Yoast's penalty points per light: red 3, orange 2, green 0. */
function penalty(light: Light): number {
  return light === "red" ? 3 : light === "orange" ? 2 : 0;
}

/**
 * Yoast's readability score from the summed penalty points. With full
 * language support (English) ≥ 6 → 30, ≥ 4 → 60, else 90; with partial
 * support (English-only assessments skipped) ≥ 4 → 30, ≥ 2 → 60, else 90.
 */
export function readabilityScore(totalPenalty: number, fullSupport: boolean): number {
  const [red, orange] = fullSupport ? [6, 4] : [4, 2];
  if (totalPenalty >= red) return 30;
  if (totalPenalty >= orange) return 60;
  return 90;
}

const defaultOptions = new Map<string, unknown>();

function optionsFor(rule: (typeof readabilityAssessmentRules)[number], given: unknown): unknown {
  const schema = rule.meta.options;
  if (!schema) return {};
  if (given !== undefined) return schema.parse(given);
  let parsed = defaultOptions.get(rule.meta.id);
  if (parsed === undefined) {
    parsed = schema.parse({});
    defaultOptions.set(rule.meta.id, parsed);
  }
  return parsed;
}

export function computeScores(article: Article, text: TextAnalysis, opts: ScoreOptions = {}): Scores {
  const lights: Record<string, Light> = {};
  const seoOpts: Parameters<typeof seoAssessments>[2] = {};
  if (opts.options) seoOpts.options = opts.options;
  if (opts.site) seoOpts.site = opts.site;
  if (opts.skip) seoOpts.skip = opts.skip;
  const seo = seoAssessments(article, text, seoOpts);
  for (const a of seo) lights[a.id] = trafficLight(a.score);

  let total = 0;
  let fullSupport = true;
  for (const rule of readabilityAssessmentRules) {
    const id = rule.meta.id;
    if (opts.skip?.has(id)) continue;
    if (rule.meta.languages && !rule.meta.languages.includes(text.lang)) {
      fullSupport = false;
      continue;
    }
    const result = rule.assess(text, optionsFor(rule, opts.options?.[id]));
    if (!result) continue;
    const light = trafficLight(result.score);
    lights[id] = light;
    if (rule.scored) total += penalty(light);
  }

  const scores: Scores = { readability: readabilityScore(total, fullSupport), lights };
  if (seo.length > 0) scores.seo = seoScore(seo);
  return scores;
}
