import type { AnyRule } from "../../engine/types.js";
import { duplicateParagraph } from "./duplicate-paragraph.js";
import { emDash } from "./em-dash.js";
import { keyphraseStuffing } from "./keyphrase-stuffing.js";
import { placeholder } from "./placeholder.js";
import { rawJson } from "./raw-json.js";
import { stockPhrases } from "./stock-phrases.js";
import { yearFiller } from "./year-filler.js";

/** Rules of the `draft` category, sorted by id. */
export const draftRules: AnyRule[] = [
  duplicateParagraph,
  emDash,
  keyphraseStuffing,
  placeholder,
  rawJson,
  stockPhrases,
  yearFiller,
];
