import type { AnyRule } from "../../engine/types.js";

/** Rules of the `draft` category, sorted by id. */
export const draftRules: AnyRule[] = [];
