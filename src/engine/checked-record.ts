import { LineIndex } from "../model/span.js";
import type { FileResult } from "../report/types.js";
import { type Counts, countResult } from "../report/types.js";
import { entryMarks } from "./corpus.js";
import type { CorpusEntry, Diagnostic } from "./types.js";

/**
 * One checked file as the batch runner spills and caches it: `<head>\t<body>`, two JSON texts (JSON
 * escapes tabs inside strings, so the first tab ends the head). The head is the little the run needs
 * before reporting (the corpus summary and the counts); the body, the diagnostics, is parsed only when
 * the report is written. Neither carries the path: the same content may sit at another path.
 * Bump `RECORD_VERSION` whenever this layout changes (it is part of the cache salt).
 */
export const RECORD_VERSION = 2;

export interface RecordHead {
  counts: Counts;
  entry?: Omit<CorpusEntry, "path">;
  /** the text's length and where the entry's spans sit (`entryMarks`): corpus findings are placed without the text */
  lines?: { length: number; marks: number[] };
  /** why the file could not be read (such results are kept in memory, never cached) */
  fatal?: string;
}

export interface RecordBody {
  diagnostics: Diagnostic[];
  stats?: unknown;
  scores?: unknown;
}

export function encodeChecked(
  result: Omit<FileResult, "source">,
  entry: CorpusEntry | undefined,
  text: string | undefined,
): string {
  const head: RecordHead = { counts: countResult(result) };
  if (entry) {
    const { path: _path, ...rest } = entry;
    head.entry = rest;
    if (text !== undefined) head.lines = { length: text.length, marks: entryMarks(entry, new LineIndex(text)) };
  }
  if (result.fatal !== undefined) head.fatal = result.fatal;
  const body: RecordBody = { diagnostics: result.diagnostics };
  if (result.stats !== undefined) body.stats = result.stats;
  if (result.scores !== undefined) body.scores = result.scores;
  return `${JSON.stringify(head)}\t${JSON.stringify(body)}`;
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
