import { lexemeOf } from "../../src/text/lexeme.js";
import type { Word } from "../../src/text/types.js";
import { normWord, scanWords } from "../../src/text/words.js";

/** The words of `text` as analyzeText makes them (one sentence, offsets into `text`), for tests of word scanners. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  scanWords(text, 0, text.length, (start, end) => {
    const t = text.slice(start, end);
    out.push({ start, end, text: t, norm: normWord(t), sentence: 0, lex: lexemeOf(normWord(t)) });
  });
  return out;
}
