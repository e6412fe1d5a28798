import { positionsIn } from "../../engine/planned-page.js";
import type { Diagnostic } from "../../engine/types.js";
import type { BuildNote } from "../../write/graph.js";
import type { HeldBack, PageOutcome, PageRecord } from "../../write/site.js";

/** A page as `build` keeps it once its HTML is written: its notes are in its messages already. */
export type KeptPage = Omit<PageRecord, "notes">;

/**
 * A draft's outcome as `build` prints it, and as its page cache keeps it: the page (none when held back)
 * and the lines it prints (the page's notes, or why it was held back), with line:column found where
 * the draft's text was at hand. An unchanged draft is then neither read nor its notes parsed again.
 */
export interface Located {
  page?: KeptPage;
  /** a line that starts with `INFO` is printed with COPYDESK_VERBOSE only (without that mark) */
  lines: string[];
}

/** Marks an info note's line (a character no message holds). */
const INFO = "\u0000";

/** A published page and its notes, placed at `at` (line and column of each note, in pairs). */
export function pageLocated(page: PageRecord, at: readonly number[]): Located {
  const { path, slug, file, facts, notes } = page;
  const lines = notes.map(
    (n, k) =>
      `${n.severity === "info" ? INFO : ""}${path}:${at[2 * k]}:${at[2 * k + 1]}: ${n.severity} ${n.message} (${n.id})\n`,
  );
  return { page: { path, slug, file, facts }, lines };
}

/** A held-back draft and the errors that held it, placed at `at`. */
export function heldLocated(held: HeldBack, at: readonly number[]): Located {
  const lines = [`${held.path}: not published: ${held.errors.length} error(s)\n`];
  held.errors.forEach((e, k) => {
    lines.push(`  ${held.path}:${at[2 * k]}:${at[2 * k + 1]}: error ${e.message} (${e.ruleId})\n`);
  });
  return { lines };
}

/** A page built from its article, located in the article's text. */
export function locatedIn(built: PageOutcome, text: string): Located {
  return "held" in built
    ? heldLocated(built.held, positionsIn(text, built.held.errors))
    : pageLocated(built.page, positionsIn(text, built.page.notes));
}

/**
 * Where the errors that held a page planned elsewhere back point, in `publishOrHold`'s order: the error
 * diagnostics carry their own line and column (corpus findings included), then the page's error notes,
 * placed (`notesAt`) where it was planned.
 */
export function heldAt(diagnostics: readonly Diagnostic[], notes: readonly BuildNote[], notesAt: number[]): number[] {
  const at: number[] = [];
  for (const d of diagnostics) if (d.severity === "error") at.push(d.line, d.column);
  notes.forEach((note, k) => {
    if (note.severity === "error") at.push(notesAt[2 * k] as number, notesAt[2 * k + 1] as number);
  });
  return at;
}

/** What a build prints on stderr: every page's notes in input order, then each held-back draft's errors. */
export function buildMessages(outcomes: readonly Located[], verbose: boolean): string {
  const out: string[] = [];
  const add = (o: Located) => {
    for (const line of o.lines)
      if (!line.startsWith(INFO)) out.push(line);
      else if (verbose) out.push(line.slice(INFO.length));
  };
  for (const o of outcomes) if (o.page) add(o);
  for (const o of outcomes) if (!o.page) add(o);
  return out.join("");
}
