/**
 * Every per-article SEO rule is a Yoast-style assessment: it scores the
 * article on Yoast's 0–9 scale and lists what to report. The rule reports
 * those findings; `seoAssessments` (src/text/seo-assessments.ts) reads the
 * scores for the SEO score, so thresholds live in one place.
 */
import type { Report, Rule, RuleMeta, SiteSettings } from "../../engine/types.js";
import type { Article } from "../../model/article.js";
import type { TextAnalysis } from "../../text/types.js";
import { LastAssessment } from "../_last-assessment.js";

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

/**
 * An SEO rule from its assessment. The rule's check and the SEO score (`seoAssessments`, run after
 * the rules for the JSON output and compare-yoast) ask for the same assessment of the same article:
 * the last one made is kept (`LastAssessment`) and made again only when the text, article, options
 * or site differ (assessments are pure functions of those).
 */
export function seoRule<O>(meta: RuleMeta<O>, assess: (input: SeoInput<O>) => Assessment | undefined): SeoRule<O> {
  const last = new LastAssessment<O, Assessment | undefined>();
  const assessOnce = (input: SeoInput<O>): Assessment | undefined =>
    last.madeFrom(input.text, input.article, input.site, input.options)
      ? last.result
      : last.keep(input.text, input.article, input.site, input.options, assess(input));
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
      if (!result) return;
      // an index loop: each article runs this once per rule, as baseline code in a thread's first drafts
      const { reports } = result;
      for (let i = 0; i < reports.length; i++) ctx.report(reports[i]!);
    },
  };
}

/** A result with one report, or none when the score is good. */
export function scored(score: number, report?: Report, value?: number): Assessment {
  const result: Assessment = { score, reports: report ? [report] : [] };
  if (value !== undefined) result.value = value;
  return result;
}
