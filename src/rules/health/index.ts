import type { AnyRule } from "../../engine/types.js";

/** Rules of the `health` category, sorted by id. */
export const healthRules: AnyRule[] = [];
