import type { Rule } from "../../engine/types.js";
import {
  isObject,
  type JsonLdNode,
  jsonLdNodes,
  propertyValues,
  schemaTerm,
  usesForeignVocab,
  valueSpan,
} from "../../jsonld/nodes.js";
import type { VocabIndex } from "../../vocab/types.js";

/** ISO 8601 calendar date, optionally reduced (2024, 2024-05) — what schema.org's Date accepts. */
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** ISO 8601 date-time; seconds, fractions and the zone are optional. */
const ISO_DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;
const ISO_TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false|(https?:\/\/schema\.org\/)?(True|False))$/i;

/** What a property's range (rangeIncludes) accepts, with subclasses folded in. */
interface Accepts {
  text: boolean;
  url: boolean;
  date: boolean;
  dateTime: boolean;
  time: boolean;
  number: boolean;
  boolean: boolean;
  /** a class (Person, ImageObject, an enumeration…): objects and, by schema.org's own rule, plain text */
  classes: string[];
}

/** `accepts` per vocabulary and property: the same few properties come back on every node of every article. */
const acceptsCache = new WeakMap<VocabIndex, Map<string, Accepts>>();

function acceptsOf(vocab: VocabIndex, property: string, ranges: readonly string[]): Accepts {
  let byProperty = acceptsCache.get(vocab);
  if (!byProperty) {
    byProperty = new Map();
    acceptsCache.set(vocab, byProperty);
  }
  let a = byProperty.get(property);
  if (!a) {
    a = accepts(vocab, ranges);
    byProperty.set(property, a);
  }
  return a;
}

function accepts(vocab: VocabIndex, ranges: readonly string[]): Accepts {
  const a: Accepts = {
    text: false,
    url: false,
    date: false,
    dateTime: false,
    time: false,
    number: false,
    boolean: false,
    classes: [],
  };
  for (const r of ranges) {
    if (r === "URL") a.url = true;
    else if (vocab.isSubtypeOf(r, "Text")) a.text = true;
    else if (r === "Date") a.date = true;
    else if (r === "DateTime") a.dateTime = true;
    else if (r === "Time") a.time = true;
    else if (vocab.isSubtypeOf(r, "Number")) a.number = true;
    else if (r === "Boolean") a.boolean = true;
    else if (vocab.isDataType(r)) a.text = true;
    else a.classes.push(r);
  }
  return a;
}

function expectedList(a: Accepts): string {
  const names: string[] = [];
  if (a.text) names.push("Text");
  if (a.url) names.push("URL");
  if (a.date) names.push("Date (ISO 8601, 2024-05-31)");
  if (a.dateTime) names.push("DateTime (ISO 8601, 2024-05-31T09:00:00+02:00)");
  if (a.time) names.push("Time (ISO 8601, 09:00:00)");
  if (a.number) names.push("Number");
  if (a.boolean) names.push("Boolean");
  names.push(...a.classes);
  return names.join(" or ");
}

/** messageId for a wrong value, or undefined when the value fits the range. */
function mismatch(vocab: VocabIndex, a: Accepts, value: unknown): string | undefined {
  // schema.org says text may stand in where an object is expected, so a class range accepts strings
  const anyText = a.text || a.classes.length > 0;
  if (typeof value === "string") {
    const v = value.trim();
    if (v === "" || anyText) return undefined;
    if ((a.date || a.dateTime) && (ISO_DATE.test(v) || ISO_DATE_TIME.test(v))) return undefined;
    if (a.time && ISO_TIME.test(v)) return undefined;
    if (a.number && NUMBER.test(v)) return undefined;
    if (a.boolean && BOOLEAN.test(v)) return undefined;
    if (a.url && !/\s/.test(v)) return undefined;
    if (a.date || a.dateTime) return "notIsoDate";
    if (a.time) return "notIsoTime";
    if (a.url) return "notUrl";
    return "wrongValue";
  }
  if (typeof value === "number") {
    return a.number || a.text || a.classes.length > 0 ? undefined : "wrongValue";
  }
  if (typeof value === "boolean") {
    return a.boolean || a.text || a.classes.some((c) => c === "Boolean") ? undefined : "wrongValue";
  }
  if (isObject(value)) {
    // value objects, references and lists are fine: the reader cannot judge them here
    if ("@value" in value || "@list" in value || ("@id" in value && !("@type" in value))) return undefined;
    if (a.classes.length === 0) return "objectForDataType";
    const types = typesOf(value);
    if (types === undefined) return undefined;
    const fits = types.some(
      (t) =>
        vocab.isSubtypeOf(t, "Role") || a.classes.some((c) => vocab.isSubtypeOf(t, c)) || vocab.isEnumerationMember(t),
    );
    return fits ? undefined : "wrongNodeType";
  }
  return undefined;
}

/** schema.org types of an object value, or undefined when it has none or an extension/unknown type. */
function typesOf(value: Record<string, unknown>): string[] | undefined {
  const raw = value["@type"];
  const list = (Array.isArray(raw) ? raw : [raw]).filter((t): t is string => typeof t === "string");
  const names = list.map((t) => schemaTerm(t));
  if (names.length === 0 || names.some((n) => n === undefined)) return undefined;
  return names as string[];
}

function checkNode(
  node: JsonLdNode,
  vocab: VocabIndex,
  report: (pointer: string, messageId: string, data: Record<string, string>) => void,
) {
  const keys = Object.keys(node.value);
  // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const property = schemaTerm(key, node.contextTerms);
    if (property === undefined || !vocab.hasProperty(property)) continue;
    const ranges = vocab.ranges(property);
    if (ranges.length === 0) continue;
    const a = acceptsOf(vocab, property, ranges);
    const values = propertyValues(node, property);
    for (let v = 0; v < values.length; v++) {
      const { value, pointer } = values[v]!;
      const messageId = mismatch(vocab, a, value);
      if (!messageId) continue;
      const given = isObject(value)
        ? `an object of type ${String(typesOf(value)?.join(", ") ?? "none")}`
        : `${typeof value} ${JSON.stringify(value)}`;
      report(pointer, messageId, { property: key, expected: expectedList(a), given });
    }
  }
}

export const valueType: Rule = {
  meta: {
    id: "jsonld/value-type",
    description:
      "Values must fit the property's schema.org range: ISO 8601 dates, URLs, numbers, booleans, and objects of an expected type.",
    severity: "error",
    presets: ["recommended"],
    messages: {
      notIsoDate:
        "`{{property}}` expects {{expected}}, got {{given}}; search engines only read ISO 8601 dates. Write the date as YYYY-MM-DD, optionally with a time and zone.",
      notIsoTime: "`{{property}}` expects {{expected}}, got {{given}}. Write the time as hh:mm[:ss] in ISO 8601.",
      notUrl:
        "`{{property}}` expects {{expected}}, got {{given}}, which is not a URL. Use an absolute URL such as https://example.com/page.",
      wrongValue:
        "`{{property}}` expects {{expected}}, got {{given}}. Consumers may drop the value; write it in the expected form.",
      objectForDataType: "`{{property}}` expects {{expected}}, got {{given}}. Replace the object with a plain value.",
      wrongNodeType:
        "`{{property}}` expects {{expected}}, got {{given}}. Use one of the expected types (or a subtype).",
    },
  },
  check(ctx) {
    const nodes = jsonLdNodes(ctx.article);
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      if (usesForeignVocab(node.block)) continue;
      checkNode(node, ctx.vocab, (pointer, messageId, data) =>
        ctx.report({ messageId, data, span: valueSpan(node.block, pointer) }),
      );
    }
  },
};
