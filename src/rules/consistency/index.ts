import type { AnyRule } from "../../engine/types.js";

/** Rules of the `consistency` category, sorted by id. */
export const consistencyRules: AnyRule[] = [];
