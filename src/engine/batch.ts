import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError, loadSource } from "../io/source.js";
import type { SourceFormat } from "../model/article.js";
import { readArticle } from "../read/index.js";
import type { FileResult } from "../report/types.js";
import { allRules } from "../rules/index.js";
import { VERSION } from "../version.js";
import { ResultCache, sha256 } from "./cache.js";
import type { ConfigOverrides, ResolvedConfig } from "./config.js";
import { loadConfig } from "./config-load.js";
import { corpusEntry, lintCorpus } from "./corpus.js";
import { compareDiagnostics } from "./diagnostic.js";
import { lintArticle } from "./lint.js";
import { autoWorkers, runOrdered } from "./pool.js";
import type { CorpusEntry, Diagnostic } from "./types.js";

/**
 * Checking many files: read + lint each file (in-process or in a worker pool),
 * serve unchanged files from the content-hash cache, then run corpus rules
 * over the small per-file summaries. Everything a worker needs travels as
 * plain data (`CheckSpec`); each worker resolves the config once.
 */
export interface CheckSpec {
  cwd: string;
  configPath?: string;
  overrides?: ConfigOverrides;
  from?: SourceFormat;
  maxBytes?: number;
  /** ISO timestamp used as "now" by date rules */
  now: string;
}

/** What one file's check produces; `entry` feeds the corpus rules. */
export interface CheckedFile {
  path: string;
  diagnostics: Diagnostic[];
  fatal?: string;
  entry?: CorpusEntry;
}

export interface BatchOptions {
  /** worker threads: a number, or "auto" (pool only once the batch pays for it) */
  workers: number | "auto";
  /** use the content-hash cache in `dir` */
  cache?: { dir: string } | false;
  /** keep each file's text in the results (stylish code frames need it) */
  keepSource?: boolean;
  /** called once per file in input order, before corpus rules run */
  onProgress?: (done: number, total: number) => void;
}

export interface BatchResult {
  results: FileResult[];
  config: ResolvedConfig;
  cache?: { hits: number; misses: number; rebuilt: boolean };
}

const configs = new Map<string, Promise<ResolvedConfig>>();

function specConfig(spec: CheckSpec): Promise<ResolvedConfig> {
  const key = JSON.stringify([spec.cwd, spec.configPath, spec.overrides]);
  let config = configs.get(key);
  if (!config) {
    config = loadConfig({
      cwd: spec.cwd,
      registry: allRules,
      ...(spec.configPath ? { configPath: spec.configPath } : {}),
      ...(spec.overrides ? { overrides: spec.overrides } : {}),
    });
    configs.set(key, config);
  }
  return config;
}

/** Reads and lints one file (file-level rules only). Never throws for bad input: that is `fatal`. */
export async function checkOne(path: string, spec: CheckSpec, text?: string): Promise<CheckedFile> {
  const config = await specConfig(spec);
  let source = text;
  if (source === undefined) {
    try {
      const maxBytes = spec.maxBytes ?? config.read.maxFileSize;
      source = (await loadSource(resolve(spec.cwd, path), maxBytes === undefined ? {} : { maxBytes })).text;
    } catch (err) {
      if (err instanceof InputError) return { path, diagnostics: [], fatal: err.message };
      throw err;
    }
  }
  const markers = config.read.markers;
  const article = readArticle(
    { path, text: source },
    { ...(spec.from ? { from: spec.from } : {}), ...(markers ? { markers } : {}) },
  );
  const fileRules = config.rules;
  const { diagnostics } = lintArticle(article, {
    rules: fileRules,
    settings: { ...config.settings, now: new Date(spec.now) },
  });
  return { path, diagnostics, entry: corpusEntry(article) };
}

/** Worker entry (see worker.ts): plain data in, plain data out. */
export function checkTask(task: { path: string; spec: CheckSpec }): Promise<CheckedFile> {
  return checkOne(task.path, task.spec);
}

