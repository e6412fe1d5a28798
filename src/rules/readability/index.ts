import type { AnyRule } from "../../engine/types.js";
import type { ReadabilityRule } from "./_assessment.js";
import { fleschReadingEaseRule } from "./flesch-reading-ease.js";
import { paragraphLength } from "./paragraph-length.js";
import { passiveVoice } from "./passive-voice.js";
import { sentenceBeginnings } from "./sentence-beginnings.js";
import { sentenceLength } from "./sentence-length.js";
import { subheadingDistribution } from "./subheading-distribution.js";
import { transitionWords } from "./transition-words.js";

/** The readability rules, each a Yoast-style assessment (sorted by id); the readability score reads them. */
export const readabilityAssessmentRules: readonly ReadabilityRule<any>[] = [
  fleschReadingEaseRule,
  paragraphLength,
  passiveVoice,
  sentenceBeginnings,
  sentenceLength,
  subheadingDistribution,
  transitionWords,
];

/** Rules of the `readability` category, sorted by id. */
export const readabilityRules: AnyRule[] = [...readabilityAssessmentRules];
