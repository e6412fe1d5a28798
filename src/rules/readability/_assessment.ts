/**
 * Every readability rule is a Yoast-style assessment: it scores the article
 * on Yoast's 0–9 scale and lists what to report. The rule reports those
 * findings; `computeScores` (src/engine/scores.ts) reads the scores for the
 * readability score and traffic lights, so thresholds live in one place.
 */
import type { Report, Rule, RuleMeta } from "../../engine/types.js";
import type { Span } from "../../model/span.js";
import type { Sentence, TextAnalysis } from "../../text/types.js";
import { LastAssessment } from "../_last-assessment.js";

export interface ReadabilityAssessment {
  /** Yoast's scale: 9 good, 5–8 okay, ≤ 4 bad */
  score: number;
  /** the measured figure (percent, words, score) */
  value?: number;
  reports: Report[];
}

export interface ReadabilityRule<O> extends Rule<O> {
  /** scores the text; undefined when the assessment does not apply (too little text) */
  assess(text: TextAnalysis, options: O): ReadabilityAssessment | undefined;
  /** Yoast counts this assessment in its readability score (Flesch is a research only since 3.x) */
  scored: boolean;
}

export function readabilityRule<O>(
  meta: RuleMeta<O>,
  assess: (text: TextAnalysis, options: O) => ReadabilityAssessment | undefined,
  scored = true,
): ReadabilityRule<O> {
  // the check and `computeScores` (JSON output) ask for the same assessment one after the other: the last is kept
  const last = new LastAssessment<O, ReadabilityAssessment | undefined>();
  const assessOnce = (text: TextAnalysis, options: O): ReadabilityAssessment | undefined =>
    last.madeFrom(text, undefined, undefined, options)
      ? last.result
      : last.keep(text, undefined, undefined, options, assess(text, options));
  return {
    meta,
    assess: assessOnce,
    scored,
    check(ctx) {
      const result = assessOnce(ctx.text, ctx.options);
      if (!result) return;
      // an index loop: each article runs this once per rule, as baseline code in a thread's first drafts
      const { reports } = result;
      for (let i = 0; i < reports.length; i++) ctx.report(reports[i]!);
    },
  };
}

/**
 * Where whole-text findings (shares, averages) are reported: the title when
 * there is one, else the first body part, else the start of the file.
 */
export function anchorSpan(text: TextAnalysis): Span {
  const seg = text.segments[0];
  return seg ? { start: seg.start, end: seg.end } : { start: 0, end: 0 };
}

/** Indexes of the body sentences (title excluded); headings too unless `withHeadings` is false. */
export function bodySentences(text: TextAnalysis, withHeadings = true): number[] {
  const out: number[] = [];
  for (let i = text.body.sentence; i < text.sentences.length; i++) {
    const s = text.sentences[i] as Sentence;
    if (!withHeadings && isHeadingKind(text.segments[s.segment]?.kind)) continue;
    out.push(i);
  }
  return out;
}

/** Headings and FAQ questions (rendered as subheadings, as Yoast reads them). */
export function isHeadingKind(kind: string | undefined): boolean {
  return kind === "heading" || kind === "faq-question";
}

/** Percent with one decimal. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** The span of sentence `i`. */
export function sentenceSpan(text: TextAnalysis, i: number): Span {
  const s = text.sentences[i] as Sentence;
  return { start: s.start, end: s.end };
}
