import { LineIndex } from "../model/span.js";
import { jsonMessage, jsonTail } from "../report/json.js";
import { frameLine, stylishMessage } from "../report/stylish.js";
import type { FileResult, Prerendered } from "../report/types.js";
import { addCounts, type Counts, countResult } from "../report/types.js";
import { entryMarks } from "./corpus.js";
import { compareNamed } from "./diagnostic.js";
import type { CorpusEntry, Diagnostic } from "./types.js";

/**
 * One checked file as the batch runner spills and caches it: `<head>\t<body>`, two JSON texts (JSON
 * escapes tabs inside strings, so the first tab ends the head). The head is the little the run needs
 * before reporting (the corpus summary and the counts); the body, the diagnostics, is parsed only when
 * the report is written. Neither carries the path: the same content may sit at another path.
 * Bump `RECORD_VERSION` whenever this layout changes (it is part of the cache salt).
 */
export const RECORD_VERSION = 4;

export interface RecordHead {
  counts: Counts;
  entry?: Omit<CorpusEntry, "path">;
  /** the text's length and where the entry's spans sit (`entryMarks`): corpus findings are placed without the text */
  lines?: { length: number; marks: number[] };
  /** why the file could not be read (such results are kept in memory, never cached) */
  fatal?: string;
  /** the body is the report's messages already written (`RenderedBody`), not `RecordBody` */
  rendered?: RenderFormat;
}

/**
 * The body of a record made for a report (`CheckSpec.render`): `<meta>\t<messages><tail>`, each
 * message in JSON one after the other, `meta` giving where each ends (UTF-16 offsets into what follows
 * the tab) and its diagnostic's span (the sort keys that place corpus findings among them); the tail,
 * after the last message, is the entry's stats and scores. Stylish messages (`names` in the meta) are
 * stored as one JSON string. JSON escapes newlines and tabs, so the record is one line (as the cache
 * file needs) and the tabs are the only ones.
 */
export interface RenderedBody {
  counts: Counts;
  messages: string[];
  /** [start, end] of each message's span, flat */
  spans: number[];
  tail: string;
  /** [ruleId, message] of each, flat (stylish: the sort's tie-break) */
  names?: string[];
  /** stylish: the source lines of the corpus summary's spans, as code frames show them */
  lines?: Record<number, string>;
}

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
    return `${JSON.stringify(head)}\t${renderedBody(result, render, text, lines, head.lines?.marks)}`;
  }
  const body: RecordBody = { diagnostics: result.diagnostics };
  if (result.stats !== undefined) body.stats = result.stats;
  if (result.scores !== undefined) body.scores = result.scores;
  return `${JSON.stringify(head)}\t${JSON.stringify(body)}`;
}

/** See `RenderedBody`. */
function renderedBody(
  result: Omit<FileResult, "source">,
  render: RenderFormat,
  text: string | undefined,
  lines: LineIndex | undefined,
  marks: number[] | undefined,
): string {
  let messages = "";
  const ends: number[] = [];
  const spans: number[] = [];
  // the counts again, so that writing the report needs no head
  const meta: RenderedMeta = { counts: countResult(result), ends, spans };
  const color = render === "stylish-color";
  const lineText = (line: number) => (text === undefined || !lines ? undefined : frameLine(text, lines, line));
  for (const d of result.diagnostics) {
    // the JSON report has no sources (see jsonMessage), so neither have these
    messages += render === "json" ? jsonMessage(d, "") : stylishMessage(d, lineText(d.line), color);
    ends.push(messages.length);
    spans.push(d.span.start, d.span.end);
  }
  if (render !== "json") {
    // the tie-break of the sort, which stylish text does not spell out; and the lines where corpus
    // findings fall (the summary's spans), so their code frames need no source either
    meta.names = result.diagnostics.flatMap((d) => [d.ruleId, d.message]);
    if (marks) {
      meta.lines = {};
      for (let i = 1; i < marks.length; i += 3) meta.lines[marks[i] as number] ??= lineText(marks[i] as number) ?? "";
    }
  }
  // JSON text has no line breaks or tabs of its own; stylish text has both, so it is stored as one JSON string
  return `${JSON.stringify(meta)}\t${render === "json" ? messages + jsonTail(result) : JSON.stringify(messages)}`;
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

interface RenderedMeta {
  counts: Counts;
  ends: number[];
  spans: number[];
  names?: string[];
  lines?: Record<number, string>;
}

function decodeRendered(record: Buffer): RenderedBody {
  const text = record.toString("utf8", record.indexOf(TAB) + 1);
  const cut = text.indexOf("\t");
  const meta = JSON.parse(text.slice(0, cut)) as RenderedMeta;
  const all = meta.names ? (JSON.parse(text.slice(cut + 1)) as string) : text.slice(cut + 1);
  const messages: string[] = [];
  let at = 0;
  for (const end of meta.ends) {
    messages.push(all.slice(at, end));
    at = end;
  }
  const body: RenderedBody = { counts: meta.counts, messages, spans: meta.spans, tail: all.slice(at) };
  if (meta.names) body.names = meta.names;
  if (meta.lines) body.lines = meta.lines;
  return body;
}

/**
 * A record made for a report (`RenderFormat`), with the file's corpus findings (sorted) placed among its
 * own messages where `[...own, ...extra].sort(compareDiagnostics)` puts them: by span, and on a span tie
 * by rule id and message (stylish stores them, a JSON message spells them out; ties are rare).
 */
export function prerenderedOf(record: Buffer, extra: Diagnostic[] | undefined): Prerendered {
  const { counts: own, messages, spans, tail, names, lines } = decodeRendered(record);
  const nameOf = (i: number) =>
    names
      ? { ruleId: names[2 * i] as string, message: names[2 * i + 1] as string }
      : (JSON.parse(messages[i] as string) as { ruleId: string; message: string });
  if (!extra) return { parts: messages, counts: own, tail, ...(lines ? { lines } : {}) };
  const counts = { ...own };
  const parts: Prerendered["parts"] = [];
  let i = 0;
  for (const f of extra) {
    // own messages that sort before f, or equal to it (the stable sort keeps own ones first)
    while (i < messages.length) {
      const order =
        (spans[2 * i] as number) - f.span.start ||
        (spans[2 * i + 1] as number) - f.span.end ||
        compareNamed(nameOf(i), f);
      if (order > 0) break;
      parts.push(messages[i++] as string);
    }
    parts.push(f);
    addCounts(counts, countResult({ path: "", diagnostics: [f] }));
  }
  for (; i < messages.length; i++) parts.push(messages[i] as string);
  return { parts, counts, tail, ...(lines ? { lines } : {}) };
}
