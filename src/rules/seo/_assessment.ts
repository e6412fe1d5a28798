/**
 * Every per-article SEO rule is a Yoast-style assessment: it scores the
 * article on Yoast's 0–9 scale and lists what to report. The rule reports
 * those findings; `seoAssessments` (src/text/seo-assessments.ts) reads the
 * scores for the SEO score, so thresholds live in one place.
 */
import type { Report, Rule, RuleMeta, SiteSettings } from "../../engine/types.js";
import type { Article } from "../../model/article.js";
import type { TextAnalysis } from "../../text/types.js";

export interface SeoInput<O> {
  article: Article;
  text: TextAnalysis;
  options: O;
  site?: SiteSettings | undefined;
}

export interface Assessment {
  /** Yoast's scale: 9 good, 5–8 okay, ≤ 4 bad (density can go negative, like Yoast's) */
  score: number;
  /** the measured figure, when there is one (words, px, percent, …) */
  value?: number;
  reports: Report[];
}

export interface SeoRule<O> extends Rule<O> {
  /** scores the article; undefined when the assessment does not apply (no keyphrase, for example) */
  assess(input: SeoInput<O>): Assessment | undefined;
}

/** One assessment made, with the inputs it was made from (the text analysis is the key it is kept under). */
interface Made<O> {
  article: Article;
  options: O;
  site: SiteSettings | undefined;
  result: Assessment | undefined;
}

/** Same options: the same object, or flat objects whose values are identical (a number, a string, the same array). */
function sameOptions(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || (a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key])
      return false;
  }
  return true;
}

/**
 * An SEO rule from its assessment. The rule's check and the SEO score (`seoAssessments`, run after
 * the rules for the JSON output and compare-yoast) ask for the same assessment of the same article:
 * it is made once and kept with the article's text analysis, and made again only when the article,
 * options or site differ (assessments are pure functions of those).
 */
export function seoRule<O>(meta: RuleMeta<O>, assess: (input: SeoInput<O>) => Assessment | undefined): SeoRule<O> {
  const made = new WeakMap<TextAnalysis, Made<O>>();
  const assessOnce = (input: SeoInput<O>): Assessment | undefined => {
    const last = made.get(input.text);
    if (
      last !== undefined &&
      last.article === input.article &&
      last.site === input.site &&
      sameOptions(last.options, input.options)
    ) {
      return last.result;
    }
    const result = assess(input);
    made.set(input.text, { article: input.article, options: input.options, site: input.site, result });
    return result;
  };
  return {
    meta,
    assess: assessOnce,
    check(ctx) {
      const result = assessOnce({
        article: ctx.article,
        text: ctx.text,
        options: ctx.options,
        site: ctx.settings.site,
      });
      if (result) for (const report of result.reports) ctx.report(report);
    },
  };
}

/** A result with one report, or none when the score is good. */
export function scored(score: number, report?: Report, value?: number): Assessment {
  const result: Assessment = { score, reports: report ? [report] : [] };
  if (value !== undefined) result.value = value;
  return result;
}
