import type { Command } from "commander";
import { createTwoFilesPatch } from "diff";
import { engineDiagnostic } from "../../engine/diagnostic.js";
import { type FixResult, fixText } from "../../engine/fix.js";
import { lintArticle } from "../../engine/lint.js";
import type { Diagnostic } from "../../engine/types.js";
import { writeFileAtomic } from "../../io/write.js";
import type { Article } from "../../model/article.js";
import { LineIndex } from "../../model/span.js";
import { readArticle } from "../../read/index.js";
import { markupEdits } from "../../write/graph.js";
import { CliError, type CliIo } from "../io.js";
import { loadArticle } from "../load.js";
import { loadRunConfig, type RunConfig, shownPath } from "./build.js";
import { expandInputs } from "./check.js";

interface FixOpts {
  dryRun?: boolean;
  config?: string;
}

function summary(applied: Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of applied) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  return [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(", ");
}

/** The builder's markup fixes (FAQPage from the visible FAQ, author/publisher from the config) as fixable diagnostics. */
function markupDiagnostics(article: Article, run: RunConfig): Diagnostic[] {
  const edits = markupEdits(article, run.settings.site ?? {});
  if (edits.length === 0) return [];
  const lines = new LineIndex(article.source.text);
  return edits.map((e) => ({
    ...engineDiagnostic(e.id, "info", e.message, e.span, lines),
    fix: { edits: [{ span: e.span, text: e.text }] },
  }));
}

/** Fixes one draft's text with the run's rules and the markup fixes: the same passes `copydesk fix` makes. */
export function fixSource(article: Article, run: RunConfig): FixResult {
  const original = article.source.text;
  const { path } = article.source;
  const lint = (text: string) => {
    const current = text === original ? article : readArticle({ path, text }, { from: article.format });
    const { diagnostics } = lintArticle(current, { rules: run.rules, settings: run.settings });
    return [...diagnostics, ...markupDiagnostics(current, run)];
  };
  return fixText(original, lint);
}

/**
 * `copydesk fix <files…> [--dry-run]`: applies the rules' safe fixes (never
 * suggestions) in bounded passes and writes each file atomically, or prints
 * a unified diff. Exit 1 when errors remain after fixing.
 */
export function registerFix(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("fix")
    .description("apply safe fixes (repaired JSON-LD, markup regenerated from visible content) to drafts in place")
    .argument("<inputs...>", "draft files, directories or globs")
    .option("--dry-run", "print a unified diff instead of writing")
    .option("-c, --config <file>", "config file (default: copydesk.config.json|mjs found upward)")
    .action(async (inputs: string[], opts: FixOpts) => {
      const run = await loadRunConfig(io, opts.config);
      const files = await expandInputs(inputs, io.cwd);
      if (files.length === 0) throw new CliError("no input files matched", 2);
      let fixedFiles = 0;
      for (const abs of files) {
        const path = shownPath(io, abs);
        const article = await loadArticle(path, io, run.maxBytes ? { maxBytes: run.maxBytes } : {});
        const original = article.source.text;
        const result = fixSource(article, run);
        const errorsLeft = result.remaining.filter((d) => d.severity === "error").length;
        if (errorsLeft) setExit(1);
        if (result.output === original) {
          if (!opts.dryRun)
            io.stdout(`${path}: nothing to fix${errorsLeft ? ` (${errorsLeft} error(s) need a person)` : ""}\n`);
          continue;
        }
        fixedFiles++;
        if (opts.dryRun) {
          io.stdout(createTwoFilesPatch(`a/${path}`, `b/${path}`, original, result.output, "", "", { context: 3 }));
          continue;
        }
        await writeFileAtomic(abs, result.output);
        io.stdout(
          `${path}: fixed ${result.applied.length} problem(s) (${summary(result.applied)})${errorsLeft ? `; ${errorsLeft} error(s) remain` : ""}\n`,
        );
      }
      if (opts.dryRun) io.stderr(`${fixedFiles} file(s) would change (dry run: nothing written)\n`);
    });
}
