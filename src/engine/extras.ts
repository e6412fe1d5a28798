import { computeStats } from "../text/stats.js";
import type { ResolvedConfig } from "./config.js";
import type { CheckOptions } from "./run.js";
import { computeScores, type ScoreOptions } from "./scores.js";
import type { AnyRule } from "./types.js";

/**
 * Per-file `stats` and `scores` (JSON output), computed over the text layer
 * the rules already built, with the scores following the run's rule options.
 */
export function fileExtras(config: ResolvedConfig, registry: readonly AnyRule[]): NonNullable<CheckOptions["extras"]> {
  const enabled = new Set(config.rules.map((r) => r.rule.meta.id));
  const scoreOptions: ScoreOptions = {
    options: Object.fromEntries(config.rules.map((r) => [r.rule.meta.id, r.options])),
    skip: new Set(registry.map((r) => r.meta.id).filter((id) => !enabled.has(id))),
  };
  if (config.settings.site) scoreOptions.site = config.settings.site;
  return (article, text) => {
    const analysis = text();
    return { stats: computeStats(article, analysis), scores: computeScores(article, analysis, scoreOptions) };
  };
}
