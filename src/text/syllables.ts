/**
 * English syllable counter: vowel groups with the usual silent-e and suffix
 * corrections, plus a small exception table. Validated against the
 * `syllable` package (test/text-syllables.test.ts) and ~20× faster, which
 * matters because Flesch needs every word of every article.
 */

const EXCEPTIONS: Record<string, number> = {
  every: 2,
  everything: 3,
  everyone: 3,
  different: 3,
  business: 2,
  people: 2,
  area: 3,
  idea: 3,
  ideas: 3,
  being: 2,
  create: 2,
  created: 3,
  creates: 2,
  creating: 3,
  science: 2,
  quiet: 2,
  diet: 2,
  poem: 2,
  real: 1,
  really: 2,
  actually: 4,
  usually: 4,
  family: 3,
  interest: 3,
  interested: 4,
  several: 3,
  naive: 2,
  recipe: 3,
  simile: 3,
  somewhere: 2,
  someone: 2,
  something: 2,
  sometimes: 2,
  themselves: 2,
  whereas: 2,
  maybe: 2,
  anyone: 3,
  evening: 2,
  toward: 2,
  towards: 2,
  via: 2,
  video: 3,
  media: 3,
  radio: 3,
};

const cache = new Map<string, number>();

function isVowel(c: number): boolean {
  // a e i o u y
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

/** Suffixes after which a silent "e" stays silent ("move|ment", "pure|ly"): counted apart. */
const SUFFIXES: Array<[string, number]> = [
  ["ments", 1],
  ["ment", 1],
  ["ness", 1],
  ["ly", 1],
  ["ful", 1],
  ["less", 1],
];

function countPlain(w: string): number {
  // indexed, not `for (const [suffix, count] of …)`: that compiles to the iterator protocol twice
  // over, and this is inlined where Flesch counts a new word's syllables
  for (let k = 0; k < SUFFIXES.length; k++) {
    const pair = SUFFIXES[k] as [string, number];
    const suffix = pair[0];
    const count = pair[1];
    if (w.length > suffix.length + 3 && w.endsWith(suffix) && w.charCodeAt(w.length - suffix.length - 1) === 101) {
      return countPlain(w.slice(0, w.length - suffix.length)) + count;
    }
  }
  return countCore(w);
}

function countCore(w: string): number {
  const n = w.length;
  if (n <= 3) return 1;
  let end = n;
  // Silent endings: -es/-ed after most consonants, final -e (but not -le after a consonant, "table").
  if (w.endsWith("es") && n > 4) {
    const p = w.charCodeAt(n - 3);
    const sibilant =
      p === 115 ||
      p === 120 ||
      p === 122 ||
      w.endsWith("ches") ||
      w.endsWith("shes") ||
      w.endsWith("ges") ||
      w.endsWith("ces");
    if (!sibilant && !isVowel(p)) end = n - 2;
    else if (!sibilant) end = n - 1;
  } else if (w.endsWith("ed") && n >= 4) {
    const p = w.charCodeAt(n - 3);
    if (p !== 116 && p !== 100 && !isVowel(p)) end = n - 2;
  } else if (w.charCodeAt(n - 1) === 101) {
    const p = w.charCodeAt(n - 2);
    if (!(p === 108 && !isVowel(w.charCodeAt(n - 3))) && p !== 101) end = n - 1;
  }
  let count = 0;
  let prevVowel = false;
  for (let i = 0; i < end; i++) {
    const c = w.charCodeAt(i);
    // "y" at the start is a consonant ("yes"); elsewhere it is a vowel.
    const v = isVowel(c) && !(c === 121 && i === 0);
    // A vowel right after an inner "y" starts a new syllable ("be|yond", "ly|ing").
    if (v && (!prevVowel || (c !== 121 && i > 1 && w.charCodeAt(i - 1) === 121))) count++;
    prevVowel = v;
  }
  // Vowel pairs that are two syllables: "ia" (medial, not "cia/tia"), "io" ("bio", "radio"), "eo", "ua", "uo".
  for (let i = 1; i < end; i++) {
    const a = w.charCodeAt(i - 1);
    const b = w.charCodeAt(i);
    if (a === 105 && (b === 97 || b === 111)) {
      const before = w.charCodeAt(i - 2);
      // -tion, -sion, -cian, -tial: one syllable
      if (before !== 116 && before !== 115 && before !== 99 && before !== 103 && before !== 120) count++;
    } else if (a === 101 && b === 111 && i > 1) count++;
    else if (a === 117 && (b === 97 || b === 111) && w.charCodeAt(i - 2) !== 113 && w.charCodeAt(i - 2) !== 103)
      count++;
  }
  // -ism, -ian(s), -ying as suffix: the groups above already handle most; "-le(s)" after consonant adds one when e was kept.
  if (w.endsWith("les") && n > 4 && !isVowel(w.charCodeAt(n - 4))) count++;
  if (w.endsWith("ism") || w.endsWith("isms")) count++;
  return Math.max(count, 1);
}

/** Syllables in one word (any case). Digits and symbols count as one syllable per word. */
export function syllables(word: string): number {
  // Keys are lower-cased words: a hit on the word as given skips the case copy (norms are lower case already).
  let n = cache.get(word);
  if (n !== undefined) return n;
  const w = word.toLowerCase();
  n = cache.get(w);
  if (n !== undefined) return n;
  const exception = EXCEPTIONS[w];
  if (exception !== undefined) n = exception;
  else if (w.includes("-")) {
    n = 0;
    for (const piece of w.split("-")) if (piece) n += countPlain(piece.replace(/[^a-z]/g, ""));
    if (n === 0) n = 1;
  } else n = countPlain(/^[a-z]+$/.test(w) ? w : w.replace(/[^a-z]/g, ""));
  if (cache.size > 50_000) cache.clear();
  cache.set(w, n);
  return n;
}
