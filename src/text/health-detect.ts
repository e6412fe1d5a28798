import type { Article } from "../model/article.js";
import { HEALTH_VOCABULARY } from "./health-lexicon.js";

/**
 * Words that mark health (YMYL) content. Kept small and unambiguous on
 * purpose: the content engineers may replace this with a weighted list.
 */
const HEALTH_WORDS = new Set([
  "symptom",
  "symptoms",
  "diagnosis",
  "diagnosed",
  "treatment",
  "treatments",
  "disease",
  "diseases",
  "doctor",
  "doctors",
  "physician",
  "medication",
  "medications",
  "medicine",
  "dose",
  "dosage",
  "clinical",
  "patient",
  "patients",
  "therapy",
  "infection",
  "chronic",
  "prescription",
  "side-effects",
  "cancer",
  "diabetes",
  "blood",
  "pain",
  "vaccine",
  "pregnancy",
  "nutrition",
  "mental",
  "anxiety",
  "depression",
  "surgery",
  "health",
  ...HEALTH_VOCABULARY,
]);

const WORD = /[\p{L}-]+/gu;

/** Distinct health words needed, and their share of all words, before an article counts as health content. */
const MIN_DISTINCT = 3;
const MIN_SHARE = 0.01;

/** Whether an article reads as health content (so health rules run under `health: "auto"`). */
export function isHealthArticle(article: Article): boolean {
  const parts: string[] = [];
  if (article.title) parts.push(article.title.text);
  if (article.meta.title) parts.push(article.meta.title.text);
  for (const block of article.blocks) {
    if (block.kind === "list") for (const item of block.items) parts.push(item.text);
    else if (block.kind !== "image") parts.push(block.content.text);
  }
  for (const item of article.faq) parts.push(item.question.text, item.answer.text);
  const distinct = new Set<string>();
  let hits = 0;
  let total = 0;
  for (const match of parts.join("\n").toLowerCase().matchAll(WORD)) {
    total++;
    if (HEALTH_WORDS.has(match[0])) {
      hits++;
      distinct.add(match[0]);
    }
  }
  return distinct.size >= MIN_DISTINCT && hits / Math.max(total, 1) >= MIN_SHARE;
}
