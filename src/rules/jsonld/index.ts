import type { AnyRule } from "../../engine/types.js";

/** Rules of the `jsonld` category, sorted by id. */
export const jsonldRules: AnyRule[] = [];
