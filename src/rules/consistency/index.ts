import type { AnyRule } from "../../engine/types.js";
import { conflictingNodes } from "./conflicting-nodes.js";
import { dates } from "./dates.js";
import { faqMismatch } from "./faq-mismatch.js";
import { headline } from "./headline.js";

/** Rules of the `consistency` category, sorted by id. */
export const consistencyRules: AnyRule[] = [conflictingNodes, dates, faqMismatch, headline];
