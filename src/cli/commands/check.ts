import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { type Command, Option } from "commander";
import { glob, isDynamicPattern } from "tinyglobby";
import type { CheckSpec } from "../../engine/batch.js";
import type { CacheStrategy } from "../../engine/cache.js";
import { DEFAULT_CACHE_DIR } from "../../engine/cache-dir.js";
import type { RenderFormat } from "../../engine/checked-record.js";
import type { ConfigOverrides, ResolvedConfig } from "../../engine/config.js";
import { rememberedSalt, rememberSalt } from "../../engine/setup-memo.js";
import type { SeveritySetting } from "../../engine/types.js";
import { type StatedInputs, stateInputs, unchangedRun } from "../../engine/unchanged-run.js";
import { CHUNKED_REPORTERS, REPORTERS, type ReportFormat } from "../../report/index.js";
import { type Counts, chunkText, errorCounts, type FileResult } from "../../report/types.js";
import { VERSION } from "../../version.js";
import { DRAFT_EXTENSIONS } from "../draft-names.js";
import { plainTreeFiles } from "../draft-tree.js";
import { CliError, type CliIo, useColor } from "../io.js";
import { parseFrom } from "../load.js";

/** Directories never searched for drafts, at any depth. */
const IGNORED_DIRS = ["node_modules", ".git", DEFAULT_CACHE_DIR, "dist"];
const IGNORED = IGNORED_DIRS.map((dir) => `**/${dir}/**`);
const DRAFT_EXTENSION_SET: ReadonlySet<string> = new Set(DRAFT_EXTENSIONS);
const IGNORED_DIR_SET: ReadonlySet<string> = new Set(IGNORED_DIRS);
/** JSON files in a directory that are tooling, not drafts. */
const NOT_DRAFTS = new Set(["copydesk.config.json", "package.json", "package-lock.json", "tsconfig.json"]);

/**
 * Files, directories (recursively, draft extensions only) and globs, in
 * argument order, each expansion sorted, duplicates dropped. A plain path
 * that does not exist is kept so it is reported as unreadable; a glob that
 * matches nothing is a usage error.
 */
export async function expandInputs(args: readonly string[], cwd: string): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (paths: string[]) => {
    for (const p of paths.sort()) {
      if (!seen.has(p)) {
        seen.add(p);
        out.push(p);
      }
    }
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const found =
        plainTreeFiles(abs, DRAFT_EXTENSION_SET, IGNORED_DIR_SET) ??
        (
          await glob([`**/*.{${DRAFT_EXTENSIONS.join(",")}}`], {
            cwd: abs,
            absolute: true,
            onlyFiles: true,
            ignore: IGNORED,
          })
        ).map((p) => resolve(p));
      add(found.filter((p) => !(p.endsWith(".json") && NOT_DRAFTS.has(basename(p)))));
    } else if (!stat && isDynamicPattern(arg)) {
      const found = await glob([arg], { cwd, absolute: true, onlyFiles: true, ignore: IGNORED });
      if (found.length === 0) throw new CliError(`no files match the pattern "${arg}"`, 2);
      add(found.map((p) => resolve(p)));
    } else add([abs]);
  }
  return out;
}

const SEVERITIES = new Set(["off", "info", "warn", "error"]);

/** `--rule seo/title-width:off` → ["seo/title-width", "off"]. */
export function parseRuleFlag(value: string, previous: Record<string, SeveritySetting> = {}) {
  const at = value.lastIndexOf(":");
  const id = value.slice(0, at).trim();
  const severity = value.slice(at + 1).trim();
  if (at <= 0 || !SEVERITIES.has(severity)) {
    throw new CliError(`--rule expects id:severity with severity off, info, warn or error (got "${value}")`, 2);
  }
  return { ...previous, [id]: severity as SeveritySetting };
}

function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new CliError(`--max-warnings expects a whole number (got "${value}")`, 2);
  return n;
}

/** `--workers 2` or `--workers auto`. */
export function parseWorkers(value: string): number | "auto" {
  if (value === "auto") return "auto";
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`--workers expects a whole number of at least 1, or auto (got "${value}")`, 2);
  return n;
}

