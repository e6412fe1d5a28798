import { separatesTokens } from "./health-detect.js";
import { isWordChar } from "./words.js";

/**
 * What the word scanner (analyze.ts `scanWords`) needs to know about a char,
 * in one table load for every char code: ASCII and non-ASCII take the same
 * path, so the scanner has no branch that only unusual text reaches (a branch
 * first taken after V8 has optimised the scanner throws the optimised code
 * away, and the scanner was compiled four or five times per thread).
 */

/** a letter, digit or combining mark of any script (`isWordChar`) */
export const WORD_CHAR = 1;
/** may join the word chars on its two sides into one word (' , - . ‐ ‑ ’ ʼ): `joinsAt` decides */
export const MAY_JOIN = 2;
/** not a word char, yet no edge of a health token (`separatesTokens` is false: "-") */
export const TOKEN_GAP = 4;
/** set on every classified char, so 0 means "not classified yet" */
const KNOWN = 8;

const JOINERS = [39, 44, 45, 46, 0x2010, 0x2011, 0x2019, 0x2bc];

const classes = new Uint8Array(0x10000);

function classify(c: number): number {
  const word = isWordChar(c);
  let k = KNOWN | (word ? WORD_CHAR : 0) | (JOINERS.includes(c) ? MAY_JOIN : 0);
  if (!word && !separatesTokens(c)) k |= TOKEN_GAP;
  classes[c] = k;
  return k;
}

// ASCII, Latin-1 and general punctuation (dashes, typographic quotes) up front: what drafts hold
for (let c = 0; c < 0x100; c++) classify(c);
for (let c = 0x2000; c < 0x2070; c++) classify(c);

/** The class bits of char code `c` (a UTF-16 unit). */
export function charClass(c: number): number {
  const k = classes[c] as number;
  return k !== 0 ? k : classify(c);
}
