import { isAbsolute, resolve } from "node:path";
import { loadBytesSync, loadSourceSync } from "../io/source.js";
import { type Counts, countResult, type FileResult } from "../report/types.js";
import { cacheFiles, RecordCache, type Stored } from "./cache.js";
import { corpusFindings, renderedResult } from "./checked-record.js";
import { loadCorpusMemo, runKey } from "./corpus-memo.js";
import { FileStamps, nowMs, type Stamp, stampOf } from "./file-stamps.js";
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
 * What a look at the inputs found, for `unchangedRun` and, when that cannot serve the run, for
 * `checkStream` (see `BatchOptions.cache`), which then neither loads the stamps nor stats each file
 * again (that was a seventh of a run with one draft changed among 10,000).
 */
export interface StatedInputs {
  /** the cache folder and salt the stamps were loaded for */
  dir: string;
  salt: string;
  paths: readonly string[];
  stamps: FileStamps;
  /** each input's stamp (undefined: not a regular file), and the wall clock just before it was taken */
  stamped: Array<Stamp | undefined>;
  statedAt: Float64Array;
  /** each input's content key: as its unchanged stamp names it, else hashed (undefined: unreadable) */
  keys: Array<string | undefined>;
}

/** Stats every input, and hashes those whose stamps moved (written since, or too new to be trusted last run). */
export function stateInputs(paths: readonly string[], cwd: string, cache: { dir: string; salt: string }): StatedInputs {
  const stamps = FileStamps.load(cacheFiles(cache.dir, "check", cache.salt).stamps);
  const n = paths.length;
  const stated: StatedInputs = {
    dir: cache.dir,
    salt: cache.salt,
    paths,
    stamps,
    stamped: new Array(n),
    statedAt: new Float64Array(n),
    keys: new Array(n),
  };
  for (let index = 0; index < n; index++) {
    const path = paths[index] as string;
    const abs = isAbsolute(path) ? path : resolve(cwd, path);
    const statedAt = nowMs();
    const stamp = stampOf(abs);
    stated.statedAt[index] = statedAt;
    stated.stamped[index] = stamp;
    if (!stamp) continue;
    const key = stamps.keyOf(abs, stamp) ?? contentKey(abs);
    stated.keys[index] = key;
    if (key) stamps.remember(abs, stamp, key, statedAt);
  }
  return stated;
}

/**
 * The run, or undefined when anything differs from the last run (a file that is not there or not
 * readable, a key the cache no longer holds, a memo for other paths or contents, a damaged file): the
 * caller then checks as usual. A file whose stamp moved counts by its content: the memo says whether
 * it is the one the last run checked. The stamps and records are saved as `checkStream` saves them.
 */
export function unchangedRun(
  paths: readonly string[],
  cwd: string,
  cache: { dir: string; salt: string },
  keepSource: boolean,
  stated: StatedInputs = stateInputs(paths, cwd, cache),
): UnchangedRun | undefined {
  const files = cacheFiles(cache.dir, "check", cache.salt);
  const { stamps } = stated;
  const n = paths.length;
  if (stated.keys.includes(undefined)) return undefined;
  const keys = stated.keys as string[];
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
    return RecordCache.key(loadBytesSync(abs), abs);
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
