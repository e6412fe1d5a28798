import {
  ATTRIBUTION_NOUNS,
  EFFICACY_NOUNS,
  EFFICACY_VERBS,
  GAP_WORDS,
  NEEDS_TO,
  POSSESSIVES,
  PROVEN_ADVERBS,
  REPORTING_VERBS,
  SOURCE_PATTERN,
} from "../../text/health-lexicon.js";
import type { Word } from "../../text/types.js";
import { defineRole, rolesOf } from "../_word-roles.js";

/** Where in a sentence's words a claim is credited to an unnamed source. */
export interface Attribution {
  /** word indexes (into the word array) of the first and last word of the trigger phrase */
  first: number;
  last: number;
  kind: "attribution" | "according-to" | "efficacy" | "proven" | "backed-by";
}

/** Words between the source noun and its verb ("data also points", "research has consistently shown"). */
const MAX_GAP = 3;
/** Adjectives allowed between "has shown" and its result noun ("significant", "remarkable"). */
const MAX_EFFICACY_GAP = 2;
/** Words between "according to" and the source noun ("according to recent clinical research"). */
const MAX_ACCORDING_GAP = 3;

const HAVE: ReadonlySet<string> = new Set(["has", "have", "had"]);
/** Words that present unnamed evidence as settled ("growing evidence that…"). */
const EVIDENCE_QUALIFIERS: ReadonlySet<string> = new Set([
  "growing",
  "mounting",
  "strong",
  "good",
  "clear",
  "increasing",
  "emerging",
  "ample",
  "overwhelming",
  "scientific",
  "clinical",
]);
/** "clinically proven", "clinically tested", "scientifically validated" */
const PROVEN_WORDS: ReadonlySet<string> = new Set(["proven", "tested", "validated"]);

/** Words that can begin one of the checks below: every other word is passed over on one bit test. */
const TRIGGER = defineRole(
  (norm) =>
    ATTRIBUTION_NOUNS.has(norm) ||
    EFFICACY_VERBS.has(norm) ||
    PROVEN_WORDS.has(norm) ||
    norm === "backed" ||
    norm === "supported",
);

function isGapWord(norm: string): boolean {
  return GAP_WORDS.has(norm) || (norm.length > 4 && norm.endsWith("ly"));
}

/**
 * Finds the first phrase in words[from, to) that credits a finding to an
 * unnamed source: "studies show", "clinical data also points to",
 * "according to recent research", "has shown significant efficacy",
 * "clinically proven", "backed by research". Plain advice and plain statements match nothing.
 */
export function findAttribution(words: readonly Word[], from: number, to: number): Attribution | undefined {
  for (let i = from; i < to; i++) {
    if (TRIGGER !== 0 && (rolesOf(words[i]!.lex) & TRIGGER) === 0) continue;
    const found = attributionAt(words, i, from, to);
    if (found) return found;
  }
  return undefined;
}

/**
 * The phrase that trigger word `i` opens in words[from, to), if any. Apart from the scan above so that
 * the scan, run over every sentence, stays a small function, and the many branches here (each taken
 * for the first time long after the scan was optimised) deoptimise this function alone.
 */
function attributionAt(words: readonly Word[], i: number, from: number, to: number): Attribution | undefined {
  const w = words[i]!.norm;
  if (ATTRIBUTION_NOUNS.has(w)) {
    const owned =
      (i - 1 >= from && POSSESSIVES.has(words[i - 1]!.norm)) || (i - 2 >= from && POSSESSIVES.has(words[i - 2]!.norm));
    if (owned) return undefined;
    // "according to [recent] research": the noun is the source
    for (let k = i - 1; k >= from && k >= i - 1 - MAX_ACCORDING_GAP; k--) {
      if (words[k]!.norm === "to" && k - 1 >= from && words[k - 1]!.norm === "according") {
        return { first: k - 1, last: i, kind: "according-to" };
      }
    }
    // "there is growing evidence that…", "strong clinical data that…"
    if (i + 1 < to && words[i + 1]!.norm === "that" && i - 1 >= from && EVIDENCE_QUALIFIERS.has(words[i - 1]!.norm)) {
      return { first: i - 1, last: i, kind: "attribution" };
    }
    let j = i + 1;
    while (j < to && j - i - 1 < MAX_GAP && isGapWord(words[j]!.norm) && !REPORTING_VERBS.has(words[j]!.norm)) j++;
    if (j < to && REPORTING_VERBS.has(words[j]!.norm)) {
      const verb = words[j]!.norm;
      if (!NEEDS_TO.has(verb)) return { first: i, last: j, kind: "attribution" };
      if (j + 1 < to && words[j + 1]!.norm === "to") return { first: i, last: j + 1, kind: "attribution" };
    }
    return undefined;
  }
  if (EFFICACY_VERBS.has(w) && i - 1 >= from && HAVE.has(words[i - 1]!.norm)) {
    for (let k = i + 1; k < to && k <= i + 1 + MAX_EFFICACY_GAP; k++) {
      if (EFFICACY_NOUNS.has(words[k]!.norm)) return { first: i - 1, last: k, kind: "efficacy" };
    }
    return undefined;
  }
  if (PROVEN_WORDS.has(w) && i - 1 >= from && PROVEN_ADVERBS.has(words[i - 1]!.norm)) {
    return { first: i - 1, last: i, kind: "proven" };
  }
  // "backed by research", "supported by science"
  if ((w === "backed" || w === "supported") && i + 2 < to && words[i + 1]!.norm === "by") {
    const source = words[i + 2]!.norm;
    if (ATTRIBUTION_NOUNS.has(source)) return { first: i, last: i + 2, kind: "backed-by" };
  }
  return undefined;
}

/** Whether a sentence names its source: a link, [n], et al., (Author, 2020), a journal or a health organisation. */
export function namesSource(sentenceText: string): boolean {
  return SOURCE_PATTERN.test(sentenceText);
}
