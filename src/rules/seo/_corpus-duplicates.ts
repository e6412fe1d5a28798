import type { CorpusContext, CorpusEntry, CorpusRule } from "../../engine/types.js";
import type { Span } from "../../model/span.js";

/** Case, spacing and quote style do not make two titles different to a reader. */
export function normalizeForDuplicates(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

const MAX_NAMED = 3;

/** Lists other paths for the message: "a.md, b.md and 2 more". */
function others(paths: string[]): string {
  const named = paths.slice(0, MAX_NAMED).join(", ");
  return paths.length > MAX_NAMED ? `${named} and ${paths.length - MAX_NAMED} more` : named;
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
      const rest = group.filter((i) => i !== index).map((i) => (ctx.articles[i] as CorpusEntry).path);
      ctx.report(index, {
        messageId,
        data: { text: part.text.trim(), others: others(rest), count: rest.length },
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
