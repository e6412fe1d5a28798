import { costOf, type Prices } from "./config.js";
import type { KeywordResult } from "./pipeline.js";

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function money(value: number | undefined): string {
  return value === undefined ? "-" : `${value.toFixed(4)}`;
}

function remainingCell(r: KeywordResult): string {
  if (!r.ok) return "failed";
  const errors = r.remaining.filter((d) => d.severity === "error").length;
  const warnings = r.remaining.length - errors;
  return `${errors} error(s), ${warnings} warning(s)`;
}

/**
 * The run summary: one row per keyword (rounds, remaining diagnostics,
 * tokens, cost, time), a total row, then what remains per draft and why
 * failed keywords failed.
 */
export function formatSummary(results: readonly KeywordResult[], model: string, prices: Prices | undefined): string {
  const rows = [["keyword", "rounds", "remaining", "tokens in", "tokens out", "cached", "cost", "time"]];
  let tin = 0;
  let tout = 0;
  let estimated = false;
  let ms = 0;
  for (const r of results) {
    const u = r.usage;
    tin += u.promptTokens;
    tout += u.completionTokens;
    estimated ||= u.estimated;
    ms = Math.max(ms, r.ms);
    rows.push([
      r.keyword,
      String(r.rounds),
      remainingCell(r),
      `${u.promptTokens}${u.estimated ? "~" : ""}`,
      `${u.completionTokens}${u.estimated ? "~" : ""}`,
      String(u.cached),
      money(costOf(prices, model, u.promptTokens, u.completionTokens)),
      `${(r.ms / 1000).toFixed(1)}s`,
    ]);
  }
  rows.push([
    "total",
    "",
    `${results.filter((r) => r.ok).length}/${results.length} written`,
    String(tin),
    String(tout),
    String(results.reduce((n, r) => n + r.usage.cached, 0)),
    money(costOf(prices, model, tin, tout)),
    "",
  ]);
  const lines = [table(rows)];
  if (estimated) lines.push("~ estimated: the server reported no token usage");
  if (!prices?.[model]) lines.push(`cost: no price for "${model}" in generate.prices`);
  for (const r of results) {
    if (!r.ok) {
      lines.push(`${r.keyword}: failed: ${r.error}`);
      continue;
    }
    if (r.unfinished) lines.push(`${r.keyword}: errors remain: marked draft: true, not built without --allow-errors`);
    for (const d of r.remaining)
      lines.push(`  ${r.slug}: ${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`);
  }
  return `${lines.join("\n")}\n`;
}