interface CheckFlags {
  workers: number | "auto";
  format: ReportFormat;
  maxWarnings: number;
  quiet?: boolean;
  rule?: Record<string, SeveritySetting>;
  config?: string;
  from?: string;
  cache: boolean;
  cacheStrategy: CacheStrategy;
  health?: "on" | "off" | "auto";
}

/** `--quiet`: errors only (fatal read failures are errors). */
function* errorsOnly(results: Iterable<FileResult>): Generator<FileResult> {
  for (const r of results) yield { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === "error") };
}

const WRITE_BYTES = 1 << 17;

/**
 * Writes a report in pieces of about 64–128 KB: never one string larger than V8 allows, never a write
 * per line. With a byte sink each text chunk is encoded straight into the buffer (no joined string at
 * all) and byte chunks are copied as they are.
 */
export function writeBuffered(chunks: Iterable<string | Uint8Array>, io: CliIo): void {
  const bytes = io.stdoutBytes;
  if (!bytes) {
    let buffer = "";
    for (const chunk of chunks) {
      buffer += chunkText(chunk);
      if (buffer.length >= 65536) {
        io.stdout(buffer);
        buffer = "";
      }
    }
    if (buffer) io.stdout(buffer);
    return;
  }
  // a fresh buffer per write: the stream may still hold the previous one
  let buffer = Buffer.allocUnsafe(WRITE_BYTES);
  let used = 0;
  for (const chunk of chunks) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    const most = typeof chunk === "string" ? chunk.length * 3 : chunk.length;
    if (used + most > WRITE_BYTES && used > 0) {
      bytes(buffer.subarray(0, used));
      buffer = Buffer.allocUnsafe(WRITE_BYTES);
      used = 0;
    }
    // (bytes copied too: a chunk may be a view of a buffer read over for the next record, see AppendFile.read)
    if (most > WRITE_BYTES) bytes(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
    else if (typeof chunk === "string") used += buffer.write(chunk, used);
    else {
      buffer.set(chunk, used);
      used += chunk.length;
    }
  }
  if (used > 0) bytes(buffer.subarray(0, used));
}

/** `--cache-strategy`, as `check` and `build` take it. */
export function cacheStrategyOption(): Option {
  return new Option(
    "--cache-strategy <strategy>",
    "how the cache finds unchanged drafts: metadata (size, times, inode) or content (read and hash each)",
  )
    .choices(["metadata", "content"])
    .default("metadata");
}

/**
 * `copydesk check`: exit 0 when no errors (and warnings within
 * --max-warnings), 1 when problems were found (an unreadable file counts as
 * an error), 2 when nothing could be read, or on a usage or config error.
 */
