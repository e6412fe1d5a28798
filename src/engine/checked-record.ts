import { LineIndex } from "../model/span.js";
import { jsonMessage, jsonTail } from "../report/json.js";
import { frameLine, stylishMessage } from "../report/stylish.js";
import type { FileResult, Prerendered } from "../report/types.js";
import { addCounts, type Counts, countResult } from "../report/types.js";
import { entryMarks } from "./corpus.js";
import { compareDiagnostics, compareNamed } from "./diagnostic.js";
import type { CorpusEntry, Diagnostic } from "./types.js";

/**
 * One checked file as the batch runner spills and caches it: `<head>\t<body>`, the head a JSON text
 * (JSON escapes tabs inside strings, so the first tab ends it). The head is the little the run needs
 * before reporting (the corpus summary and the counts); the body, the diagnostics, is read only when
 * the report is written. Neither carries the path: the same content may sit at another path.
 * A record may hold line breaks (see `RenderedMeta`): the cache frames records by length, not by line.
 * Bump `RECORD_VERSION` whenever this layout changes (it is part of the cache salt).
 */
export const RECORD_VERSION = 6;

export interface RecordHead {
  counts: Counts;
  entry?: Omit<CorpusEntry, "path">;
  /** the text's length and where the entry's spans sit (`entryMarks`): corpus findings are placed without the text */
  lines?: { length: number; marks: number[] };
  /** why the file could not be read (such results are kept in memory, never cached) */
  fatal?: string;
  /** the body is the report's messages already written (`RenderedMeta`), not `RecordBody` */
  rendered?: RenderFormat;
}

/**
 * The body of a record made for a report (`CheckSpec.render`): `<meta>\t<order><names><messages><tail>`.
 * `messages` are the report's messages as it prints them, one after the other as UTF-8 bytes (JSON:
 * joined by commas), so a re-run copies them to the output as they are, without decoding; the tail
 * (JSON: the entry's stats and scores) follows them. `meta` (`RenderedMeta`, JSON, so the tab ends it)
 * gives the counts and the byte length of each part. `order` (`RenderedOrder`) is read only when corpus
 * findings must be placed among the messages, and stylish's `names` only when one ties with a message by
 * span and rule id.
 */
interface RenderedMeta {
  counts: Counts;
  /** bytes of `order`, of `names` (0 for JSON) and of the messages (the tail follows) */
  sizes: [order: number, names: number, messages: number];
}

interface RenderedOrder {
  /** byte offset where each message ends (JSON: the comma after it is not counted) */
  ends: number[];
  /** [start, end] of each message's span, flat: the sort keys that place corpus findings */
  spans: number[];
  /** stylish: the source lines of the corpus summary's spans, as code frames show them */
  lines?: Record<number, string>;
  /** stylish: each message's rule id, the sort's first tie-break (JSON messages spell theirs out) */
  ids?: string[];
}

/**
 * stylish: each message's text (the sort's last tie-break), apart from the rule ids: read only on a tie
 * of span and rule id, where parsing them all for every record with a corpus finding cost ~5 % of a re-run
 */
type RenderedNames = string[];

export interface RecordBody {
  diagnostics: Diagnostic[];
  stats?: unknown;
  scores?: unknown;
}

/**
 * A report format whose messages a record may carry written already (`CheckSpec.render`): the JSON
 * report (which has no sources), or stylish with or without colors.
 */
export type RenderFormat = "json" | "stylish" | "stylish-color";

export function encodeChecked(
  result: Omit<FileResult, "source">,
  entry: CorpusEntry | undefined,
  text: string | undefined,
  render?: RenderFormat,
): string {
  return encodeRecord(result, entry, text, render).record;
}

/** `encodeChecked` with the record's head as an object, for a caller in the same thread (no parse back). */
export function encodeRecord(
  result: Omit<FileResult, "source">,
  entry: CorpusEntry | undefined,
  text: string | undefined,
  render?: RenderFormat,
): { head: RecordHead; record: string } {
  const head: RecordHead = { counts: countResult(result) };
  const lines = text === undefined ? undefined : new LineIndex(text);
  if (entry) {
    const { path: _path, ...rest } = entry;
    head.entry = rest;
    if (text !== undefined && lines) head.lines = { length: text.length, marks: entryMarks(entry, lines) };
  }
  if (result.fatal !== undefined) head.fatal = result.fatal;
  if (render && result.fatal === undefined) {
    head.rendered = render;
    return { head, record: `${JSON.stringify(head)}\t${renderedBody(result, render, text, lines, head)}` };
  }
  const body: RecordBody = { diagnostics: result.diagnostics };
  if (result.stats !== undefined) body.stats = result.stats;
  if (result.scores !== undefined) body.scores = result.scores;
  return { head, record: `${JSON.stringify(head)}\t${JSON.stringify(body)}` };
}

