import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { decodeSource, InputError, loadBytesSync, loadSourceSync } from "../io/source.js";
import type { Article, SourceFormat } from "../model/article.js";
import { LineIndex } from "../model/span.js";
import { addCounts, type Counts, countResult, type FileResult } from "../report/types.js";
import { allRules } from "../rules/index.js";
import { VERSION } from "../version.js";
import { type CacheStats, type CacheStrategy, codeFingerprint, RecordCache, type Stored, sha256 } from "./cache.js";
import {
  corpusFindings,
  decodeBody,
  decodeHead,
  encodeRecord,
  RECORD_VERSION,
  type RecordHead,
  type RenderFormat,
  renderedResult,
} from "./checked-record.js";
import type { ConfigOverrides, ResolvedConfig } from "./config.js";
import { loadConfig } from "./config-load.js";
import { KnownLines, lintCorpus } from "./corpus.js";
import { carryCorpusMemo } from "./corpus-carry.js";
import {
  type CorpusMemo,
  type LoadedCorpusMemo,
  loadCorpusMemo,
  runKey,
  saveCarriedMemo,
  saveCorpusMemo,
} from "./corpus-memo.js";
import { compareDiagnostics } from "./diagnostic.js";
import { fileExtras } from "./extras.js";
import { nowMs, type Stamp, stampOf } from "./file-stamps.js";
import { StringPool } from "./intern.js";
import type { PageSpec, PlannedPage } from "./planned-page.js";
import { autoWorkers, runOrdered } from "./pool.js";
import { resolveIn } from "./quick-path.js";
import { AppendFile, type Span } from "./records.js";
import { type CheckedText, type CheckOptions, checkText } from "./run.js";
import { type CorpusEntry, type Diagnostic, isCorpusRule } from "./types.js";
import { readText, type StatedInputs } from "./unchanged-run.js";
import { checkWorkerFile } from "./worker-file.js";

/**
 * Checking many files from disk: read + lint each file (in-process or in a
 * worker pool), serve unchanged files from the content-hash cache, then run
 * corpus rules over the small per-file summaries. Results come back in input
 * order and are the same for any number of workers. Everything a worker needs
 * travels as plain data (`CheckSpec`); each worker resolves the config once.
 */
export interface CheckSpec {
  cwd: string;
  configPath?: string;
  overrides?: ConfigOverrides;
  from?: SourceFormat;
  /** ISO timestamp used as "now" by date rules */
  now: string;
  /** run error rules only (`--quiet`) */
  errorsOnly?: boolean;
  /** add per-file stats and scores (JSON output) */
  extras?: boolean;
  /**
   * write each file's report messages where it is checked (the CLI's report: JSON has no sources,
   * stylish has code frames): results then carry `prerendered` instead of diagnostics, for that
   * reporter only, and a cached re-run reads neither the diagnostics nor the files
   */
  render?: RenderFormat;
  /**
   * plan (and render) each draft's page where it is checked (`build`): pool threads send the page back
   * with the record instead of the article staying behind in their thread (see `BatchOptions.onPage`)
   */
  page?: PageSpec;
}

/** One file's outcome from `checkOne` (library callers): no source text, which the caller has. */
export interface CheckedFile {
  result: Omit<FileResult, "source">;
  entry?: CorpusEntry;
}

export interface BatchOptions {
  /** worker threads: a number, or "auto" (a pool only once the batch pays for it) */
  workers: number | "auto";
  /**
   * use the content-hash cache in this folder ("content" strategy unless told otherwise); `stated`: what
   * `stateInputs` found of these very paths (the CLI's look for an unchanged run), used when its salt is
   * this run's and the strategy "metadata"
   */
  cache?: { dir: string; strategy?: CacheStrategy; stated?: StatedInputs } | false;
  /** keep each file's text in the results (stylish code frames need it) */
  keepSource?: boolean;
  /** called once per file, in input order */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with each article checked in this thread, in input order (`build` renders it there and then
   * instead of reading the draft a second time). Not called for cached files, nor for files checked in
   * pool workers, whose articles stay in their thread. `result` is the file's own result (corpus rules
   * have not run yet).
   */
  onArticle?: (index: number, article: Article, result: FileResult) => void;
  /**
   * With `CheckSpec.page`: called with each checked draft's page, planned in the thread that checked
   * it (this one or a pool thread), in input order. Not called for cached or unreadable files.
   */
  onPage?: (index: number, page: PlannedPage) => void;
}

