import type { AnyRule } from "../../engine/types.js";

/** Rules of the `seo` category, sorted by id. */
export const seoRules: AnyRule[] = [];
