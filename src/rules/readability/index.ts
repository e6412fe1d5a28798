import type { AnyRule } from "../../engine/types.js";

/** Rules of the `readability` category, sorted by id. */
export const readabilityRules: AnyRule[] = [];