/** A pool task's answer: one encoded record per path (a string crosses threads cheaply), and the pages asked for. */
export interface TaskResult {
  records: string[];
  pages?: Array<PlannedPage | undefined>;
  /** the records' heads, when checked in this thread (a pool thread's are parsed from its records) */
  heads?: RecordHead[];
}

export interface BatchResult {
  results: FileResult[];
  config: ResolvedConfig;
  cache?: CacheStats;
}

interface Prepared {
  config: ResolvedConfig;
  options: CheckOptions;
  plan?: (article: Article, diagnostics: readonly Diagnostic[], health?: () => boolean) => PlannedPage;
}

const prepared = new Map<string, Promise<Prepared>>();

/**
 * Config and check options for a spec, resolved once per thread and run. `now` is in the key because
 * every run stamps its own: a later run in the same process (tests, a library caller) reads the
 * config file again instead of reusing one resolved before the file changed.
 */
function prepare(spec: CheckSpec): Promise<Prepared> {
  const key = JSON.stringify([
    spec.cwd,
    spec.configPath,
    spec.overrides,
    spec.from,
    spec.errorsOnly,
    spec.extras,
    spec.now,
    spec.page,
  ]);
  let ready = prepared.get(key);
  if (!ready) {
    ready = loadConfig({
      cwd: spec.cwd,
      registry: allRules,
      ...(spec.configPath ? { configPath: spec.configPath } : {}),
      ...(spec.overrides ? { overrides: spec.overrides } : {}),
    }).then(async (config) => {
      // --quiet does not even run warn/info rules, as in ESLint 9, so they cost nothing and never count
      const rules = spec.errorsOnly ? config.rules.filter((r) => r.severity === "error") : config.rules;
      const from = spec.from ?? config.read.from;
      const options: CheckOptions = {
        rules,
        settings: { ...config.settings, now: new Date(spec.now) },
        read: { ...(from ? { from } : {}), ...(config.read.markers ? { markers: config.read.markers } : {}) },
        ...(spec.extras ? { extras: fileExtras(config, allRules) } : {}),
      };
      // the page writer is loaded only by builds (a chunk of its own in the bundle)
      const plan = spec.page ? (await import("./planned-page.js")).pagePlanner(config, spec.page) : undefined;
      return { config, options, ...(plan ? { plan } : {}) };
    });
    prepared.set(key, ready);
  }
  return ready;
}

/** The resolved config of a run (the same object `checkFiles` uses, so commands do not load it twice). */
export async function configFor(spec: CheckSpec): Promise<ResolvedConfig> {
  return (await prepare(spec)).config;
}

/** The cache salt of a spec's run (see setup-memo.ts, which remembers it for unchanged re-runs). */
export async function cacheSaltOf(spec: CheckSpec): Promise<string> {
  return cacheSalt(await prepare(spec), spec);
}

/** Loads, reads and lints one file with the file-level rules. Bad input becomes `fatal`, never an exception. */
export async function checkOne(path: string, spec: CheckSpec): Promise<CheckedFile> {
  const { result, entry } = checkLoaded(path, spec, await prepare(spec));
  const { source: _source, ...rest } = result;
  return entry ? { result: rest, entry } : { result: rest };
}

/** `checkOne` with the article and the text it read, for callers in the same thread. */
function checkLoaded(path: string, spec: CheckSpec, { config, options }: Prepared): CheckedText {
  let text: string;
  const abs = resolve(spec.cwd, path);
  try {
    const maxBytes = config.read.maxFileSize;
    text = loadSourceSync(abs, maxBytes === undefined ? {} : { maxBytes }).text;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    // the reporter names the file already: keep only the problem
    const message = err.message.startsWith(`${abs}: `) ? err.message.slice(abs.length + 2) : err.message;
    return { result: { path, diagnostics: [], fatal: message } };
  }
  return checkText({ path, text }, options);
}

