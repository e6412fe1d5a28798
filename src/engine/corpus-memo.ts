import { readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import { writeFileAtomicSync } from "../io/write.js";
import type { Counts } from "../report/types.js";
import { sha256 } from "./cache.js";

/**
 * The corpus pass of the last cached run, kept beside its cache file (`.corpus`): the totals of the
 * whole run and every corpus finding, for one exact run, named by `runKey` (the cache salt, and each
 * input path with the content key of its file, in order). Corpus findings and counts depend on nothing
 * else (the file-level results are keyed by content and salt; corpus rules see the paths and the
 * contents' summaries), so a re-run of the same files with the same contents reuses them instead of
 * reading every record's head and running the corpus rules again.
 *
 * The file: a header line `{"format","run","crc","count"}` (crc32 of the rest), the run's counts (JSON)
 * on the next line, then one line per finding, `<file index> <Diagnostic as JSON>`. A file for another
 * run, or anything unexpected, is not used: the corpus pass then runs as without it.
 */
const FORMAT = 1;

/** A memo as saved: the run's totals and its findings, each [file index, the finding as JSON]. */
export interface CorpusMemo {
  /** totals over all files, corpus findings included */
  counts: Counts;
  findings: Array<[index: number, json: string]>;
}

/** A memo as loaded: the findings stay the file's bytes, each [file index, offset, length] into `bytes`. */
export interface LoadedCorpusMemo {
  counts: Counts;
  bytes: Buffer;
  /** where the findings' lines start in `bytes` */
  body: number;
  findings: Array<[index: number, offset: number, length: number]>;
}

interface Header {
  format: number;
  run: string;
  crc: number;
  count: number;
}

/** The identity of a run: its cache salt and each input path with its content key, in order. */
export function runKey(salt: string, paths: readonly string[], keys: readonly string[]): string {
  // NUL and newline cannot both be inside a path and a hex key: the parts cannot run together
  let text = `${salt}\0`;
  for (let i = 0; i < paths.length; i++) text += `${paths[i]}\0${keys[i]}\n`;
  return sha256(text);
}

/** The memo at `path` when it was saved for exactly `run` and is intact; otherwise undefined. */
export function loadCorpusMemo(path: string, run: string): LoadedCorpusMemo | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  try {
    // read as bytes: a re-run copies the findings out of this buffer as they are, never decoding the file
    const nl = bytes.indexOf(NL);
    if (nl < 0 || bytes[bytes.length - 1] !== NL) return undefined;
    const header = JSON.parse(bytes.toString("utf8", 0, nl)) as Partial<Header>;
    if (header.format !== FORMAT || header.run !== run || header.crc !== crc32(bytes.subarray(nl + 1)))
      return undefined;
    const countsEnd = bytes.indexOf(NL, nl + 1);
    const counts = JSON.parse(bytes.toString("latin1", nl + 1, countsEnd)) as Counts;
    if (typeof counts !== "object" || counts === null) return undefined;
    const findings: LoadedCorpusMemo["findings"] = [];
    for (let at = countsEnd + 1; at < bytes.length; ) {
      const end = bytes.indexOf(NL, at);
      // `<file index> {…}`: digits, a space, a JSON object
      let index = 0;
      let i = at;
      for (; i < end && bytes[i] !== SPACE; i++) {
        const digit = (bytes[i] as number) - 48;
        if (digit < 0 || digit > 9) return undefined;
        index = index * 10 + digit;
      }
      if (i === at || i + 1 >= end || bytes[i + 1] !== OPEN_BRACE) return undefined;
      findings.push([index, i + 1, end - i - 1]);
      at = end + 1;
    }
    if (findings.length !== header.count) return undefined;
    return { counts, bytes, body: countsEnd + 1, findings };
  } catch {
    return undefined;
  }
}

const NL = 10;
const SPACE = 32;
const OPEN_BRACE = 123;

/** Writes the memo of `run` (atomically); a failure only costs the next run its corpus pass. */
export function saveCorpusMemo(path: string, run: string, memo: CorpusMemo): void {
  let body = `${JSON.stringify(memo.counts)}\n`;
  for (const [index, json] of memo.findings) body += `${index} ${json}\n`;
  const header: Header = { format: FORMAT, run, crc: crc32(body), count: memo.findings.length };
  write(path, `${JSON.stringify(header)}\n${body}`);
}

/**
 * Writes a loaded memo's findings, as the bytes they are, as the memo of another run with these
 * totals (see corpus-carry.ts): the same file `saveCorpusMemo` would write for them.
 */
export function saveCarriedMemo(path: string, run: string, memo: LoadedCorpusMemo): void {
  const counts = `${JSON.stringify(memo.counts)}\n`;
  const findings = memo.bytes.subarray(memo.body);
  const header: Header = { format: FORMAT, run, crc: crc32(findings, crc32(counts)), count: memo.findings.length };
  // the findings as they were loaded, not copied into one buffer with the head (10 MB at 10,000
  // look-alike drafts, ~4 % of a check with one changed draft)
  write(path, [Buffer.from(`${JSON.stringify(header)}\n${counts}`), findings]);
}

function write(path: string, data: string | Buffer | readonly Buffer[]): void {
  try {
    writeFileAtomicSync(path, data);
  } catch {
    // an optimisation only
  }
}
