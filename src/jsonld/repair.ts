import { type Node, type ParseError, parseTree } from "jsonc-parser";
import { jsonrepair } from "jsonrepair";
import type { JsonLdBlock, JsonLdOrigin, RepairStep } from "../model/article.js";
import type { Span } from "../model/span.js";
import { PointerFinder, scanPointers } from "./pointers.js";
import { type OffsetMap, prepass } from "./prepass.js";

/** Bracket depth past which a JSON region is refused (hostile input, not a draft). */
export const DEFAULT_MAX_NESTING = 256;

export interface RepairedRegion {
  block: JsonLdBlock;
  /** source offset just after the value (where the next region may start) */
  end: number;
  truncated: boolean;
  tooDeep: boolean;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function tryRepair(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return tryParse(jsonrepair(text));
  } catch {
    return { ok: false };
  }
}

/** JSON Pointer escaping (RFC 6901). */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Source span of a tree node of the pre-pass text. */
function nodeSpan(map: OffsetMap | undefined, node: Node): Span {
  if (!map) return { start: node.offset, end: node.offset + node.length };
  const start = map.at(node.offset) as number;
  const last = map.at(node.offset + node.length - 1);
  return { start, end: last === undefined ? start : last + 1 };
}

/** Pointers of every value (and `#key` of every member) under `node`, mapped through `map`. */
export function collectPointers(
  node: Node,
  pointer: string,
  map: OffsetMap | undefined,
  out: Record<string, Span>,
): void {
  out[pointer] = nodeSpan(map, node);
  const children = node.children;
  if (!children) return;
  if (node.type === "object") {
    for (const prop of children) {
      const [key, value] = prop.children ?? [];
      if (!key || typeof key.value !== "string") continue;
      const p = `${pointer}/${pointerToken(key.value)}`;
      out[`${p}#key`] = nodeSpan(map, key);
      if (value) collectPointers(value, p, map, out);
    }
  } else if (node.type === "array") {
    children.forEach((child, i) => {
      collectPointers(child, `${pointer}/${i}`, map, out);
    });
  }
}

const ERROR_NAMES: Record<number, string> = {
  1: "invalid symbol",
  2: "invalid number",
  3: "property name expected",
  4: "value expected",
  5: "colon expected",
  6: "comma expected",
  7: "closing brace expected",
  8: "closing bracket expected",
  9: "end of file expected",
};

/** What jsonrepair had to fix, told by jsonc-parser's tolerant parse of the same text. */
function repairNotes(text: string, tolerant: ParseError[]): string[] {
  const notes: string[] = [];
  const strictCommas: ParseError[] = [];
  parseTree(text, strictCommas, { allowTrailingComma: false, disallowComments: false });
  if (strictCommas.length > tolerant.length) notes.push("jsonrepair fixed: trailing comma");
  const noComments: ParseError[] = [];
  parseTree(text, noComments, { allowTrailingComma: true, disallowComments: true });
  if (noComments.length > tolerant.length) notes.push("jsonrepair fixed: comments");
  const seen = new Set<string>();
  for (const e of tolerant) {
    const name = ERROR_NAMES[e.error] ?? `syntax error ${e.error}`;
    if (seen.has(name)) continue;
    seen.add(name);
    notes.push(`jsonrepair fixed: ${name}`);
  }
  return notes;
}

/**
 * Parses the JSON value at `start` through the repair ladder:
 * strict JSON → typographic pre-pass → pre-pass + jsonrepair → jsonrepair on
 * the raw text → failed. Pointers come from the pre-pass text (parsed
 * tolerantly), mapped back to offsets in `src`.
 */
