import type { Diagnostic, RuleMeta } from "../engine/types.js";

/** One checked file as reporters see it. */
export interface FileResult {
  /** absolute path */
  path: string;
  /** the source text (for code frames and fix ranges); absent when the file could not be read */
  source?: string;
  diagnostics: Diagnostic[];
  /** why the file could not be read or parsed: reported like ESLint's fatal parse errors */
  fatal?: string;
  /** per-file statistics (word count, reading time, …) when the text layer provides them */
  stats?: unknown;
  /** per-file scores when the scoring layer provides them */
  scores?: unknown;
  /**
   * The file's messages as one report format writes them, made where it was checked
   * (`CheckSpec.render`), so a run writes them as they are instead of decoding every diagnostic and
   * rendering it again (nor reading the file for code frames); `diagnostics` is then empty. Results
   * carrying it are made for that report alone.
   */
  prerendered?: Prerendered;
}

/**
 * A file's messages in report order: pieces already written (a string, or its UTF-8 bytes; a piece may
 * hold several messages, which JSON joins with commas), or a diagnostic still to write (a corpus finding
 * placed among them); `counts` cover them all. JSON: `tail` is the entry's stats and scores.
 * Stylish: `lines` are the source lines (as code frames show them) where corpus findings may fall.
 */
export interface Prerendered {
  parts: Array<string | Uint8Array | Diagnostic>;
  counts: Counts;
  tail: string | Uint8Array;
  lines?: Record<number, string>;
}

export interface ReportMeta {
  /** paths are shown relative to this directory */
  cwd: string;
  color: boolean;
  /** metadata of the rules that ran (SARIF lists them; the others may show descriptions) */
  rules: ReadonlyArray<RuleMeta<any>>;
  toolVersion: string;
}

/** Reporters are pure: results in, text out. */
export type Reporter = (results: readonly FileResult[], meta: ReportMeta) => string;

/**
 * A reporter's output in pieces of at most one file's results each, in order. The CLI writes them as
 * they come: one string for 50,000 files would exceed V8's maximum string length (about 512 MB).
 * The results may be read back from disk as the pieces are written (`checkStream`), so a reporter
 * takes them as an iterable; one that needs them twice (SARIF lists the rules first) iterates it twice.
 * A piece is text, or UTF-8 bytes (messages a cached re-run copies from its records as they are stored).
 */
export type ChunkedReporter = (results: Iterable<FileResult>, meta: ReportMeta) => Iterable<string | Uint8Array>;

const utf8 = new TextDecoder();

/** A piece of a report as text. */
export function chunkText(chunk: string | Uint8Array): string {
  return typeof chunk === "string" ? chunk : utf8.decode(chunk);
}

/** The whole report as one string (tests, library callers with small batches). */
export function joinChunks(reporter: ChunkedReporter): Reporter {
  return (results, meta) => {
    let out = "";
    for (const chunk of reporter(results, meta)) out += chunkText(chunk);
    return out;
  };
}

export interface Counts {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function countResult(result: FileResult): Counts {
  const c: Counts = {
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  if (result.fatal !== undefined) {
    c.errorCount++;
    c.fatalErrorCount++;
  }
  for (const d of result.diagnostics) {
    if (d.severity === "error") {
      c.errorCount++;
      if (d.fix) c.fixableErrorCount++;
    } else if (d.severity === "warn") {
      c.warningCount++;
      if (d.fix) c.fixableWarningCount++;
    } else c.infoCount++;
  }
  return c;
}

/** Adds `c` to `total` (in place). */
export function addCounts(total: Counts, c: Counts): Counts {
  for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += c[key];
  return total;
}

export function countAll(results: Iterable<FileResult>): Counts {
  const total = countResult({ path: "", diagnostics: [] });
  for (const r of results) addCounts(total, countResult(r));
  return total;
}

/** The counts `--quiet` reports: its output keeps errors only, so warnings and infos count nothing. */
export function errorCounts(c: Counts): Counts {
  return { ...c, warningCount: 0, infoCount: 0, fixableWarningCount: 0 };
}