/** Worker entry (see worker.ts): paths in, records (and pages) out. */
export async function checkTask(task: { paths: readonly string[]; spec: CheckSpec }): Promise<TaskResult> {
  const prep = await prepare(task.spec);
  return runTask(task, prep, (path) => checkLoaded(path, task.spec, prep));
}

/**
 * Checks a task's files one after the other, each encoded (and its page planned) right after its own
 * check rather than all at the end: the encoder then finds the line starts lint found for that very
 * text while model/span.ts still remembers them. `kept` receives each checked file; `local`: the
 * task runs in the thread that takes its results, which then get the heads as they are.
 */
function runTask(
  task: { paths: readonly string[]; spec: CheckSpec },
  prep: Prepared,
  check: (path: string, j: number) => CheckedText,
  kept?: CheckedText[],
  local = false,
): TaskResult {
  const { plan } = prep;
  const records: string[] = [];
  const heads: RecordHead[] | undefined = local ? [] : undefined;
  const pages: Array<PlannedPage | undefined> | undefined = plan ? [] : undefined;
  task.paths.forEach((path, j) => {
    const c = check(path, j);
    kept?.push(c);
    const { source, ...result } = c.result;
    const { head, record } = encodeRecord(result, c.entry, source, task.spec.render);
    records.push(record);
    heads?.push(head);
    if (pages) pages.push(c.article && plan ? plan(c.article, c.result.diagnostics, c.health) : undefined);
  });
  return { records, ...(pages ? { pages } : {}), ...(heads ? { heads } : {}) };
}

/** Everything besides a file's content that changes its result: the cache salt. */
function cacheSalt(prep: Prepared, spec: CheckSpec): string {
  const { options, config } = prep;
  const rules = options.rules.map((r) => [r.rule.meta.id, r.severity, r.options]);
  // "now" matters only to the day (future-date checks)
  return sha256(
    JSON.stringify([
      VERSION,
      codeFingerprint(),
      RECORD_VERSION,
      rules,
      config.settings,
      config.read,
      spec.from ?? null,
      !!spec.extras,
      spec.render ?? null,
      spec.now.slice(0, 10),
    ]),
  );
}

/**
 * A file's bytes for its cache key; undefined when it cannot be loaded (the check then reports why).
 * Loaded non-blocking with the input checks, so a FIFO among the inputs cannot hang the run.
 */
function readBytes(cwd: string, path: string, maxBytes: number | undefined): Buffer | undefined {
  try {
    return loadBytesSync(resolve(cwd, path), maxBytes === undefined ? {} : { maxBytes });
  } catch (err) {
    if (err instanceof InputError) return undefined;
    throw err;
  }
}

/** The text of a file's bytes as its check would decode them; undefined when the check must report why not. */
function decodedOrUndefined(abs: string, bytes: Buffer, prep: Prepared): string | undefined {
  const maxBytes = prep.config.read.maxFileSize;
  try {
    return decodeSource(abs, bytes, maxBytes === undefined ? {} : { maxBytes });
  } catch (err) {
    if (err instanceof InputError) return undefined;
    throw err;
  }
}

/**
 * A stored record's head, read without the body when the head is short (it nearly always is). Decoded
 * at once, so the bytes are read over by the next head's (`AppendFile.read`'s `transient`): a fresh
 * megabyte per window was ~27 MB of new buffers for 1,000 records.
 */
function storedHead(stored: Stored): RecordHead {
  const first = stored.file.read(
    { offset: stored.span.offset, length: Math.min(stored.span.length, 4096) },
    true,
    true,
  );
  return decodeHead(first.includes(9) ? first : stored.file.read(stored.span, true, true));
}

/** The last run's corpus memo for a run in which some files changed, if it holds (see corpus-carry.ts). */
function carriedMemo(
  cache: RecordCache,
  paths: readonly string[],
  cwd: string,
  keys: readonly string[],
  storedAt: (index: number) => Stored,
): LoadedCorpusMemo | undefined {
  const stamps = cache.stamps;
  if (!stamps) return undefined;
  return carryCorpusMemo({
    path: cache.corpusPath,
    salt: cache.salt,
    paths,
    keys,
    previousKey: (index) => {
      const path = paths[index] as string;
      return stamps.previousKey(isAbsolute(path) ? path : resolveIn(cwd, path));
    },
    head: (index) => storedHead(storedAt(index)),
    previousHead: (key) => {
      const stored = cache.peek(key);
      return stored ? storedHead(stored) : undefined;
    },
  });
}

