/**
 * Sentence boundaries by the Unicode sentence-break rules (UAX #29, the rules
 * ICU applies), without Intl.Segmenter: iterating ICU's segments costs
 * ~0.25 ms per article, most of the text layer. Only for text of ASCII plus a
 * few common characters whose class is listed here (typographic quotes and
 * dashes, Latin-1 letters); same boundaries as Intl.Segmenter (checked
 * against it in test/text-ascii-sentences.test.ts); other text goes through ICU.
 */

// Sentence_Break classes of the ASCII characters.
// 0: any other character
const SP = 1;
const CR = 2;
const LF = 3;
const UPPER = 4;
const LOWER = 5;
const NUMERIC = 6;
const ATERM = 7;
const STERM = 8;
const CLOSE = 9;
const SCONTINUE = 10;

const CLASS = new Uint8Array(128);
for (const c of [9, 11, 12, 32]) CLASS[c] = SP;
CLASS[13] = CR;
CLASS[10] = LF;
for (let c = 65; c <= 90; c++) CLASS[c] = UPPER;
for (let c = 97; c <= 122; c++) CLASS[c] = LOWER;
for (let c = 48; c <= 57; c++) CLASS[c] = NUMERIC;
CLASS[46] = ATERM;
CLASS[33] = STERM;
CLASS[63] = STERM;
for (const c of [34, 39, 40, 41, 91, 93, 123, 125]) CLASS[c] = CLOSE;
for (const c of [44, 45, 58, 59]) CLASS[c] = SCONTINUE;

/** Non-ASCII characters common in drafts whose class is known: typographic quotes, dashes, no-break space, Latin-1 letters. */
const MORE = new Map<number, number>([
  [0xa0, SP],
  [0xab, CLOSE],
  [0xbb, CLOSE],
  [0x2018, CLOSE],
  [0x2019, CLOSE],
  [0x201c, CLOSE],
  [0x201d, CLOSE],
  [0x2013, SCONTINUE],
  [0x2014, SCONTINUE],
]);
for (let c = 0xc0; c <= 0xff; c++) if (c !== 0xd7 && c !== 0xf7) MORE.set(c, c <= 0xde ? UPPER : LOWER);

/** MORE as a table below its largest code (every listed class is non-zero, so 0 means "not listed"): a load, not a Map lookup, per character. */
const MORE_LIMIT = Math.max(...MORE.keys()) + 1;
const MORE_CLASS = new Uint8Array(MORE_LIMIT);
for (const [c, cls] of MORE) MORE_CLASS[c] = cls;

/** Whether every character's class is known here (the only text `asciiSentenceBreaks` may be given). */
export function knownClasses(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 && (c >= MORE_LIMIT || MORE_CLASS[c] === 0)) return false;
  }
  return true;
}

/** The chars the main scan stops at: CR, LF, ATerm, STerm (the ASCII ones), and every non-ASCII char, whose class it checks. */
const NEXT_STOP = /[\r\n.!?\u0080-\uffff]/g;

/** Set when `classAt` meets a char whose class is not known here: the breaks found are then not ICU's. */
let unknownSeen = false;

function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return CLASS[c] as number;
  const cls = c < MORE_LIMIT ? (MORE_CLASS[c] as number) : 0;
  if (cls === 0) unknownSeen = true;
  return cls;
}

/**
 * `asciiSentenceBreaks` when every char of `text` is of a known class (it then
 * returns true), without a `knownClasses` pass first: the scan classifies every
 * char once anyway. On false, `ends` holds garbage past its former length.
 */
export function knownSentenceBreaks(text: string, ends: number[]): boolean {
  unknownSeen = false;
  asciiSentenceBreaks(text, ends);
  return !unknownSeen;
}

/**
 * End offsets of the sentence segments of ASCII `text`, in order, the last
 * being `text.length` (empty for empty text): the `index + segment.length` of
 * each segment Intl.Segmenter would give. Appended to `ends` when given.
 */
export function asciiSentenceBreaks(text: string, ends: number[] = []): number[] {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Most chars neither end a sentence nor separate paragraphs: the regex engine skips them
    // (~3× fewer instructions than a charCodeAt loop, whose string is most often a slice).
    NEXT_STOP.lastIndex = i;
    if (!NEXT_STOP.test(text)) break;
    i = NEXT_STOP.lastIndex;
    const c = text.charCodeAt(i - 1);
    if (c >= 128) {
      // no listed non-ASCII char is a terminator or separator; an unlisted one is unknown
      if (c >= MORE_LIMIT || MORE_CLASS[c] === 0) unknownSeen = true;
      continue;
    }
    const cls = CLASS[c] as number;
    if (cls === CR || cls === LF) {
      // SB3/SB4: break after a paragraph separator, CR LF being one
      if (cls === CR && i < n && classAt(text, i) === LF) i++;
      if (i < n) ends.push(i);
      continue;
    }
    if (cls !== ATERM && cls !== STERM) continue;
    if (cls === ATERM && i < n) {
      const next = classAt(text, i);
      // SB6 "3.5"; SB7 "U.S"
      if (next === NUMERIC) continue;
      if (next === UPPER && i >= 2) {
        const prev = classAt(text, i - 2);
        if (prev === UPPER || prev === LOWER) continue;
      }
    }
    // SATerm Close* Sp*: no break inside (SB9, SB10)
    let m = i;
    while (m < n && classAt(text, m) === CLOSE) m++;
    while (m < n && classAt(text, m) === SP) m++;
    if (m >= n) break;
    if (cls === ATERM) {
      // SB8: no break when a lower-case letter follows before any letter, separator or terminator
      let k = m;
      let c = classAt(text, k);
      while (k < n && c !== UPPER && c !== LOWER && c !== CR && c !== LF && c !== ATERM && c !== STERM) {
        k++;
        if (k < n) c = classAt(text, k);
      }
      if (k < n && c === LOWER) {
        i = m;
        continue;
      }
    }
    const at = classAt(text, m);
    // SB8a: a comma, colon, … or another terminator continues the sentence
    if (at === SCONTINUE || at === ATERM || at === STERM) {
      i = m;
      continue;
    }
    // SB11: break after the spaces and one paragraph separator
    if (at === CR) m = m + 1 < n && classAt(text, m + 1) === LF ? m + 2 : m + 1;
    else if (at === LF) m++;
    if (m < n) ends.push(m);
    i = m;
  }
  if (n > 0) ends.push(n);
  return ends;
}
