import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { writeFileAtomic } from "../../io/write.js";
import type { Article } from "../../model/article.js";
import { articleView } from "../../read/view.js";
import { healthEnabled } from "../../text/health-detect.js";
import { buildGraph } from "../../write/graph.js";
import { writeMarkdown } from "../../write/markdown.js";
import { renderPage } from "../../write/page.js";
import { assignSlugs } from "../../write/site.js";
import type { CliIo } from "../io.js";
import { loadArticle, parseFrom } from "../load.js";
import { loadRunConfig, type RunConfig } from "./build.js";

type Target = "markdown" | "html" | "json";

interface ConvertOpts {
  to: Target;
  out?: string;
  from?: string;
  config?: string;
}

/** The page `build` would publish for this article, as one standalone file (theme.css expected beside it). */
function toHtml(article: Article, run: RunConfig): string {
  const health = healthEnabled(run.settings.health, article);
  const [slug] = assignSlugs([article]);
  const { graph, facts } = buildGraph(article, { site: run.settings.site ?? {}, pagePath: `${slug}/`, health });
  return renderPage(article, facts, graph, { rootHref: "./" });
}

/** `copydesk convert <file> --to markdown|html|json [--out file]`. */
export function registerConvert(program: Command, io: CliIo, _setExit: (code: number) => void): void {
  program
    .command("convert")
    .description("write a draft as canonical Markdown with front matter, as the published page, or as the model (JSON)")
    .argument("<file>", "a draft (bundle, Markdown, HTML, or a JSON model)")
    .addOption(
      new Option("-t, --to <format>", "target format").choices(["markdown", "html", "json"]).makeOptionMandatory(),
    )
    .option("-o, --out <file>", "write here (atomically) instead of stdout")
    .option("--from <format>", "skip detection: bundle, markdown, html or json")
    .option("-c, --config <file>", "config file (site settings for --to html)")
    .action(async (file: string, opts: ConvertOpts) => {
      const from = parseFrom(opts.from);
      const run = await loadRunConfig(io, opts.config);
      const article = await loadArticle(file, io, {
        ...(from ? { from } : {}),
        ...(run.maxBytes ? { maxBytes: run.maxBytes } : {}),
      });
      const output =
        opts.to === "json"
          ? `${JSON.stringify(articleView(article), null, 2)}\n`
          : opts.to === "html"
            ? toHtml(article, run)
            : writeMarkdown(article);
      if (opts.out) {
        await writeFileAtomic(resolve(io.cwd, opts.out), output);
        io.stderr(`wrote ${opts.out}\n`);
      } else io.stdout(output);
    });
}