/** Everything besides a file's content that changes its result: part of the cache salt. */
function cacheSalt(config: ResolvedConfig, spec: CheckSpec): string {
  const rules = config.rules.map((r) => [r.rule.meta.id, r.severity, r.options]);
  // "now" matters only to the day (future-date checks)
  return sha256(
    JSON.stringify([VERSION, rules, config.settings, config.read, spec.from ?? null, spec.now.slice(0, 10)]),
  );
}

export async function checkFiles(
  paths: readonly string[],
  spec: CheckSpec,
  options: BatchOptions,
): Promise<BatchResult> {
  const config = await specConfig(spec);
  const cache = options.cache
    ? new ResultCache<CheckedFile>(options.cache.dir, "check", cacheSalt(config, spec))
    : undefined;
  const workers = options.workers === "auto" ? autoWorkers(paths.length) : Math.max(1, options.workers);
  const results: FileResult[] = new Array(paths.length);
  const entries: Array<CorpusEntry | undefined> = new Array(paths.length);

  // With a cache, the main thread reads each file once to hash it; misses go to the pool with their text.
  type Task = { index: number; path: string; spec: CheckSpec; text?: string; key?: string };
  const pending: Task[] = [];
  const keys: Array<string | undefined> = new Array(paths.length);
  let done = 0;
  const store = (index: number, checked: CheckedFile, text: string | undefined) => {
    const result: FileResult = { path: checked.path, diagnostics: checked.diagnostics };
    if (checked.fatal !== undefined) result.fatal = checked.fatal;
    if (options.keepSource && text !== undefined) result.source = text;
    results[index] = result;
    entries[index] = checked.entry;
    options.onProgress?.(++done, paths.length);
  };

  if (cache) {
    for (let index = 0; index < paths.length; index++) {
      const path = paths[index] as string;
      let text: string | undefined;
      try {
        text = readFileSync(resolve(spec.cwd, path), "utf8");
      } catch {
        text = undefined; // let checkOne produce the one-line fatal message
      }
      const key = text === undefined ? undefined : ResultCache.key(text);
      keys[index] = key;
      const hit = key ? cache.get(key) : undefined;
      if (hit) store(index, { ...hit, path, ...(hit.entry ? { entry: { ...hit.entry, path } } : {}) }, text);
      else pending.push({ index, path, spec });
    }
  } else {
    for (let index = 0; index < paths.length; index++) pending.push({ index, path: paths[index] as string, spec });
  }

  await runOrdered(pending, {
    workers: pending.length >= 2 ? Math.min(workers, pending.length) : 1,
    workerFile: new URL("./worker.js", import.meta.url),
    inProcess: (task: Task) => checkOne(task.path, task.spec),
    onResult: (checked: CheckedFile, i: number) => {
      const task = pending[i] as Task;
      const key = keys[task.index];
      if (cache && key && checked.fatal === undefined) cache.set(key, checked);
      const text = options.keepSource && checked.fatal === undefined ? readText(spec.cwd, task.path) : undefined;
      store(task.index, checked, text);
    },
  });
  cache?.save();

  // Corpus rules see every article, cached or not; line/column need the text of only the files they flag.
  const present = entries.map((e, i) => (e ? i : -1)).filter((i) => i >= 0);
  if (present.length > 0 && config.rules.some((r) => "checkCorpus" in r.rule)) {
    const texts = new Proxy([] as string[], {
      get: (_t, prop) =>
        typeof prop === "string" && /^\d+$/.test(prop)
          ? readText(spec.cwd, paths[present[Number(prop)] as number] as string)
          : undefined,
    });
    const perEntry = lintCorpus(
      present.map((i) => entries[i] as CorpusEntry),
      { rules: config.rules, texts },
    );
    perEntry.forEach((diags, k) => {
      if (diags.length === 0) return;
      const result = results[present[k] as number] as FileResult;
      result.diagnostics = [...result.diagnostics, ...diags].sort(compareDiagnostics);
    });
  }
  return { results, config, ...(cache ? { cache: { ...cache.stats } } : {}) };
}

function readText(cwd: string, path: string): string {
  try {
    return readFileSync(resolve(cwd, path), "utf8");
  } catch {
    return "";
  }
}
