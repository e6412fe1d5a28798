/**
 * Sentence boundaries: Intl.Segmenter (ICU, ~0.5 ms per article) plus a merge
 * pass, because ICU splits after abbreviations ("Dr." | "Smith saw…").
 */

import { knownSentenceBreaks } from "./ascii-sentences.js";

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Languages whose ICU sentence rules are the untailored UAX #29 ones for ASCII
 * (checked against Intl.Segmenter; Greek, for one, ends questions with ";").
 * A tag with a Unicode extension ("-u-ss-…") may switch tailorings on: ICU.
 */
const UNTAILORED = new Set("en es de fr it pt nl sv da no nb fi pl ru tr ja zh ar hi ko cs ro hu".split(" "));

/**
 * `untailored` per language tag seen (a run meets a handful; asked once per text part), seeded with
 * the listed primary tags, which is what the text layer passes: a thread's first drafts run before V8
 * keeps type feedback for this code, so a first "pt" after the splitter was optimised would reach
 * the string calls below without any and throw that code away.
 */
const untailoredTags = seeded(new Map<string, boolean>());

function seeded(tags: Map<string, boolean>): Map<string, boolean> {
  for (const tag of UNTAILORED) tags.set(tag, true);
  return tags;
}

function untailored(lang: string): boolean {
  const known = untailoredTags.get(lang);
  return known === undefined ? classifyTag(lang) : known;
}

/** `untailored` of a tag not seen before (kept out of the hot lookup). */
function classifyTag(lang: string): boolean {
  const known = UNTAILORED.has(lang.toLowerCase().split("-", 1)[0] as string) && !lang.toLowerCase().includes("-u-");
  if (untailoredTags.size > 1000) {
    untailoredTags.clear();
    seeded(untailoredTags);
  }
  untailoredTags.set(lang, known);
  return known;
}

function segmenterFor(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang, { granularity: "sentence" });
    } catch {
      // a malformed language tag in the draft's metadata must not stop the analysis
      s = new Intl.Segmenter("en", { granularity: "sentence" });
    }
    segmenters.set(lang, s);
  }
  return s;
}

/** Abbreviations that never end a sentence: titles and Latin short forms (lower-case, without the final dot). */
const ALWAYS_JOIN = new Set([
  "dr",
  "mr",
  "mrs",
  "ms",
  "prof",
  "st",
  "vs",
  "e.g",
  "i.e",
  "cf",
  "jr",
  "sr",
  "fig",
  "approx",
  "mt",
  "ca",
  "viz",
]);
/** Abbreviations that end a sentence only when a capitalised word follows. */
const JOIN_IF_LOWER = new Set([
  "etc",
  "u.s",
  "u.k",
  "inc",
  "ltd",
  "co",
  "corp",
  "dept",
  "est",
  "vol",
  "al",
  "a.m",
  "p.m",
]);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0;
}

/** Longest abbreviation listed above (or "no"): a longer word without inner dots is no short form. */
const LONGEST_LISTED = Math.max(2, ...[...ALWAYS_JOIN, ...JOIN_IF_LOWER].map((w) => w.length));

/**
 * The word just before a final "." of text[start, end) (lower-cased, inner dots kept), or "" when
 * there is none or when it can be no short form: longer than any listed, without inner dots (most
 * sentences end so; lower-casing never shortens a word, so those could join nothing).
 */
function wordBeforeDot(text: string, start: number, end: number): string {
  if (text.charCodeAt(end - 1) !== 46) return "";
  let i = end - 1;
  let dotted = false;
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (isLetter(c)) i--;
    else if (c === 46) {
      dotted = true;
      i--;
    } else break;
  }
  if (!dotted && end - 1 - i > LONGEST_LISTED) return "";
  return text.slice(i, end - 1).toLowerCase();
}

function shouldJoin(text: string, start: number, end: number, next: number): boolean {
  const word = wordBeforeDot(text, start, end);
  if (word === "") return false;
  if (ALWAYS_JOIN.has(word)) return true;
  const nextChar = text.charCodeAt(next);
  // "No. 5" is a number sign; "I said no." ends a sentence.
  if (word === "no") return nextChar >= 48 && nextChar <= 57;
  const nextIsLower = (nextChar >= 97 && nextChar <= 122) || (nextChar >= 48 && nextChar <= 57);
  // A lone capital is an initial ("J. R. Smith"); known short forms join before a lower-case word.
  if (word.length === 1 && word >= "a" && word <= "z" && text.charCodeAt(end - 2) <= 90) return true;
  return nextIsLower && (JOIN_IF_LOWER.has(word) || word.includes("."));
}

/**
 * Splits `text` into trimmed sentence ranges `[start, end]` (text offsets,
 * end exclusive). Whitespace-only pieces are dropped.
 */
export function splitSentences(text: string, lang: string): Array<[number, number]> {
  const bounds: number[] = [];
  sentenceBounds(text, lang, bounds, []);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < bounds.length; i += 2) out.push([bounds[i] as number, bounds[i + 1] as number]);
  return out;
}

/**
 * `splitSentences` as flat pairs: appends start, end of each sentence to
 * `bounds`. `ends` is scratch space for the segment ends, appended past its
 * length and left so (`length = 0` would free its store), so a caller
 * splitting many parts allocates no array per part.
 */
export function sentenceBounds(text: string, lang: string, bounds: number[], ends: number[]): void {
  const first = ends.length;
  segmentEnds(text, lang, ends);
  let pendingStart = -1;
  let pendingEnd = -1;
  let segStart = 0;
  for (let k = first; k < ends.length; k++) {
    const segEnd = ends[k] as number;
    let s = segStart;
    let e = segEnd;
    segStart = segEnd;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) continue;
    if (pendingStart >= 0) {
      if (shouldJoin(text, pendingStart, pendingEnd, s)) {
        pendingEnd = e;
        continue;
      }
      bounds.push(pendingStart, pendingEnd);
    }
    pendingStart = s;
    pendingEnd = e;
  }
  if (pendingStart >= 0) bounds.push(pendingStart, pendingEnd);
}

/** Appends the end offsets of ICU's sentence segments of `text`; text of known classes in an untailored language skips ICU. */
function segmentEnds(text: string, lang: string, ends: number[]): void {
  const from = ends.length;
  if (untailored(lang)) {
    if (knownSentenceBreaks(text, ends)) return;
    ends.length = from;
  }
  for (const seg of segmenterFor(lang).segment(text)) ends.push(seg.index + seg.segment.length);
}
