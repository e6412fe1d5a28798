import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { cachedDataVersionTag } from "node:v8";
import { Script } from "node:vm";

/**
 * A CommonJS script run through V8 with a code cache: the bytecode of its functions, written after the
 * script has warmed up, so a fresh thread deserialises what it would otherwise parse and compile lazily
 * in its first files. Node 20 has no compile cache for ES modules, hence a CommonJS bundle here.
 */
export interface CachedScript<T> {
  /** what the script put on `module.exports` */
  exports: T;
  /** true when V8 took the cache (its code then came from it, not from the parser) */
  fromCache: boolean;
  /** writes the cache now unless it was taken from one: false when it did not (or could not) */
  save(): boolean;
}

/**
 * The cache file for a script: named by a hash of the exact source and by V8's cache tag (its version,
 * flags and CPU features), because V8 itself checks only the source's length. Another build of the script
 * or another V8 setting (the CLI's tiering budget) then has a file of its own and never a wrong one.
 */
export function codeCachePath(scriptPath: string, source: string): string {
  // crypto loads only here: the CLI and the pool thread name their scripts by hashes taken when they were
  // bundled (`CachedScriptOptions.hash`), and a thread that loads no crypto starts sooner
  const { createHash } = process.getBuiltinModule("node:crypto");
  return cachePathFor(
    scriptPath,
    createHash("sha256").update(source).update(`\0${process.version}\0${process.arch}`).digest("hex"),
  );
}

/** The cache file of a script whose source hashes to `hash` (hex), under V8's current cache tag. */
function cachePathFor(scriptPath: string, hash: string): string {
  return `${scriptPath}.${hash.slice(0, 16)}-${cachedDataVersionTag().toString(16)}.v8cache`;
}

export interface CachedScriptOptions {
  /**
   * the SHA-256 (hex) of the script's bytes, known when it was built (scripts/bundle.mjs): its cache is
   * named by it instead of by hashing the source again (~2 MB) on every start
   */
  hash?: string | undefined;
  /** `__import` for the script (default: this module's own `import()`) */
  importModule?: (specifier: string) => Promise<unknown>;
  /** `__importMetaResolve` for the script (default: this module's `import.meta.resolve`, from the script's URL) */
  resolveModule?: (specifier: string, parent: string) => string;
}

/** The file's bytes, or undefined when there is none (or it cannot be read): a cache is never required. */
function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written under a name of its own and renamed: a reader sees the old file or the whole new one. */
function writeAtomic(path: string, bytes: Uint8Array): boolean {
  // (worker_threads loaded only now: a run without a pool thread never needs it)
  const temp = `${path}.${process.pid}-${process.getBuiltinModule("node:worker_threads").threadId}.tmp`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false; // a read-only install: the run goes on without a cache
  }
}

/**
 * Runs the CommonJS file at `path` as Node would (`exports`, `require`, `module`, `__filename`,
 * `__dirname`), with its code from the cache beside it when V8 accepts that. Three more parameters serve
 * bundles made from ES modules (scripts/bundle.mjs): `__moduleUrl`, the file's URL (for a rewritten
 * `import.meta.url`), `__import`, Node's own `import()`, for the script's `import()` calls rewritten to it
 * (in a `vm.Script`, `import()` itself needs an experimental loader hook that prints a warning on Node 20),
 * and `__importMetaResolve`, for `import.meta.resolve` (package names resolve from copydesk's own folder).
 */
export function runCachedCommonJs<T>(path: string, options: CachedScriptOptions = {}): CachedScript<T> {
  const source = readFileSync(path, "utf8");
  const cachePath = options.hash ? cachePathFor(path, options.hash) : codeCachePath(path, source);
  const cachedData = readCache(cachePath);
  const wrapped = `(function (exports, require, module, __filename, __dirname, __moduleUrl, __import, __importMetaResolve) {${source}\n})`;
  const script = new Script(wrapped, {
    filename: path,
    ...(cachedData ? { cachedData } : {}),
  });
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  const module = { exports: {} as T };
  const dir = path.slice(0, Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")));
  const init = script.runInThisContext() as (...args: unknown[]) => void;
  const url = pathToFileURL(path).href;
  const dynamicImport = options.importModule ?? ((specifier: string) => import(specifier));
  const resolveWith =
    options.resolveModule ?? ((specifier: string, parent: string) => import.meta.resolve(specifier, parent));
  const resolve = (specifier: string) => resolveWith(specifier, url);
  init(module.exports, createRequire(path), module, path, dir, url, dynamicImport, resolve);
  let saved = fromCache;
  return {
    exports: module.exports,
    fromCache,
    save() {
      if (saved) return false;
      saved = true;
      return writeAtomic(cachePath, script.createCachedData());
    },
  };
}
