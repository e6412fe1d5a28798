import type { Command } from "commander";
import { articleText, articleView } from "../../read/view.js";
import { CliError, type CliIo } from "../io.js";
import { loadArticle, parseFrom, parseMaxBytes } from "../load.js";

/** `copydesk inspect <file>`: prints the article model a draft reads as. */
export function registerInspect(program: Command, io: CliIo, _setExit: (code: number) => void): void {
  program
    .command("inspect")
    .description("show how a draft is read: title, meta, sections, FAQ, JSON-LD and the repairs made")
    .argument("<file>", "a draft (bundle, Markdown, HTML, or a JSON model)")
    .option("-f, --format <format>", "text or json", "text")
    .option("--from <format>", "skip detection: bundle, markdown, html or json")
    .option("--max-bytes <size>", "refuse files larger than this (default 10MB)")
    .action(async (file: string, opts: { format: string; from?: string; maxBytes?: string }) => {
      if (opts.format !== "text" && opts.format !== "json")
        throw new CliError(`--format must be text or json (got "${opts.format}")`, 2);
      const from = parseFrom(opts.from);
      const maxBytes = parseMaxBytes(opts.maxBytes);
      const article = await loadArticle(file, io, {
        ...(from ? { from } : {}),
        ...(maxBytes !== undefined ? { maxBytes } : {}),
      });
      if (opts.format === "json") io.stdout(`${JSON.stringify(articleView(article), null, 2)}\n`);
      else io.stdout(articleText(article, file));
    });
}
