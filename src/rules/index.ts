import type { AnyRule } from "../engine/types.js";
import { consistencyRules } from "./consistency/index.js";
import { draftRules } from "./draft/index.js";
import { googleRules } from "./google/index.js";
import { healthRules } from "./health/index.js";
import { jsonldRules } from "./jsonld/index.js";
import { readabilityRules } from "./readability/index.js";
import { seoRules } from "./seo/index.js";

/** The registry: every rule copydesk ships. A test checks each has its doc page and tests. */
export const allRules: readonly AnyRule[] = [
  ...jsonldRules,
  ...googleRules,
  ...consistencyRules,
  ...seoRules,
  ...readabilityRules,
  ...draftRules,
  ...healthRules,
];

export function ruleById(id: string): AnyRule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
