import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError, loadSourceSync } from "../io/source.js";
import type { Article, SourceFormat } from "../model/article.js";
import type { FileResult } from "../report/types.js";
import { allRules } from "../rules/index.js";
import { VERSION } from "../version.js";
import { codeFingerprint, ResultCache, sha256 } from "./cache.js";
import type { ConfigOverrides, ResolvedConfig } from "./config.js";
import { loadConfig } from "./config-load.js";
import { fileExtras } from "./extras.js";
import { StringPool } from "./intern.js";
import { autoWorkers, runOrdered } from "./pool.js";
import { applyCorpusRules, type CheckedText, type CheckOptions, checkText } from "./run.js";
import type { CorpusEntry } from "./types.js";

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
}

/** One file's outcome as it crosses threads and the cache: no source text, which the main thread has. */
export interface CheckedFile {
  result: Omit<FileResult, "source">;
  entry?: CorpusEntry;
}

export interface BatchOptions {
  /** worker threads: a number, or "auto" (a pool only once the batch pays for it) */
  workers: number | "auto";
  /** use the content-hash cache in this folder */
  cache?: { dir: string } | false;
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
}

export interface BatchResult {
  results: FileResult[];
  config: ResolvedConfig;
  cache?: { hits: number; misses: number; rebuilt: boolean };
}

interface Prepared {
  config: ResolvedConfig;
  options: CheckOptions;
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
  ]);
  let ready = prepared.get(key);
  if (!ready) {
    ready = loadConfig({
      cwd: spec.cwd,
      registry: allRules,
      ...(spec.configPath ? { configPath: spec.configPath } : {}),
      ...(spec.overrides ? { overrides: spec.overrides } : {}),
    }).then((config) => {
      // --quiet does not even run warn/info rules, as in ESLint 9, so they cost nothing and never count
      const rules = spec.errorsOnly ? config.rules.filter((r) => r.severity === "error") : config.rules;
      const from = spec.from ?? config.read.from;
      const options: CheckOptions = {
        rules,
        settings: { ...config.settings, now: new Date(spec.now) },
        read: { ...(from ? { from } : {}), ...(config.read.markers ? { markers: config.read.markers } : {}) },
        ...(spec.extras ? { extras: fileExtras(config, allRules) } : {}),
      };
      return { config, options };
    });
    prepared.set(key, ready);
  }
  return ready;
}

/** The resolved config of a run (the same object `checkFiles` uses, so commands do not load it twice). */
export async function configFor(spec: CheckSpec): Promise<ResolvedConfig> {
  return (await prepare(spec)).config;
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

/** Worker entry (see worker.ts): plain data in, plain data out. */
export function checkTask(task: { path: string; spec: CheckSpec }): Promise<CheckedFile> {
  return checkOne(task.path, task.spec);
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
      rules,
      config.settings,
      config.read,
      spec.from ?? null,
      !!spec.extras,
      spec.now.slice(0, 10),
    ]),
  );
}

function readText(cwd: string, path: string): string | undefined {
  try {
    return readFileSync(resolve(cwd, path), "utf8");
  } catch {
    return undefined;
  }
}

export async function checkFiles(
  paths: readonly string[],
  spec: CheckSpec,
  options: BatchOptions,
): Promise<BatchResult> {
  const prep = await prepare(spec);
  const cache = options.cache
    ? new ResultCache<CheckedFile>(options.cache.dir, "check", cacheSalt(prep, spec))
    : undefined;
  const workers = options.workers === "auto" ? autoWorkers(paths.length) : Math.max(1, options.workers);
  const results: FileResult[] = new Array(paths.length);
  const entries: Array<CorpusEntry | undefined> = new Array(paths.length);
  let done = 0;
  const strings = new StringPool();
  const store = (index: number, checked: CheckedFile, text: string | undefined) => {
    const result: FileResult = { ...checked.result };
    strings.share(result.diagnostics);
    if (options.keepSource && text !== undefined && result.fatal === undefined) result.source = text;
    results[index] = result;
    entries[index] = checked.entry;
    options.onProgress?.(++done, paths.length);
  };

  // With a cache, the main thread reads each file once to hash it; only misses are checked.
  const pending: Array<{ index: number; path: string; key?: string }> = [];
  for (let index = 0; index < paths.length; index++) {
    const path = paths[index] as string;
    if (!cache) {
      pending.push({ index, path });
      continue;
    }
    const text = readText(spec.cwd, path);
    const key = text === undefined ? undefined : ResultCache.key(text);
    const hit = key ? cache.get(key) : undefined;
    if (hit) {
      // the same content may sit at another path: the cached result carries no path of its own
      store(index, { result: { ...hit.result, path }, ...(hit.entry ? { entry: { ...hit.entry, path } } : {}) }, text);
    } else pending.push({ index, path, ...(key ? { key } : {}) });
  }

  // In this thread the check hands back the text it read (and the article, for onArticle); pool workers
  // send neither, so the text is read again only when the caller keeps it.
  let local: CheckedText | undefined;
  const inProcess = (task: { path: string; spec: CheckSpec }): CheckedFile => {
    local = checkLoaded(task.path, task.spec, prep);
    const { source: _source, ...result } = local.result;
    return local.entry ? { result, entry: local.entry } : { result };
  };
  await runOrdered(
    pending.map((p) => ({ path: p.path, spec })),
    {
      workers: Math.min(workers, pending.length),
      workerFile: new URL("./worker.js", import.meta.url),
      inProcess,
      onResult: (checked: CheckedFile, i: number) => {
        const task = pending[i] as (typeof pending)[number];
        if (cache && task.key && checked.result.fatal === undefined) cache.set(task.key, checked);
        // runOrdered calls onResult right after each in-process task; the path check keeps a stale
        // `local` from ever pairing one file's text or article with another's result
        const own = local?.result.path === task.path ? local : undefined;
        local = undefined;
        const text = own ? own.result.source : options.keepSource ? readText(spec.cwd, task.path) : undefined;
        store(task.index, checked, text);
        if (own?.article) options.onArticle?.(task.index, own.article, results[task.index] as FileResult);
      },
    },
  );
  cache?.save();

  // Corpus rules see every article, cached or not; line/column need the text of only the files they flag.
  const summarised = results.flatMap((result, i) => {
    const entry = entries[i];
    return entry ? [{ result, entry }] : [];
  });
  applyCorpusRules(summarised, prep.options.rules, (i) => {
    const s = summarised[i];
    return s?.result.source ?? readText(spec.cwd, s?.result.path ?? "") ?? "";
  });
  return { results, config: prep.config, ...(cache ? { cache: { ...cache.stats } } : {}) };
}
