import type { AnyRule } from "../../engine/types.js";
import { medicationSafety } from "./medication-safety.js";
import { professionalAdvice } from "./professional-advice.js";
import { reviewMetadata } from "./review-metadata.js";
import { unsourcedClaim } from "./unsourced-claim.js";

/** Rules of the `health` category, sorted by id. */
export const healthRules: AnyRule[] = [medicationSafety, professionalAdvice, reviewMetadata, unsourcedClaim];