export function repairJsonAt(
  src: string,
  start: number,
  limit: number,
  origin: JsonLdOrigin,
  maxNesting: number = DEFAULT_MAX_NESTING,
): RepairedRegion {
  const pp = prepass(src, start, limit, maxNesting);
  const notes: string[] = [];
  if (pp.tooDeep) {
    notes.push(`brackets nested deeper than ${maxNesting} levels: not parsed`);
    const block: JsonLdBlock = {
      span: { start, end: limit },
      origin,
      value: undefined,
      repair: "failed",
      pointers: {},
      notes,
    };
    return { block, end: limit, truncated: true, tooDeep: true };
  }
  const raw = src.slice(start, pp.end);
  let repair: RepairStep | "failed" = "failed";
  let value: unknown;
  const strict = pp.truncated || pp.notStrict ? { ok: false as const } : tryParse(raw);
  const rawIsNotJson = pp.notStrict || (!pp.truncated && !strict.ok);
  if (strict.ok) {
    repair = "strict";
    value = strict.value;
  } else {
    const viaPrepass = tryParse(pp.text);
    if (viaPrepass.ok) {
      repair = "prepass";
      value = viaPrepass.value;
    } else {
      const viaBoth = tryRepair(pp.text);
      if (viaBoth.ok) {
        repair = "prepass+jsonrepair";
        value = viaBoth.value;
      } else {
        const viaRepair = tryRepair(raw);
        if (viaRepair.ok) {
          repair = "jsonrepair";
          value = viaRepair.value;
        }
      }
    }
  }
  if (pp.changed > 0) notes.push(`${pp.changed} typographic or stray quotes rewritten as JSON quotes`);
  if (pp.truncated) notes.push("the JSON ends before its closing bracket (truncated); closed by jsonrepair");
  if (repair === "prepass+jsonrepair" || repair === "jsonrepair") {
    const errors: ParseError[] = [];
    parseTree(pp.text, errors, TOLERANT);
    notes.push(...repairNotes(pp.text, errors));
  }
  if (repair === "failed") notes.push("could not be parsed, even with jsonrepair");
  const end = pp.end;
  const { text, map } = pp;
  // the pre-pass text is known to be valid JSON when it parsed, or when it is the raw text that did
  const textIsJson = repair === "prepass" || (repair === "strict" && text === raw);
  // The pointer table costs a second, tolerant parse and an entry per value; most blocks are
  // never asked for a span (only diagnostics are), so it is built on first read.
  let finder: PointerFinder | undefined;
  const block = withLazyPointers(
    { span: { start, end }, origin, value, repair },
    notes,
    () => {
      const pointers: Record<string, Span> = {};
      if (textIsJson) scanPointers(text, map.ascending(), pointers);
      else {
        const tree = repair === "failed" ? undefined : parseTree(text, [], TOLERANT);
        if (tree) collectPointers(tree, "", map, pointers);
      }
      pointers[""] = { start, end };
      return pointers;
    },
    // the root's entry is the region, as the table's last line sets it
    textIsJson
      ? (path, key) => {
          if (path.length === 0 && !key) return { start, end };
          finder ??= new PointerFinder(text, () => map.ascending());
          return finder.find(path, key);
        }
      : undefined,
  );
  if (rawIsNotJson) notStrictJson.add(block);
  return { block, end, truncated: pp.truncated, tooDeep: false };
}

/** Blocks whose source text is known not to be strict JSON (the ladder tried, or the pre-pass proved it). */
const notStrictJson = new WeakSet<JsonLdBlock>();

/** Whether the block's source text is known not to parse as strict JSON (false: not known either way). */
export function knownNotStrictJson(block: JsonLdBlock): boolean {
  return notStrictJson.has(block);
}

const TOLERANT = { allowTrailingComma: true, disallowComments: false } as const;

/**
 * One pointer's span without the table, as `findPointer` answers: null when only the table can
 * tell. `path` holds the pointer's reference tokens; `key` asks for the `#key` entry of the last.
 */
type LocatePointer = (path: readonly string[], key: boolean) => Span | undefined | null;

interface LazyPointers {
  table: Record<string, Span> | undefined;
  compute: () => Record<string, Span>;
  locate: LocatePointer | undefined;
  /** spans located so far without the table */
  lookups: number;
}

/**
 * Past this many spans asked of one block, the table is built: each lookup walks the block's
 * text again, so a block with many diagnostics is cheaper with the table.
 */
const MAX_LOOKUPS = 24;

/** Where a lazy block keeps its `LazyPointers`: a property no copy, `JSON.stringify` or deep equality sees. */
const LAZY = Symbol("lazy pointers");

type LazyBlock = JsonLdBlock & { readonly [LAZY]?: LazyPointers };

/**
 * The `pointers` accessor of every lazy block: the same two functions for all. An object literal's
 * own getter and setter are new closures per block, which gave each block a hidden class of its own,
 * and hidden classes live in V8's old space: the closures' texts, offset maps and parsed values were
 * then kept through every young collection until a full one (~2.9 MB promoted per young collection
 * while reading bundles, most of what a check promoted).
 */
const POINTERS: PropertyDescriptor = {
  get(this: LazyBlock): Record<string, Span> {
    const state = this[LAZY] as LazyPointers;
    state.table ??= state.compute();
    return state.table;
  },
  set(this: LazyBlock, value: Record<string, Span>) {
    (this[LAZY] as LazyPointers).table = value;
  },
  enumerable: true,
  configurable: true,
};

