/**
 * Word tokens by a char-code scan (Intl's word granularity costs ~16 ms per
 * article; this costs ~0.05 ms). Fixes Yoast's known tokenising bugs:
 * - hyphenated compounds stay one word ("t-shirt", "well-being");
 * - straight and typographic apostrophes stay inside a word ("don’t", "patient's");
 * - em and en dashes, slashes and typographic quotes separate words;
 * - dots and commas inside numbers ("3.5", "1,200") and in short forms ("e.g", "U.S") stay inside.
 */

const otherCache = new Map<number, boolean>();
/** 1 for ASCII letters and digits: one load instead of three range tests in the hottest loop. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}\p{M}]$/u;

/** Letters, digits and combining marks of any script. */
export function isWordChar(c: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  let v = otherCache.get(c);
  if (v === undefined) {
    // Surrogate halves: astral letters are rare in articles; count them as word characters.
    v = (c >= 0xd800 && c <= 0xdfff) || LETTER_OR_NUMBER.test(String.fromCharCode(c));
    otherCache.set(c, v);
  }
  return v;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Characters that join two word characters into one word. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 39 || c === 0x2019 || c === 0x2bc;
}

/** Offset of the first word character in text[from, to), or `to` when there is none. */
export function wordStart(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/** FNV-1a of the char codes of the word the last `wordEnd` call found. */
let endHash = 0;

/**
 * FNV-1a of the char codes of the word the last `wordEnd` call found: the text layer looks
 * words up in its shared table by this hash, computed in the same pass that finds the word's end.
 */
export function lastWordHash(): number {
  return endHash;
}

/** End of the word that starts at `start` (< to): joiners, number separators and short-form dots stay inside. */
export function wordEnd(text: string, start: number, to: number): number {
  let h = Math.imul(0x811c9dc5 ^ text.charCodeAt(start), 0x01000193);
  let i = start + 1;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      h = Math.imul(h ^ c, 0x01000193);
      i++;
      continue;
    }
    if (i + 1 < to && joinsAt(text, start, i)) {
      h = Math.imul(h ^ c, 0x01000193);
      i++;
      continue;
    }
    break;
  }
  endHash = h;
  return i;
}

/**
 * Whether the non-word char at `i` keeps the word that starts at `start` (< i) going, given
 * that text[i + 1] exists: a joiner, a number separator or a short-form dot between word chars.
 */
export function joinsAt(text: string, start: number, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  if (!isWordChar(next)) return false;
  const c = text.charCodeAt(i);
  const prev = text.charCodeAt(i - 1);
  return (
    isJoiner(c) ||
    // 3.5, 1,200
    ((c === 46 || c === 44) && isDigit(prev) && isDigit(next)) ||
    // e.g, i.e, U.S: a dot after a one-letter piece
    (c === 46 && !isDigit(prev) && !isDigit(next) && (i - 1 === start || text.charCodeAt(i - 2) === 46))
  );
}

/**
 * Calls `onWord(start, end)` for each word in text[from, to). Text offsets.
 */
export function scanWords(text: string, from: number, to: number, onWord: (start: number, end: number) => void): void {
  let i = wordStart(text, from, to);
  while (i < to) {
    const end = wordEnd(text, i, to);
    onWord(i, end);
    i = wordStart(text, end, to);
  }
}

/** Lower-cases and folds typographic apostrophes to "'" for matching. */
export function normWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes("\u2019") || lower.includes("\u02bc") ? lower.replace(/[\u2019\u02bc]/g, "'") : lower;
}

/** Counts words in a string with the same tokeniser (for titles, meta descriptions, …). */
export function countWords(text: string): number {
  let n = 0;
  scanWords(text, 0, text.length, () => {
    n++;
  });
  return n;
}

/** The normalised words of a string (for keyphrases, titles, …). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  scanWords(text, 0, text.length, (s, e) => {
    out.push(normWord(text.slice(s, e)));
  });
  return out;
}
