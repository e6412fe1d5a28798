import type { CorpusContext, CorpusEntry, CorpusRule } from "../../engine/types.js";
import type { Span } from "../../model/span.js";

/** Any character outside ASCII (NFKC and the quote rewrites below can touch only those). */
const NON_ASCII = /[^\x00-\x7f]/;
/** ASCII whitespace that `\s+ → " "` would change: a control character, or two in a row */
const ODD_SPACE = /[\t-\r]| {2}/;

/**
 * Case, spacing and quote style do not make two titles different to a reader. Most titles are ASCII,
 * whose NFKC form is itself and which hold no curly quote: only case and spacing are left to do.
 */
export function normalizeForDuplicates(text: string): string {
  if (NON_ASCII.test(text)) return normalizeAnyText(text);
  const lower = text.toLowerCase();
  return (ODD_SPACE.test(lower) ? lower.replace(/\s+/g, " ") : lower).trim();
}

/** `normalizeForDuplicates` for any text (the ASCII path must give the same). */
export function normalizeAnyText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

const MAX_NAMED = 3;

/**
 * Lists the other paths of a group for the message: "a.md, b.md and 2 more". Only the named few are
 * gathered: a group can hold thousands of articles, and every one of them gets a message.
 */
function others(group: readonly number[], self: number, pathOf: (i: number) => string): string {
  const named: string[] = [];
  for (const i of group) {
    if (named.length === MAX_NAMED) break;
    if (i !== self) named.push(pathOf(i));
  }
  const count = group.length - 1;
  return count > MAX_NAMED ? `${named.join(", ")} and ${count - MAX_NAMED} more` : named.join(", ");
}

/**
 * Reports every article whose value (after normalizing) is shared with another
 * article of the run, naming the others, so each file's report stands alone.
 */
export function reportDuplicates(
  ctx: CorpusContext<any>,
  pick: (entry: CorpusEntry) => { text: string; span: Span } | undefined,
  messageId: string,
): void {
  const groups = new Map<string, number[]>();
  ctx.articles.forEach((entry, index) => {
    const part = pick(entry);
    if (!part) return;
    const key = normalizeForDuplicates(part.text);
    if (key === "") return;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const index of group) {
      const entry = ctx.articles[index] as CorpusEntry;
      const part = pick(entry) as { text: string; span: Span };
      const names = others(group, index, (i) => (ctx.articles[i] as CorpusEntry).path);
      ctx.report(index, {
        messageId,
        data: { text: part.text.trim(), others: names, count: group.length - 1 },
        span: part.span,
      });
    }
  }
}

/** A corpus rule that flags a per-article value shared by two or more articles. */
export function duplicateRule(
  id: string,
  description: string,
  pick: (entry: CorpusEntry) => { text: string; span: Span } | undefined,
  message: string,
): CorpusRule {
  return {
    meta: { id, description, severity: "warn", presets: ["recommended"], messages: { duplicate: message } },
    checkCorpus(ctx) {
      reportDuplicates(ctx, pick, "duplicate");
    },
  };
}