/** corpus findings up to this size are read back in one piece (see `finding` in checkStream) */
const MAX_FINDINGS_HELD = 64 * 1024 * 1024;

/** temporary result files made by this process (their names) */
let spills = 0;

/** Files per pool task: fewer messages between threads, still a fine-grained ordering window. */
const FILES_PER_TASK = 4;

/** A checked batch whose results wait on disk: read back, in input order, as often as a reporter needs. */
export interface CheckedStream {
  config: ResolvedConfig;
  cache?: CacheStats;
  /** with a cache: each file's content key, in input order (undefined for a file that could not be read) */
  keys?: ReadonlyArray<string | undefined>;
  /** how many files the run has */
  size: number;
  /** totals over all files, corpus findings included */
  counts: Counts;
  /**
   * each file's result with its corpus findings merged, in input order (each pass reads the results
   * again). `transient`: the caller is done with a result (its prerendered bytes are views) before it
   * takes the next, which may then be read into the same buffer (a report written out as it goes)
   */
  results(transient?: boolean): IterableIterator<FileResult>;
  /**
   * file `index`'s result as `results` gives it, read now: a caller that needs only some of them (`build`
   * with its pages cached) decodes only those
   */
  result(index: number): FileResult;
  /** why file `index` could not be checked, if it could not */
  fatalOf(index: number): string | undefined;
  /** file `index`'s corpus findings (sorted), without its own diagnostics */
  corpusOf(index: number): Diagnostic[];
  /** deletes the spilled results (the cache keeps its own file) */
  close(): void;
}

/**
 * `checkFiles` for runs of any size: each file's result is written to disk as it arrives (into the
 * cache file, or a temporary file) and only where it sits stays in memory; the corpus summaries are
 * read back for the corpus pass and its findings spilled too, so peak memory hardly grows with the
 * number of files. Close the stream when done.
 */
