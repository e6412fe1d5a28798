import { z } from "zod";
import type { Report, Rule, RuleContext } from "../../engine/types.js";
import type { Word } from "../../text/types.js";
import { defineRole, rolesOf } from "../_word-roles.js";

const options = z.object({
  /** report a year once it stamps this many sentences */
  minSentences: z.number().int().min(2).default(3),
  /** report "In 2026," openers once a year opens more than this many sentences */
  maxOpeners: z.number().int().min(0).default(1),
});
export type YearFillerOptions = z.infer<typeof options>;

const MONTHS = new Set(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(
    " ",
  ),
);

const CLOSING_PUNCTUATION = /^[,.;:!?)]/;

interface Stamp {
  word: number;
  sentence: number;
  opener: boolean;
}

/** "1900"–"2099" as a whole word (a char-code test, once per distinct word: see YEAR). */
export function isYear(norm: string): boolean {
  if (norm.length !== 4) return false;
  const c0 = norm.charCodeAt(0);
  const c1 = norm.charCodeAt(1);
  if (!((c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48))) return false;
  const c2 = norm.charCodeAt(2);
  const c3 = norm.charCodeAt(3);
  return c2 >= 48 && c2 <= 57 && c3 >= 48 && c3 <= 57;
}

/**
 * Years as a word role: the scan runs on every word, and a bit test on the lexeme is cheaper than the
 * char-code test. It also keeps the scan to one compare: the test's later compares, first reached by a
 * year after the check was optimised, threw its compiled code away. 0 when no bit was left: test the word.
 */
export const YEAR = defineRole(isYear);

/** Inside parentheses, a year is a citation ("(Lee, 2021)"), not filler. */
function inParentheses(source: string, from: number, at: number): boolean {
  // scan back only to the sentence start: lastIndexOf would walk the whole file for every year
  for (let i = at - 1; i >= from; i--) {
    const c = source.charCodeAt(i);
    if (c === 41 /* ) */) return false;
    if (c === 40 /* ( */) return true;
  }
  return false;
}

/**
 * Year-stamping filler: the same year pressed into sentence after sentence
 * ("In 2026, …", "… in 2026 …"), which models do to sound current.
 */
export const yearFiller: Rule<YearFillerOptions> = {
  meta: {
    id: "draft/year-filler",
    description: "The same year stamped on sentence after sentence is filler that dates the page.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      yearStamp:
        "{{year}} is stamped on {{count}} sentences. Repeating the year adds nothing and dates the page: keep it only where the date matters.",
      yearOpener:
        '"In {{year}}," opens {{count}} sentences. A repeated year opener is model filler: start with the point instead.',
      removeOpener: 'Remove "In {{year}},"',
      removeYear: 'Remove "in {{year}}"',
    },
    fixable: "suggestion",
    options,
    languages: ["en"],
  },
  check(ctx) {
    const { words, sentences } = ctx.text;
    const source = ctx.article.source.text;
    const byYear = new Map<string, Stamp[]>();
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (YEAR !== 0 ? (rolesOf(w.lex) & YEAR) === 0 : !isYear(w.norm)) continue;
      const prev = i > 0 && words[i - 1]!.sentence === w.sentence ? words[i - 1] : undefined;
      if (prev && MONTHS.has(prev.norm)) continue;
      const sentence = sentences[w.sentence]!;
      if (inParentheses(source, sentence.start, w.start)) continue;
      const opener = prev !== undefined && prev.norm === "in" && sentence.firstWord === i - 1;
      let list = byYear.get(w.norm);
      if (!list) {
        list = [];
        byYear.set(w.norm, list);
      }
      list.push({ word: i, sentence: w.sentence, opener });
    }
    if (byYear.size > 0) reportStamps(ctx, words, source, byYear);
  },
};

/** Reports the years stamped too often. Apart from the scan: it runs once per article, the scan once per word. */
function reportStamps(
  ctx: RuleContext<YearFillerOptions>,
  words: readonly Word[],
  source: string,
  byYear: ReadonlyMap<string, Stamp[]>,
): void {
  for (const [year, stamps] of byYear) {
    const stamped = new Set(stamps.map((s) => s.sentence)).size;
    const openers = stamps.filter((s) => s.opener).length;
    const all = stamped >= ctx.options.minSentences;
    if (!all && openers <= ctx.options.maxOpeners) continue;
    const repeatedOpener = openers > ctx.options.maxOpeners;
    for (const stamp of stamps) {
      if (!all && !stamp.opener) continue;
      const asOpener = stamp.opener && repeatedOpener;
      ctx.report(stampReport(words, source, stamp, year, asOpener, asOpener ? openers : stamped));
    }
  }
}

function stampReport(
  words: readonly Word[],
  source: string,
  stamp: Stamp,
  year: string,
  asOpener: boolean,
  count: number,
): Report {
  const w = words[stamp.word]!;
  const prev = words[stamp.word - 1];
  const data = { year, count };
  if (stamp.opener && prev) {
    const next = words[stamp.word + 1];
    const report: Report = {
      messageId: asOpener ? "yearOpener" : "yearStamp",
      data,
      span: { start: prev.start, end: w.end },
    };
    if (next && next.sentence === w.sentence) {
      // "In 2026, clinical data…" → "Clinical data…"
      const first = source.charAt(next.start);
      report.suggestions = [
        {
          messageId: "removeOpener",
          data,
          fix: { edits: [{ span: { start: prev.start, end: next.start + 1 }, text: first.toUpperCase() }] },
        },
      ];
    }
    return report;
  }
  const stampedWithIn = prev !== undefined && prev.norm === "in" && prev.sentence === w.sentence;
  const report: Report = {
    messageId: "yearStamp",
    data,
    span: { start: stampedWithIn ? prev.start : w.start, end: w.end },
  };
  // "… for chronic pain in 2026." → "… for chronic pain." (only when punctuation follows: safe to drop)
  const before = words[stamp.word - 2];
  if (stampedWithIn && before && before.sentence === w.sentence && CLOSING_PUNCTUATION.test(source.charAt(w.end))) {
    report.suggestions = [
      { messageId: "removeYear", data, fix: { edits: [{ span: { start: before.end, end: w.end }, text: "" }] } },
    ];
  }
  return report;
}
