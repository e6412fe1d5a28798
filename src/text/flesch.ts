import type { Lexeme } from "./lexeme.js";
import { memo } from "./memo.js";
import { syllables } from "./syllables.js";
import type { TextAnalysis, Word } from "./types.js";

export interface FleschResult {
  /** 0–100, one decimal */
  score: number;
  band: FleschBand;
  words: number;
  sentences: number;
  syllables: number;
}

export type FleschBand =
  | "very easy"
  | "easy"
  | "fairly easy"
  | "okay"
  | "fairly difficult"
  | "difficult"
  | "very difficult";

/** Yoast's bands: ≥ 90 very easy, 80 easy, 70 fairly easy, 60 okay, 50 fairly difficult, 30 difficult, else very difficult. */
export function fleschBand(score: number): FleschBand {
  if (score >= 90) return "very easy";
  if (score >= 80) return "easy";
  if (score >= 70) return "fairly easy";
  if (score >= 60) return "okay";
  if (score >= 50) return "fairly difficult";
  if (score >= 30) return "difficult";
  return "very difficult";
}

/**
 * Flesch reading ease of the body (title excluded, headings included as
 * sentences, as Yoast does): 206.835 − 1.015·words/sentences − 84.6·syllables/words,
 * clamped to 0–100. English formula; `undefined` for an empty body.
 */
export function fleschReadingEase(text: TextAnalysis): FleschResult | undefined {
  return memo(text, computeFlesch);
}

function computeFlesch(text: TextAnalysis): FleschResult | undefined {
  const words = text.words.length - text.body.word;
  const sentences = text.sentences.length - text.body.sentence;
  if (words === 0 || sentences === 0) return undefined;
  let syl = 0;
  for (let i = text.body.word; i < text.words.length; i++) syl += syllablesOf((text.words[i] as Word).lex);
  const raw = 206.835 - (1.015 * words) / sentences - (84.6 * syl) / words;
  const score = Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10;
  return { score, band: fleschBand(score), words, sentences, syllables: syl };
}

/** `syllables(lex.norm)`, counted once per word of a run. */
function syllablesOf(lex: Lexeme): number {
  let n = lex.syllables;
  if (n < 0) {
    n = syllables(lex.norm);
    lex.syllables = n;
  }
  return n;
}
