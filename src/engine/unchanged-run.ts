import { isAbsolute, resolve } from "node:path";
import { loadBytesSync, loadSourceSync } from "../io/source.js";
import { type Counts, countResult, type FileResult } from "../report/types.js";
import { cacheFiles, RecordCache, type Stored } from "./cache.js";
import { corpusFindings, renderedResult } from "./checked-record.js";
import { loadCorpusMemo, runKey } from "./corpus-memo.js";
import { FileStamps, nowMs, stampOf } from "./file-stamps.js";
import type { Span } from "./records.js";

/**
 * An unchanged re-run served from the cache alone, without the rules, the readers or the config
 * schema (loading them was about a tenth of such a run): every file's stamp names a content key the
 * cache holds, and the corpus memo was saved for exactly these paths and keys (the salt names the
 * report format, so the records carry the messages as this report writes them). Then each file's
 * record is its result and the memo holds the totals and corpus findings, as `checkStream` itself
 * would find them (see batch.ts). The caller knows the cache salt from the setup memo (setup-memo.ts).
 */
export interface UnchangedRun {
  size: number;
  counts: Counts;
  /**
   * each file's rendered result with its corpus findings merged, in input order; its bytes are views
   * valid until the next result is taken (write each out first, as the CLI does)
   */
  results(): IterableIterator<FileResult>;
  close(): void;
}

/**
 * The run, or undefined as soon as anything differs from the last run (a stamp, a key the cache no
 * longer holds, a memo for other paths or contents, a damaged file): the caller then checks as usual.
 * The stamps and records are saved as `checkStream` saves them.
 */
export function unchangedRun(
  paths: readonly string[],
  cwd: string,
  cache: { dir: string; salt: string },
  keepSource: boolean,
): UnchangedRun | undefined {
  const files = cacheFiles(cache.dir, "check", cache.salt);
  const stamps = FileStamps.load(files.stamps);
  const n = paths.length;
  const keys: string[] = new Array(n);
  for (let index = 0; index < n; index++) {
    const path = paths[index] as string;
    const abs = isAbsolute(path) ? path : resolve(cwd, path);
    const statedAt = nowMs();
    const stamp = stampOf(abs);
    if (!stamp) return undefined;
    // a file whose stamp moved (written since, or too new to be trusted by it last run) is hashed: the
    // memo below then says whether its content is the one the last run checked
    const key = stamps.keyOf(abs, stamp) ?? contentKey(abs);
    if (!key) return undefined;
    stamps.remember(abs, stamp, key, statedAt);
    keys[index] = key;
  }
  const memo = loadCorpusMemo(files.corpus, runKey(cache.salt, paths, keys));
  if (!memo) return undefined;
  const records = new RecordCache(cache.dir, "check", cache.salt, "metadata", stamps);
  const stored: Stored[] = new Array(n);
  for (let index = 0; index < n; index++) {
    const hit = records.getUnread(keys[index] as string);
    if (!hit) {
      records.close();
      return undefined;
    }
    stored[index] = hit;
  }
  records.save();
  const corpus = new Map<number, Span[]>();
  for (const [index, offset, length] of memo.findings) {
    const spans = corpus.get(index) ?? [];
    spans.push({ offset, length });
    corpus.set(index, spans);
  }
  const finding = (span: Span) => memo.bytes.subarray(span.offset, span.offset + span.length);
  function* results(): Generator<FileResult> {
    for (let index = 0; index < n; index++) {
      const { file, span } = stored[index] as Stored;
      const path = paths[index] as string;
      yield renderedResult(
        path,
        // each record's views are written out before the next is read (see writeBuffered in the CLI)
        file.read(span, true, true),
        corpusFindings(corpus.get(index), finding),
        keepSource ? () => readText(cwd, path) : undefined,
      );
    }
  }
  // the totals as checkStream sets them from the memo
  const counts = Object.assign(countResult({ path: "", diagnostics: [] }), memo.counts);
  return { size: n, counts, results, close: () => records.close() };
}

/** The content key of a file as `checkStream` hashes it; undefined when it cannot be read (the check says why). */
function contentKey(abs: string): string | undefined {
  try {
    return RecordCache.key(loadBytesSync(abs));
  } catch {
    return undefined;
  }
}

/** A checked file's text, read again; non-blocking like every read here (a FIFO must not hang the run). */
export function readText(cwd: string, path: string): string | undefined {
  try {
    return loadSourceSync(resolve(cwd, path), { maxBytes: Number.POSITIVE_INFINITY }).text;
  } catch {
    return undefined;
  }
}
