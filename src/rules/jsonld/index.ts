import type { AnyRule } from "../../engine/types.js";
import { emptyValue } from "./empty-value.js";
import { missingContext } from "./missing-context.js";
import { syntax } from "./syntax.js";
import { unknownProperty } from "./unknown-property.js";
import { unknownType } from "./unknown-type.js";
import { valueType } from "./value-type.js";

/** Rules of the `jsonld` category, sorted by id. */
export const jsonldRules: AnyRule[] = [emptyValue, missingContext, syntax, unknownProperty, unknownType, valueType];
