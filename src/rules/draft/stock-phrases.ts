import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import { PhraseMatcher } from "./_phrase-matcher.js";

/**
 * Phrases language models reach for when they have nothing specific to say.
 * Syntax: words separated by spaces, `a|b` for either word, `*` for any one word.
 */
export const DEFAULT_STOCK_PHRASES: readonly string[] = [
  "delve|delves|delved|delving into",
  "dive|dives|diving deep into",
  "deep dive into",
  "in today's fast-paced world",
  "in today's digital age",
  "in today's world",
  "in the ever-evolving world|landscape of",
  "ever-evolving landscape",
  "it's important to note",
  "it is important to note",
  "it's worth noting",
  "it is worth noting",
  "it's crucial to remember",
  "it is crucial to remember",
  "navigate|navigating the complexities of",
  "navigating the world of",
  "a testament to",
  "unlock|unlocking the power|potential|secrets of",
  "harness|harnessing the power of",
  "embark|embarking on a journey",
  "a journey of self-discovery",
  "in the realm of",
  "a rich tapestry",
  "tapestry of",
  "plays|play|playing a crucial|pivotal|vital|critical role",
  "game-changer",
  "game changer",
  "look no further",
  "at the end of the day",
  "in conclusion",
  "first and foremost",
  "last but not least",
  "without further ado",
  "stands as a",
  "serves as a testament",
  "seamlessly integrate|integrates|integrating",
  "elevate your",
  "take it to the next level",
  "a myriad of",
  "holistic approach",
  "paradigm shift",
  "whether you're a seasoned * or",
  "the key takeaway",
  "it goes without saying",
  "needless to say",
];

const options = z.object({
  /** the phrase list (replaces the default list) */
  phrases: z.array(z.string().min(1)).default([...DEFAULT_STOCK_PHRASES]),
  /** phrases added to the list */
  add: z.array(z.string().min(1)).default([]),
});
export type StockPhrasesOptions = z.infer<typeof options>;

/** One compiled matcher per distinct list: options objects are stable per run, lists rarely change. */
const matchers = new Map<string, PhraseMatcher>();
function matcherFor(phrases: readonly string[]): PhraseMatcher {
  const key = phrases.join("\n");
  let m = matchers.get(key);
  if (!m) {
    if (matchers.size > 32) matchers.clear();
    m = new PhraseMatcher(phrases);
    matchers.set(key, m);
  }
  return m;
}
const defaultMatcher = matcherFor(DEFAULT_STOCK_PHRASES);

/** The matcher of each options object seen: a run passes the same object for every article. */
const byOptions = new WeakMap<StockPhrasesOptions, PhraseMatcher>();
function matcherOf(options: StockPhrasesOptions): PhraseMatcher {
  let matcher = byOptions.get(options);
  if (!matcher) {
    const { phrases, add } = options;
    matcher =
      add.length === 0 &&
      phrases.length === DEFAULT_STOCK_PHRASES.length &&
      phrases.every((p, i) => p === DEFAULT_STOCK_PHRASES[i])
        ? defaultMatcher
        : matcherFor([...phrases, ...add]);
    byOptions.set(options, matcher);
  }
  return matcher;
}

/** Stock phrases that mark machine-written or padded prose. */
export const stockPhrases: Rule<StockPhrasesOptions> = {
  meta: {
    id: "draft/stock-phrases",
    description: 'Stock phrases ("delve into", "it\'s important to note") pad the text and mark it as machine-written.',
    severity: "warn",
    presets: ["recommended"],
    messages: {
      stock:
        '"{{text}}" is a stock phrase that readers recognise as filler. Say the specific thing instead, or cut it.',
    },
    options,
    languages: ["en"],
  },
  check(ctx) {
    const matcher = matcherOf(ctx.options);
    const { words, segments } = ctx.text;
    const source = ctx.article.source.text;
    const seen = new Set<number>();
    // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let s = 0; s < segments.length; s++) {
      const seg = segments[s]!;
      if (seen.has(seg.start)) continue;
      seen.add(seg.start);
      const found = matcher.findAll(words, seg.firstWord, seg.firstWord + seg.wordCount);
      for (let f = 0; f < found.length; f++) {
        const m = found[f]!;
        const span = { start: words[m.first]!.start, end: words[m.last]!.end };
        ctx.report({ messageId: "stock", data: { text: source.slice(span.start, span.end), phrase: m.phrase }, span });
      }
    }
  },
};