/** See `RenderedMeta`. `head`: the record's, whose counts and summary marks the body repeats or uses. */
function renderedBody(
  result: Omit<FileResult, "source">,
  render: RenderFormat,
  text: string | undefined,
  lines: LineIndex | undefined,
  head: RecordHead,
): string {
  let messages = "";
  let size = 0;
  const ends: number[] = [];
  const spans: number[] = [];
  const order: RenderedOrder = { ends, spans };
  const json = render === "json";
  const color = render === "stylish-color";
  const lineText = (line: number) => (text === undefined || !lines ? undefined : frameLine(text, lines, line));
  for (const d of result.diagnostics) {
    // the JSON report has no sources (see jsonMessage), so neither have these
    const message = json ? jsonMessage(d, "") : stylishMessage(d, lineText(d.line), color);
    if (json && size > 0) {
      messages += ",";
      size++;
    }
    messages += message;
    size += Buffer.byteLength(message);
    ends.push(size);
    spans.push(d.span.start, d.span.end);
  }
  let names = "";
  if (!json) {
    // the tie-break of the sort; and the lines where corpus findings fall (the summary's spans), so
    // their code frames need no source either
    order.ids = result.diagnostics.map((d) => d.ruleId);
    names = JSON.stringify(result.diagnostics.map((d) => d.message) satisfies RenderedNames);
    const marks = head.lines?.marks;
    if (marks) {
      order.lines = {};
      for (let i = 1; i < marks.length; i += 3) order.lines[marks[i] as number] ??= lineText(marks[i] as number) ?? "";
    }
  }
  const orderText = JSON.stringify(order);
  // the counts again, so that writing the report needs no head
  const meta: RenderedMeta = {
    counts: head.counts,
    sizes: [Buffer.byteLength(orderText), Buffer.byteLength(names), size],
  };
  return `${JSON.stringify(meta)}\t${orderText}${names}${messages}${json ? jsonTail(result) : ""}`;
}

const TAB = 9;

export function decodeHead(record: string | Buffer): RecordHead {
  const head =
    typeof record === "string"
      ? record.slice(0, record.indexOf("\t"))
      : record.toString("utf8", 0, record.indexOf(TAB));
  return JSON.parse(head) as RecordHead;
}

export function decodeBody(record: Buffer): RecordBody {
  return JSON.parse(record.toString("utf8", record.indexOf(TAB) + 1)) as RecordBody;
}

/**
 * A record made for a report (`RenderFormat`), with the file's corpus findings (sorted) placed among its
 * own messages where `[...own, ...extra].sort(compareDiagnostics)` puts them: by span, and on a span tie
 * by rule id and message (stylish stores them, a JSON message spells them out; ties are rare).
 */
export function prerenderedOf(record: Buffer, extra: Diagnostic[] | undefined): Prerendered {
  const metaAt = record.indexOf(TAB) + 1;
  const orderAt = record.indexOf(TAB, metaAt) + 1;
  // the meta is numbers only: ASCII
  const meta = JSON.parse(record.toString("latin1", metaAt, orderAt - 1)) as RenderedMeta;
  const [orderSize, namesSize, size] = meta.sizes;
  const namesAt = orderAt + orderSize;
  const from = namesAt + namesSize;
  const to = from + size;
  const tail = record.subarray(to);
  const own = meta.counts;
  // the messages go to the output as the bytes they are; none: no parts (the reporters skip such files)
  if (!extra) return { parts: size > 0 ? [record.subarray(from, to)] : [], counts: own, tail };
  const { ends, spans, lines, ids } = JSON.parse(record.toString("utf8", orderAt, namesAt)) as RenderedOrder;
  const json = namesSize === 0;
  const start = (i: number) => (i === 0 ? 0 : (ends[i - 1] as number) + (json ? 1 : 0));
  let names: RenderedNames | undefined;
  /** message i's rule id and text, as `compareNamed` orders them against `f` (the text only when the ids tie) */
  const nameOf = (i: number, f: Diagnostic): { ruleId: string; message: string } => {
    if (json || !ids) return JSON.parse(record.toString("utf8", from + start(i), from + (ends[i] as number)));
    const ruleId = ids[i] as string;
    if (ruleId !== f.ruleId) return { ruleId, message: "" };
    names ??= JSON.parse(record.toString("utf8", namesAt, from)) as RenderedNames;
    return { ruleId, message: names[i] as string };
  };
  const counts = { ...own };
  const parts: Prerendered["parts"] = [];
  // own messages i..j-1 as one piece of bytes
  const run = (i: number, j: number) => {
    if (j > i) parts.push(record.subarray(from + start(i), from + (ends[j - 1] as number)));
  };
  let i = 0;
  for (const f of extra) {
    // own messages that sort before f, or equal to it (the stable sort keeps own ones first)
    const first = i;
    while (i < ends.length) {
      const order =
        (spans[2 * i] as number) - f.span.start ||
        (spans[2 * i + 1] as number) - f.span.end ||
        compareNamed(nameOf(i, f), f);
      if (order > 0) break;
      i++;
    }
    run(first, i);
    parts.push(f);
    addCounts(counts, countResult({ path: "", diagnostics: [f] }));
  }
  run(i, ends.length);
  return { parts, counts, tail, ...(lines ? { lines } : {}) };
}

/** A file's corpus findings from their spilled JSON, sorted alone first as `lintCorpus` sorts them. */
export function corpusFindings<S>(
  spans: readonly S[] | undefined,
  bytesOf: (span: S) => Buffer,
): Diagnostic[] | undefined {
  return spans?.map((span) => JSON.parse(bytesOf(span).toString()) as Diagnostic).sort(compareDiagnostics);
}

/**
 * A rendered record's result, its corpus findings merged. `sourceOf` (when the report wants sources)
 * gives the file's text for a finding off the lines the record knows (none, in practice).
 */
export function renderedResult(
  path: string,
  record: Buffer,
  extra: Diagnostic[] | undefined,
  sourceOf: (() => string | undefined) | undefined,
): FileResult {
  const pre = prerenderedOf(record, extra);
  const off = pre.lines && extra?.some((d) => pre.lines?.[d.line] === undefined);
  const text = off && sourceOf ? sourceOf() : undefined;
  return { path, diagnostics: [], prerendered: pre, ...(text !== undefined ? { source: text } : {}) };
}
