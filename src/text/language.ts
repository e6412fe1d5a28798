/**
 * Language from metadata, else a tiny stop-word detector: count hits of each
 * language's most frequent function words among the first words of the text.
 */

import type { Lexeme, WithLexeme } from "./lexeme.js";

const STOPWORDS: Record<string, readonly string[]> = {
  en: ["the", "and", "of", "to", "is", "in", "that", "it", "with", "for", "are", "this", "you", "was", "be", "or"],
  es: ["el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "un", "una", "es", "para", "con"],
  fr: ["le", "la", "les", "de", "des", "et", "est", "du", "une", "un", "que", "en", "pour", "dans", "qui", "pas"],
  de: [
    "der",
    "die",
    "und",
    "das",
    "ist",
    "nicht",
    "den",
    "mit",
    "von",
    "zu",
    "ein",
    "eine",
    "sich",
    "auf",
    "dem",
    "des",
  ],
  it: ["il", "di", "che", "e", "la", "per", "un", "una", "non", "sono", "del", "della", "le", "gli", "con", "è"],
  pt: ["o", "a", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "os", "não", "com", "dos", "das"],
  nl: ["de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "met", "voor", "zijn", "ook", "die", "ik"],
};

const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) {
    const langs = LOOKUP.get(w);
    if (langs) langs.push(lang);
    else LOOKUP.set(w, [lang]);
  }
}

/** Primary subtag of a BCP 47 tag or locale ("en-US", "en_GB" → "en"). */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
}

/**
 * Best guess among en/es/fr/de/it/pt/nl from normalised words; `undefined`
 * when fewer than 5 stop words were seen (too little text to tell).
 */
export function detectLanguage(words: readonly string[], limit = 400): string | undefined {
  return bestLanguage(Math.min(words.length, limit), (i) => LOOKUP.get(words[i] as string));
}

/** `detectLanguage` over words by their lexemes: each lexeme's stop-word languages are looked up once per run. */
export function detectLanguageOfWords(words: readonly WithLexeme[], limit = 400): string | undefined {
  return bestLanguage(Math.min(words.length, limit), (i) => stopLanguages((words[i] as WithLexeme).lex));
}

function stopLanguages(lex: Lexeme): readonly string[] | undefined {
  let langs = lex.stopLanguages;
  if (langs === undefined) {
    langs = LOOKUP.get(lex.norm) ?? null;
    lex.stopLanguages = langs;
  }
  return langs ?? undefined;
}

/** The language whose stop words are most often among words 0…n-1 (the first counted wins a tie). */
function bestLanguage(n: number, langsAt: (i: number) => readonly string[] | undefined): string | undefined {
  const counts: Record<string, number> = {};
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const langs = langsAt(i);
    if (!langs) continue;
    hits++;
    // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let k = 0; k < langs.length; k++) {
      const l = langs[k]!;
      counts[l] = (counts[l] ?? 0) + 1;
    }
  }
  if (hits < 5) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const [l, c] of Object.entries(counts)) {
    if (c > bestCount) {
      best = l;
      bestCount = c;
    }
  }
  return best;
}
