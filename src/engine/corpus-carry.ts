import type { Counts } from "../report/types.js";
import type { RecordHead } from "./checked-record.js";
import { type LoadedCorpusMemo, loadCorpusMemo, runKey } from "./corpus-memo.js";
import type { Diagnostic } from "./types.js";

/**
 * The last run's corpus pass carried over to a run in which a few files changed in ways no corpus
 * finding can see, so that editing one draft's body does not run the corpus rules over all the others
 * again (at 10,000 look-alike drafts that pass, with the heads it reads, was a quarter of the re-run).
 *
 * Corpus rules see only each file's summary (`CorpusEntry`: path, title, meta title and description,
 * keyphrase, slug, with their spans), and a finding is placed by the reported file's lines and checked
 * against its length (see `lintCorpus`, `makeDiagnostic`). So the last run's findings hold unchanged when
 * - the memo was saved for exactly the last run: these paths with the keys they had then (`before`);
 * - every changed file's summary is the same, and so are the lines its record knows (`entryMarks`): the
 *   rules then make the same reports and place them where the lines say;
 * - each of the last run's findings on a changed file starts and ends at an offset whose line the record
 *   knows (placed without the text) and every span it holds (its own, its fixes') fits the new length;
 * - the last run had no crashed corpus rule (whose message may name a length).
 * The totals are then the last run's with each changed file's own counts swapped for its new ones.
 * Anything else (a memo for another run, a damaged file, a summary that moved) returns undefined and the
 * corpus pass runs as before.
 */
export interface CarryInput {
  /** the corpus memo file beside the cache */
  path: string;
  salt: string;
  paths: readonly string[];
  /** each file's content key this run */
  keys: readonly string[];
  /** the key a file had last run, when known (its stamp); a file without one is taken to be unchanged */
  previousKey: (index: number) => string | undefined;
  /** a changed file's record head this run */
  head: (index: number) => RecordHead;
  /** the record head of a key of the last run, when the cache still holds it */
  previousHead: (key: string) => RecordHead | undefined;
}

const CRASH = Buffer.from('"internal/rule-crash"');

export function carryCorpusMemo(input: CarryInput): LoadedCorpusMemo | undefined {
  const { keys } = input;
  const before = keys.slice();
  const changed = new Map<number, { length: number; marks: readonly number[] } | undefined>();
  const heads: Array<[old: RecordHead, now: RecordHead]> = [];
  for (let index = 0; index < keys.length; index++) {
    const previous = input.previousKey(index);
    if (previous === undefined || previous === keys[index]) continue;
    before[index] = previous;
    const old = input.previousHead(previous);
    const now = input.head(index);
    if (!old || !sameCorpusInput(old, now)) return undefined;
    changed.set(index, now.lines);
    heads.push([old, now]);
  }
  if (changed.size === 0) return undefined;
  const memo = loadCorpusMemo(input.path, runKey(input.salt, input.paths, before));
  if (!memo || memo.bytes.includes(CRASH)) return undefined;
  for (const [index, offset, length] of memo.findings) {
    if (!changed.has(index)) continue;
    const lines = changed.get(index);
    const finding = JSON.parse(memo.bytes.toString("utf8", offset, offset + length)) as Diagnostic;
    if (!lines || !placedAlike(finding, lines)) return undefined;
  }
  const counts = { ...memo.counts };
  for (const [old, now] of heads) {
    for (const key of Object.keys(counts) as Array<keyof Counts>) counts[key] += now.counts[key] - old.counts[key];
  }
  return { ...memo, counts };
}

/** Whether two heads give the corpus rules the same summary, placed by the same known lines. */
function sameCorpusInput(old: RecordHead, now: RecordHead): boolean {
  if (old.fatal !== undefined || now.fatal !== undefined) return false;
  if (JSON.stringify(old.entry) !== JSON.stringify(now.entry)) return false;
  if (!old.entry) return true;
  return !!old.lines && !!now.lines && sameNumbers(old.lines.marks, now.lines.marks);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** Whether a finding would be placed and accepted the same in a text with these known lines and length. */
function placedAlike(finding: Diagnostic, lines: { length: number; marks: readonly number[] }): boolean {
  const known = (offset: number) => lines.marks.some((m, i) => i % 3 === 0 && m === offset);
  const fits = (span: { end: number } | undefined) => span !== undefined && span.end <= lines.length;
  const { span, fix, suggestions } = finding;
  if (!span || !known(span.start) || !known(span.end) || !fits(span)) return false;
  const edits = [...(fix?.edits ?? []), ...(suggestions ?? []).flatMap((s) => s.fix.edits)];
  return edits.every((edit) => fits(edit.span));
}