/**
 * A block whose `pointers` member is computed by `compute` on first read, then kept. The member
 * is an enumerable own accessor in its usual place, so copies, `JSON.stringify` and deep equality
 * see the same object as an eager block. With `locate`, `pointerSpan` answers single pointers
 * without building the table.
 */
function withLazyPointers(
  head: Omit<JsonLdBlock, "pointers" | "notes">,
  notes: string[],
  compute: () => Record<string, Span>,
  locate?: LocatePointer,
): JsonLdBlock {
  const state: LazyPointers = { table: undefined, compute, locate, lookups: 0 };
  // fields in the order of an eager block, `pointers` before `notes`
  const block = { span: head.span, origin: head.origin, value: head.value, repair: head.repair };
  Object.defineProperty(block, "pointers", POINTERS);
  Object.defineProperty(block, LAZY, { value: state });
  (block as { notes?: string[] }).notes = notes;
  return block as JsonLdBlock;
}

/** The reference tokens of a pointer and whether it names a `#key` entry; undefined when it is not a pointer. */
function parsePointer(pointer: string): { path: string[]; key: boolean } | undefined {
  const key = pointer.endsWith("#key");
  const base = key ? pointer.slice(0, -4) : pointer;
  if (base === "") return { path: [], key };
  return base.charCodeAt(0) === 0x2f ? { path: base.slice(1).split("/"), key } : undefined;
}

/**
 * `block.pointers[pointer]`, without building the table when the block can find one pointer
 * in its text (blocks are asked for a few spans, one per diagnostic, and most for none).
 */
export function pointerSpan(block: JsonLdBlock, pointer: string): Span | undefined {
  const state = (block as LazyBlock)[LAZY];
  if (state?.locate && state.table === undefined && state.lookups < MAX_LOOKUPS) {
    const parsed = parsePointer(pointer);
    const span = parsed && state.locate(parsed.path, parsed.key);
    if (span !== null && parsed) {
      state.lookups++;
      return span;
    }
  }
  return block.pointers[pointer];
}

/**
 * The block of the member `/token` of a wrapper block: its pointers are the wrapper's under
 * that member, re-rooted (`subPointers`), and found one at a time the same way.
 */
export function memberBlock(
  wrapper: JsonLdBlock,
  token: string,
  head: Omit<JsonLdBlock, "pointers" | "notes">,
  notes: string[],
): JsonLdBlock {
  const outer = (wrapper as LazyBlock)[LAZY]?.locate;
  return withLazyPointers(
    head,
    notes,
    () => subPointers(wrapper.pointers, `/${token}`),
    // the member's own `#key` is not part of its block
    outer && ((path, key) => (path.length === 0 && key ? undefined : outer([token, ...path], key))),
  );
}

/**
 * Parses consecutive JSON values starting at `start` (objects written one
 * after another, possibly glued as `}{`) until something else begins.
 */
export function repairSequence(
  src: string,
  start: number,
  limit: number,
  origin: JsonLdOrigin,
  maxNesting: number = DEFAULT_MAX_NESTING,
): RepairedRegion[] {
  const out: RepairedRegion[] = [];
  let i = start;
  for (;;) {
    let j = i;
    while (j < limit && /\s/.test(src[j] as string)) j++;
    const c = src[j];
    if (j >= limit || (c !== "{" && c !== "[")) break;
    const region = repairJsonAt(src, j, limit, origin, maxNesting);
    if (out.length > 0 && j === i) region.block.notes.push("glued to the previous object (`}{`): split");
    out.push(region);
    if (region.truncated || region.end <= j) break;
    i = region.end;
  }
  return out;
}

/** Re-roots the pointers under `prefix` (a member of a wrapper object) as their own block. */
export function subPointers(pointers: Record<string, Span>, prefix: string): Record<string, Span> {
  const out: Record<string, Span> = {};
  const n = prefix.length;
  for (const key in pointers) {
    if (!key.startsWith(prefix)) continue;
    // the prefix itself, or a pointer below it: `prefix/…` or `prefix#…` (but not the member's own `#key`)
    const next = key.charCodeAt(n);
    const own = key.length === n + 4 && key.endsWith("#key");
    if (key.length === n || next === 0x2f || (next === 0x23 && !own)) out[key.slice(n)] = pointers[key] as Span;
  }
  return out;
}