export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("check")
    .description("check drafts for structured-data, SEO, readability and health problems")
    .argument("<inputs...>", "draft files, directories or globs")
    .addOption(new Option("-f, --format <format>", "output format").choices(Object.keys(REPORTERS)).default("stylish"))
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", parseMaxWarnings, -1)
    .option("-q, --quiet", "report errors only")
    .option("--rule <id:severity>", "set a rule's severity (repeatable)", parseRuleFlag)
    .option("-c, --config <path>", "use this config file instead of searching for copydesk.config.json|mjs")
    .option("--from <format>", "skip format detection: bundle, markdown, html or json")
    .option("--no-cache", "do not use the result cache (.copydesk-cache/)")
    .addOption(cacheStrategyOption())
    .option("--workers <n>", "worker threads: a number, or auto (threads only for large batches)", parseWorkers, "auto")
    .addOption(new Option("--health <mode>", "health rules: on, off or auto").choices(["on", "off", "auto"]))
    .action(async (inputs: string[], flags: CheckFlags) => {
      /** the exit code of a run with these totals */
      const finish = (counts: Counts, size: number): void => {
        if (size > 0 && counts.fatalErrorCount === size) {
          setExit(2);
          return;
        }
        if (counts.errorCount > 0) setExit(1);
        if (flags.maxWarnings >= 0 && counts.warningCount > flags.maxWarnings) {
          io.stderr(`copydesk: too many warnings (${counts.warningCount}; maximum: ${flags.maxWarnings})\n`);
          setExit(1);
        }
      };
      const from = parseFrom(flags.from);
      const overrides: ConfigOverrides = {};
      if (flags.rule) overrides.rules = flags.rule;
      if (flags.health) overrides.health = flags.health;
      const render: RenderFormat | undefined =
        flags.format === "json"
          ? "json"
          : flags.format === "stylish"
            ? useColor(io)
              ? "stylish-color"
              : "stylish"
            : undefined;
      const spec: CheckSpec = {
        cwd: io.cwd,
        now: new Date().toISOString(),
        ...(flags.config ? { configPath: flags.config } : {}),
        ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
        ...(from ? { from } : {}),
        ...(flags.quiet ? { errorsOnly: true } : {}),
        // stats and scores appear only in JSON output, so other formats do not pay for them
        ...(flags.format === "json" ? { extras: true } : {}),
        // the messages are written where each file is checked, and a re-run writes them from the cache as
        // they are (--quiet filters diagnostics, so it takes the plain path)
        ...(render && !flags.quiet ? { render } : {}),
      };
      // an unchanged re-run is written from the cache before the config is resolved (see setup-memo.ts):
      // runs that render json or stylish from records whose files are trusted by their stamps
      const memoable = render !== undefined && !flags.quiet && flags.cache && flags.cacheStrategy === "metadata";
      const remembered = memoable ? rememberedSalt(spec) : undefined;
      let paths: string[] | undefined;
      // what that look found of the inputs, handed on to the check when it cannot serve the run
      let stated: StatedInputs | undefined;
      if (remembered) {
        paths = await expandInputs(inputs, io.cwd);
        const cache = { dir: resolve(io.cwd, DEFAULT_CACHE_DIR), salt: remembered };
        stated = stateInputs(paths, io.cwd, cache);
        const run = unchangedRun(paths, io.cwd, cache, flags.format === "stylish", stated);
        if (run) {
          try {
            // json and stylish take no rule metadata
            writeBuffered(
              CHUNKED_REPORTERS[flags.format](run.results(), {
                cwd: io.cwd,
                color: useColor(io),
                rules: [],
                toolVersion: VERSION,
              }),
              io,
            );
          } finally {
            run.close();
          }
          finish(run.counts, run.size);
          return;
        }
      }
      // the rules, the readers and the config schema load only now
      const { cacheSaltOf, checkStream, configFor } = await import("../../engine/batch.js");
      let config: ResolvedConfig;
      try {
        config = await configFor(spec);
      } catch (err) {
        const { ConfigError } = await import("../../engine/config.js");
        if (err instanceof ConfigError) throw new CliError(err.message, 2);
        throw err;
      }
      paths ??= await expandInputs(inputs, io.cwd);
      const useCache = flags.cache && config.cache.enabled;
      const cacheDir = resolve(io.cwd, config.cache.dir);
      // results wait on disk until the report is written, so memory stays flat however many files there are
      const batch = await checkStream(paths, spec, {
        workers: flags.workers,
        cache: useCache ? { dir: cacheDir, strategy: flags.cacheStrategy, ...(stated ? { stated } : {}) } : false,
        keepSource: flags.format === "stylish",
      });
      try {
        const rules = flags.quiet ? config.rules.filter((r) => r.severity === "error") : config.rules;
        // each result is written out before the next is read (writeBuffered copies what it is given)
        const results = {
          [Symbol.iterator]: () => (flags.quiet ? errorsOnly(batch.results(true)) : batch.results(true)),
        };
        const chunks = CHUNKED_REPORTERS[flags.format](results, {
          cwd: io.cwd,
          color: useColor(io),
          rules: rules.map((r) => r.rule.meta),
          toolVersion: VERSION,
        });
        writeBuffered(chunks, io);
      } finally {
        batch.close();
      }
      // what the next run needs to find this cache without resolving the config
      if (memoable && config.cache.enabled) rememberSalt(spec, cacheDir, await cacheSaltOf(spec));
      finish(flags.quiet ? errorCounts(batch.counts) : batch.counts, batch.size);
    });
}
