import { type Lexeme, type WithLexeme, withLexemes } from "./lexeme.js";
import { memo } from "./memo.js";
import type { TextAnalysis } from "./types.js";

/**
 * English transition words and phrases (our own list of common connectives,
 * in the spirit of Yoast's: single words plus multi-word phrases). A
 * sentence "has a transition" if any of them appears anywhere in it.
 */
const SINGLE =
  "accordingly additionally afterward afterwards albeit also although altogether another basically because before besides but certainly chiefly comparatively concurrently consequently contrarily conversely correspondingly despite doubtedly during e.g earlier emphatically equally especially eventually evidently explicitly finally firstly following formerly forthwith fourthly further furthermore generally hence henceforth however i.e identically if indeed initially instead lastly later last lest likewise markedly meanwhile moreover nevertheless nonetheless nor notwithstanding obviously occasionally otherwise overall particularly presently previously rather regardless secondly shortly significantly similarly simultaneously since so soon specifically still straightaway subsequently surely surprisingly than then thereafter therefore thereupon thirdly though thus till undeniably undoubtedly unless unlike unquestionably until when whenever whereas whether while";

const MULTI = [
  "above all",
  "after all",
  "after that",
  "all in all",
  "all of a sudden",
  "along with",
  "as a consequence",
  "as a matter of fact",
  "as a result",
  "as can be seen",
  "as long as",
  "as much as",
  "as opposed to",
  "as soon as",
  "as well as",
  "at first",
  "at last",
  "at least",
  "at the same time",
  "because of",
  "by contrast",
  "by doing so",
  "by the same token",
  "by the way",
  "due to",
  "even if",
  "even so",
  "even though",
  "first and foremost",
  "first of all",
  "for example",
  "for instance",
  "for one thing",
  "for the most part",
  "for this purpose",
  "for this reason",
  "from time to time",
  "given that",
  "in addition",
  "in addition to",
  "in any case",
  "in brief",
  "in comparison",
  "in conclusion",
  "in contrast",
  "in essence",
  "in fact",
  "in general",
  "in light of",
  "in many cases",
  "in most cases",
  "in order to",
  "in other words",
  "in particular",
  "in reality",
  "in short",
  "in some cases",
  "in spite of",
  "in summary",
  "in the end",
  "in the event that",
  "in the first place",
  "in the long run",
  "in the long term",
  "in the meantime",
  "in the same fashion",
  "in the same way",
  "in this case",
  "in turn",
  "in view of",
  "most importantly",
  "not only",
  "not to mention",
  "on the contrary",
  "on the one hand",
  "on the other hand",
  "on the whole",
  "only if",
  "prior to",
  "provided that",
  "rather than",
  "so that",
  "such as",
  "to begin with",
  "to put it differently",
  "to sum up",
  "to summarize",
  "to that end",
  "to this end",
  "together with",
  "up to",
  "whether or not",
  "with regard to",
  "with the result that",
  "with this in mind",
];

const SINGLES: ReadonlySet<string> = new Set(SINGLE.split(" "));
/** multi-word phrases by first word */
const PHRASES = new Map<string, string[][]>();
for (const p of MULTI) {
  const words = p.split(" ");
  const first = words[0] as string;
  const list = PHRASES.get(first);
  if (list) list.push(words);
  else PHRASES.set(first, [words]);
}

/** Two-part connectives: the first word, then the second later in the same sentence. */
const TWO_PART = new Map<string, string>([
  ["both", "and"],
  ["either", "or"],
  ["neither", "nor"],
]);

/** Transition roles of a word, as bits: worked out once per word of a run (`Lexeme.transition`). */
const SINGLE_WORD = 1;
const PHRASE_START = 2;
const TWO_PART_START = 4;

function transitionRoles(lex: Lexeme): number {
  let roles = lex.transition;
  if (roles < 0) {
    const w = lex.norm;
    roles =
      (SINGLES.has(w) ? SINGLE_WORD : 0) | (PHRASES.has(w) ? PHRASE_START : 0) | (TWO_PART.has(w) ? TWO_PART_START : 0);
    lex.transition = roles;
  }
  return roles;
}

/** Whether the normalised words [from, to) contain a transition word or phrase. */
export function hasTransition(norms: readonly string[], from: number, to: number): boolean {
  return transitionIn(withLexemes(norms, from, to), 0, to - from);
}

/** `hasTransition` over words [from, to), by their lexemes. */
function transitionIn(words: readonly WithLexeme[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const lex = (words[i] as WithLexeme).lex;
    const roles = transitionRoles(lex);
    if (roles === 0) continue;
    if ((roles & SINGLE_WORD) !== 0) return true;
    if ((roles & TWO_PART_START) !== 0) {
      const second = TWO_PART.get(lex.norm);
      for (let k = i + 1; k < to; k++) if ((words[k] as WithLexeme).lex.norm === second) return true;
    }
    if ((roles & PHRASE_START) !== 0 && phraseAt(words, i, to, PHRASES.get(lex.norm) as string[][])) return true;
  }
  return false;
}

/** Whether one of `phrases` (which all start with word i) runs on from word i within [i, to). */
function phraseAt(words: readonly WithLexeme[], i: number, to: number, phrases: readonly string[][]): boolean {
  // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let n = 0; n < phrases.length; n++) {
    const p = phrases[n]!;
    if (i + p.length > to) continue;
    let k = 1;
    while (k < p.length && (words[i + k] as WithLexeme).lex.norm === p[k]) k++;
    if (k === p.length) return true;
  }
  return false;
}

/** Per sentence of the analysis: does it hold a transition word? Computed once. */
export function transitionSentences(text: TextAnalysis): boolean[] {
  return memo(text, findTransitions);
}

function findTransitions(text: TextAnalysis): boolean[] {
  const out: boolean[] = [];
  const { sentences } = text;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    out.push(transitionIn(text.words, s.firstWord, s.firstWord + s.wordCount));
  }
  return out;
}
