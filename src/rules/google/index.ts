import type { AnyRule } from "../../engine/types.js";

/** Rules of the `google` category, sorted by id. */
export const googleRules: AnyRule[] = [];