export async function checkStream(
  paths: readonly string[],
  spec: CheckSpec,
  options: BatchOptions,
  /** keep the texts read in memory for `keepSource` instead of reading them again (small batches) */
  holdSources = false,
): Promise<CheckedStream> {
  const prep = await prepare(spec);
  const salt = options.cache ? cacheSalt(prep, spec) : "";
  const given = options.cache ? options.cache.stated : undefined;
  const stated =
    options.cache &&
    options.cache.strategy === "metadata" &&
    given?.dir === options.cache.dir &&
    given.salt === salt &&
    given.paths === paths
      ? given
      : undefined;
  const cache = options.cache
    ? new RecordCache(options.cache.dir, "check", salt, options.cache.strategy, stated?.stamps)
    : undefined;
  const n = paths.length;
  // where each result sits: a fatal one in memory, the others in a file (an index into `files`, plus a span)
  const fatal = new Map<number, FileResult>();
  const files: AppendFile[] = [];
  const fileOf = new Uint8Array(n);
  const offsets = new Float64Array(n);
  const lengths = new Float64Array(n);
  const texts: Array<string | undefined> | undefined = holdSources && options.keepSource ? new Array(n) : undefined;
  const counts = countResult({ path: "", diagnostics: [] });
  let spill: AppendFile | undefined;
  const spillFile = (): AppendFile => {
    if (!spill) {
      spill = AppendFile.create(join(tmpdir(), `copydesk-results-${process.pid}-${++spills}.tmp`));
      // gone from the directory at once; the open file stays readable until closed (POSIX)
      if (process.platform !== "win32") rmSync(spill.path, { force: true });
    }
    return spill;
  };
  const storedAt = (index: number): Stored => ({
    file: files[fileOf[index] as number] as AppendFile,
    span: { offset: offsets[index] as number, length: lengths[index] as number },
  });
  const place = (index: number, stored: Stored) => {
    let id = files.indexOf(stored.file);
    if (id < 0) id = files.push(stored.file) - 1;
    fileOf[index] = id;
    offsets[index] = stored.span.offset;
    lengths[index] = stored.span.length;
  };
  let done = 0;
  // a cached record's head is read once, after the run, with the corpus summaries (its counts are
  // added then): not once here and once again there
  const unread = new Uint8Array(n);
  let anyUnread = false;
  // each file's content key (with a cache): what names the run for its remembered corpus pass
  const keys: Array<string | undefined> = new Array(n);
  const take = (
    index: number,
    record: string | Stored,
    key: string | undefined,
    text: string | undefined,
    known?: RecordHead,
  ) => {
    let failed = false;
    keys[index] = key;
    if (typeof record !== "string") {
      place(index, record);
      unread[index] = 1;
      anyUnread = true;
    } else {
      const head = known ?? decodeHead(record);
      addCounts(counts, head.counts);
      failed = head.fatal !== undefined;
      if (failed) fatal.set(index, { path: paths[index] as string, diagnostics: [], fatal: head.fatal });
      else if (cache && key) place(index, cache.set(key, record));
      else place(index, { file: spillFile(), span: spillFile().append(record) });
    }
    if (texts) texts[index] = failed ? undefined : text;
    options.onProgress?.(++done, n);
  };

  // With a cache, the main thread reads each file once to hash it; only misses are checked.
  const pending: Array<{ index: number; path: string; key?: string }> = [];
  const stamps = cache?.stamps;
  for (let index = 0; index < n; index++) {
    const path = paths[index] as string;
    if (!cache) {
      pending.push({ index, path });
      continue;
    }
    // metadata fast path: an unchanged stamp names the content key without reading the file (only
    // when the text is not wanted anyway)
    // (the CLI's paths are absolute already: resolving 10,000 of them again was ~2 % of a re-run)
    const abs = stamps && !isAbsolute(path) ? resolveIn(spec.cwd, path) : path;
    const statedAt = stated ? (stated.statedAt[index] as number) : stamps ? nowMs() : 0;
    const stamp = stated ? stated.stamped[index] : stamps ? stampOf(abs) : undefined;
    const known = stamp && !texts ? (stated?.keys[index] ?? stamps?.keyOf(abs, stamp)) : undefined;
    const early = known ? cache.getUnread(known) : undefined;
    if (early) {
      // (`stateInputs` remembered it already)
      if (!stated) stamps?.remember(abs, stamp as Stamp, known as string, statedAt);
      take(index, early, known, undefined);
      continue;
    }
    // the key hashes the bytes as read, so an unchanged file is never decoded
    const bytes = readBytes(spec.cwd, path, prep.config.read.maxFileSize);
    const key = bytes === undefined ? undefined : RecordCache.key(bytes, path);
    if (key && stamp) stamps?.remember(abs, stamp, key, statedAt);
    const hit = key ? cache.get(key) : undefined;
    if (hit) take(index, hit, key, texts ? bytes?.toString() : undefined);
    else {
      // the text is kept anyway: decoded now, the check need not load the file a second time
      if (texts && bytes) texts[index] = decodedOrUndefined(resolve(spec.cwd, path), bytes, prep);
      pending.push({ index, path, ...(key ? { key } : {}) });
    }
  }

  // "auto": a pool only for as many files as are left to check (one changed draft among 10,000 cached
  // ones waited a second for a pool thread to start)
  const workers = options.workers === "auto" ? autoWorkers(pending.length) : Math.max(1, options.workers);
  // In this thread the check hands back the text it read (and the article, for onArticle); pool workers
  // send neither, so the text is read again only when the caller keeps it.
  const pooled = Math.min(workers, pending.length) > 1;
  const perTask = pooled ? FILES_PER_TASK : 1;
  const groups: Array<{ paths: string[]; spec: CheckSpec }> = [];
  for (let i = 0; i < pending.length; i += perTask)
    groups.push({ paths: pending.slice(i, i + perTask).map((p) => p.path), spec });
  // the texts and articles checked in this thread, by task, until their results are taken in order; held
  // only when someone wants them (a pool window of waiting articles, text analyses included, is ~100 MB)
  const locals = new Map<object, CheckedText[]>();
  const wanted = texts !== undefined || options.onArticle !== undefined;
  const firstOf = new Map<object, number>(groups.map((group, g) => [group, g * perTask]));
  const inProcess = (task: { paths: readonly string[]; spec: CheckSpec }): TaskResult => {
    const first = firstOf.get(task) as number;
    const checked: CheckedText[] | undefined = wanted ? [] : undefined;
    if (checked) locals.set(task, checked);
    return runTask(
      task,
      prep,
      (path, j) => {
        const text = texts?.[(pending[first + j] as (typeof pending)[number]).index];
        return text === undefined ? checkLoaded(path, task.spec, prep) : checkText({ path, text }, prep.options);
      },
      checked,
      true,
    );
  };
  await runOrdered(groups, {
    workers: Math.min(workers, pending.length),
    workerFile: checkWorkerFile(),
    inProcess,
    mainThreadWorks: true,
    onResult: ({ records, pages, heads }: TaskResult, g: number) => {
      const group = groups[g] as (typeof groups)[number];
      const own = locals.get(group);
      locals.delete(group);
      records.forEach((record, j) => {
        const task = pending[g * perTask + j] as (typeof pending)[number];
        const mine = own?.[j];
        const text = mine
          ? mine.result.source
          : texts
            ? (texts[task.index] ?? readText(spec.cwd, task.path))
            : undefined;
        take(task.index, record, task.key, text, heads?.[j]);
        if (mine?.article) options.onArticle?.(task.index, mine.article, mine.result);
        const page = pages?.[j];
        if (page) options.onPage?.(task.index, page);
      });
    },
  });
  cache?.save();

  // Corpus rules see every article, cached or not. Their findings go to disk as they are made (a corpus
  // of look-alike drafts can flag every file), and they are placed by the lines the records carry.
  const textOf = (index: number) => texts?.[index] ?? readText(spec.cwd, paths[index] as string) ?? "";
  const corpus = new Map<number, Span[]>();
  const rules = prep.options.rules;
  // the findings are appended from here on, one region of the spill file
  const findingsFrom = spill?.size ?? 0;
  const corpusRules = rules.some((r) => isCorpusRule(r.rule));
  // the same files with the same contents as the last run: its totals and corpus findings hold as they are
  const run =
    cache && fatal.size === 0 && !keys.includes(undefined) ? runKey(cache.salt, paths, keys as string[]) : undefined;
  let memo = run ? loadCorpusMemo((cache as RecordCache).corpusPath, run) : undefined;
  // or the last run's, when the files that changed since did so where no corpus rule looks
  const carried = run && !memo && cache ? carriedMemo(cache, paths, spec.cwd, keys as string[], storedAt) : undefined;
  if (carried) saveCarriedMemo(cache?.corpusPath as string, run as string, carried);
  memo ??= carried;
  if (memo) {
    // its findings are read from its bytes (see `finding`), as if spilled from `findingsFrom` on
    for (const [index, offset, length] of memo.findings) {
      const spans = corpus.get(index) ?? [];
      spans.push({ offset: findingsFrom + offset, length });
      corpus.set(index, spans);
    }
    Object.assign(counts, memo.counts);
  } else if (corpusRules || anyUnread) {
    // the summaries come back from the records (read forward, in input order) only now, all together:
    // held from the first file on, they would be scattered through memory the whole run
    const listed: number[] = [];
    const summaries: Array<{ entry: CorpusEntry; lines?: RecordHead["lines"] }> = [];
    for (let index = 0; index < n; index++) {
      if (fatal.has(index) || !(corpusRules || unread[index])) continue;
      const head = storedHead(storedAt(index));
      if (unread[index]) addCounts(counts, head.counts);
      if (!corpusRules || !head.entry) continue;
      listed.push(index);
      summaries.push({
        entry: { path: paths[index] as string, ...head.entry },
        ...(head.lines ? { lines: head.lines } : {}),
      });
    }
    // (no summaries: no corpus pass, as before)
    if (summaries.length > 0)
      lintCorpus(
        summaries.map((s) => s.entry),
        {
          rules,
          texts: (k) => textOf(listed[k] as number),
          located: (k) => {
            const at = summaries[k]?.lines;
            if (!at) {
              const text = textOf(listed[k] as number);
              return { lines: new LineIndex(text), length: text.length };
            }
            return { lines: new KnownLines(at.marks, () => textOf(listed[k] as number)), length: at.length };
          },
          sink: (k, diagnostic) => {
            const index = listed[k] as number;
            const spans = corpus.get(index) ?? [];
            spans.push(spillFile().append(JSON.stringify(diagnostic)));
            corpus.set(index, spans);
            addCounts(counts, countResult({ path: "", diagnostics: [diagnostic] }));
          },
        },
      );
  }

  const findingsTo = spill?.size ?? 0;
  let findings: Buffer | undefined = memo?.bytes;
  /**
   * One corpus finding's bytes. They were spilled rule by rule, not in file order, so reading them per
   * file would cost one system call each (17,500 at 10,000 look-alike drafts): the region is read once
   * instead, when it is of a size that may be held while the report is written.
   */
  const finding = (span: Span): Buffer => {
    const file = spill as AppendFile;
    // (copied: the region may sit in a window that a transient reader reads over)
    if (findings === undefined && findingsTo - findingsFrom <= MAX_FINDINGS_HELD)
      findings = Buffer.from(file.read({ offset: findingsFrom, length: findingsTo - findingsFrom }));
    if (!findings) return file.read(span);
    const at = span.offset - findingsFrom;
    return findings.subarray(at, at + span.length);
  };
  if (run && !memo && cache) {
    const remembered: CorpusMemo = { counts: { ...counts }, findings: [] };
    for (const [index, spans] of corpus)
      for (const span of spans) remembered.findings.push([index, finding(span).toString()]);
    saveCorpusMemo(cache.corpusPath, run, remembered);
  }

  /** file `index`'s result, its corpus findings merged (read and decoded now; `transient`: see `results`) */
  function resultAt(index: number, transient = false): FileResult {
    const failed = fatal.get(index);
    if (failed) return failed;
    const stored = storedAt(index);
    const record = stored.file.read(stored.span, true, transient);
    // sorted alone first, as `lintCorpus` sorts each file's findings, then merged: the same order
    const extra = corpusFindings(corpus.get(index), finding);
    if (spec.render) {
      const path = paths[index] as string;
      // a corpus finding off the lines the record knows (none, in practice) takes its frame from the file
      return renderedResult(
        path,
        record,
        extra,
        options.keepSource ? () => texts?.[index] ?? readText(spec.cwd, path) : undefined,
      );
    }
    const body = decodeBody(record);
    const result: FileResult = {
      path: paths[index] as string,
      diagnostics: extra ? [...body.diagnostics, ...extra].sort(compareDiagnostics) : body.diagnostics,
    };
    if (body.stats !== undefined) result.stats = body.stats;
    if (body.scores !== undefined) result.scores = body.scores;
    if (options.keepSource) {
      const text = texts ? texts[index] : readText(spec.cwd, result.path);
      if (text !== undefined) result.source = text;
    }
    return result;
  }
  function* results(transient = false): Generator<FileResult> {
    for (let index = 0; index < n; index++) yield resultAt(index, transient);
  }
  return {
    config: prep.config,
    ...(cache ? { cache: { ...cache.stats }, keys } : {}),
    size: n,
    counts,
    results,
    result: (index) => resultAt(index),
    fatalOf: (index) => fatal.get(index)?.fatal,
    corpusOf: (index) => corpusFindings(corpus.get(index), finding) ?? [],
    close() {
      cache?.close();
      spill?.close();
      if (spill && process.platform === "win32") rmSync(spill.path, { force: true });
    },
  };
}

/** Checks files and returns every result in memory (library callers, `build`); see `checkStream`. */
export async function checkFiles(
  paths: readonly string[],
  spec: CheckSpec,
  options: BatchOptions,
): Promise<BatchResult> {
  const stream = await checkStream(paths, spec, options, true);
  try {
    // results held together repeat a few dozen strings hundreds of thousands of times: share them
    const strings = new StringPool();
    const results: FileResult[] = [];
    for (const result of stream.results()) {
      strings.share(result.diagnostics);
      results.push(result);
    }
    return {
      results,
      config: stream.config,
      ...(stream.cache ? { cache: stream.cache } : {}),
    };
  } finally {
    stream.close();
  }
}
