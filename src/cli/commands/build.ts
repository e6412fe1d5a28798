import { mkdir, readFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import pLimit from "p-limit";
import { checkFiles } from "../../engine/batch.js";
import { ConfigError } from "../../engine/config.js";
import { loadConfig } from "../../engine/config-load.js";
import type { ResolvedRule, RunSettings } from "../../engine/types.js";
import { writeFileAtomic } from "../../io/write.js";
import type { Article } from "../../model/article.js";
import { LineIndex } from "../../model/span.js";
import { allRules } from "../../rules/index.js";
import { isHealthArticle } from "../../text/health-detect.js";
import { buildSite, type SiteInput } from "../../write/site.js";
import { CliError, type CliIo } from "../io.js";
import { loadArticle } from "../load.js";
import { expandInputs, parseWorkers } from "./check.js";

export interface RunConfig {
  rules: ResolvedRule[];
  settings: RunSettings;
  maxBytes?: number;
}

/** The run's rules and settings from copydesk.config.json|mjs (or --config); config problems are usage errors. */
export async function loadRunConfig(io: CliIo, configPath?: string): Promise<RunConfig> {
  try {
    const config = await loadConfig({ cwd: io.cwd, registry: allRules, ...(configPath ? { configPath } : {}) });
    const maxBytes = config.read.maxFileSize;
    return {
      rules: config.rules,
      settings: { ...config.settings, now: new Date() },
      ...(maxBytes ? { maxBytes } : {}),
    };
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 2);
    throw err;
  }
}

/** A path as the user should read it: relative to the working directory. */
export function shownPath(io: CliIo, abs: string): string {
  const rel = relative(io.cwd, abs);
  return rel && !isAbsolute(rel) ? rel : abs;
}

interface BuildOpts {
  out: string;
  allowErrors?: boolean;
  config?: string;
  articleType?: string;
  workers?: number | "auto";
  cache?: boolean;
}

/** assets/theme.css, found from this module whether it runs from src/ (tests) or dist/ (the bin). */
async function themeCss(): Promise<string> {
  let dir = dirname(new URL(import.meta.url).pathname);
  for (let i = 0; i < 6; i++) {
    try {
      return await readFile(join(dir, "assets", "theme.css"), "utf8");
    } catch {
      dir = dirname(dir);
    }
  }
  throw new CliError("cannot find assets/theme.css in the copydesk package", 2);
}

/** `copydesk build <inputs…> --out <dir>`: publishes checked drafts as a static site. */
export function registerBuild(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("build")
    .description("publish drafts as a static site: one page per article, index, sitemap.xml, robots.txt, feed")
    .argument("<inputs...>", "draft files, directories or globs")
    .requiredOption("-o, --out <dir>", "output directory")
    .option("--allow-errors", "publish articles even when they have error diagnostics")
    .option("-c, --config <file>", "config file (default: copydesk.config.json|mjs found upward)")
    .option("--article-type <type>", "Article or BlogPosting", "Article")
    .option("--workers <n>", "worker threads: a number, or auto", parseWorkers, "auto")
    .option("--no-cache", "do not use the result cache (.copydesk-cache/)")
    .action(async (inputs: string[], opts: BuildOpts) => {
      const articleType = opts.articleType?.toLowerCase() === "blogposting" ? "BlogPosting" : "Article";
      if (opts.articleType && !/^(article|blogposting)$/i.test(opts.articleType))
        throw new CliError(`--article-type must be Article or BlogPosting (got "${opts.articleType}")`, 2);
      const run = await loadRunConfig(io, opts.config);
      const files = (await expandInputs(inputs, io.cwd)).map((abs) => shownPath(io, abs));
      if (files.length === 0) throw new CliError("no input files matched", 2);

      // Diagnostics come from the same batch runner as `check`: worker pool for large batches,
      // content-hash cache, and corpus rules (duplicate titles and keyphrases across the site).
      const batch = await checkFiles(
        files,
        { cwd: io.cwd, now: run.settings.now.toISOString(), ...(opts.config ? { configPath: opts.config } : {}) },
        {
          workers: opts.workers ?? "auto",
          cache: opts.cache === false ? false : { dir: resolve(io.cwd, ".copydesk-cache") },
        },
      );
      // reading and writing overlap their file I/O (bounded), so the main thread does not sit idle per file
      const io16 = pLimit(16);
      // an unreadable draft costs that draft, not the site: reported on one line, exit 1 (2 when none could be read)
      let unreadable = 0;
      const loaded = await Promise.all(
        files.map((file, i) =>
          io16(async (): Promise<SiteInput | undefined> => {
            const checked = batch.results[i];
            let article: Article;
            try {
              if (checked?.fatal !== undefined) throw new CliError(`${file}: ${checked.fatal}`, 2);
              article = await loadArticle(file, io, run.maxBytes ? { maxBytes: run.maxBytes } : {});
            } catch (err) {
              if (!(err instanceof CliError)) throw err;
              io.stderr(`copydesk: ${err.message}\n`);
              unreadable++;
              return undefined;
            }
            const health =
              run.settings.health === "on" ? true : run.settings.health === "off" ? false : isHealthArticle(article);
            return { article, diagnostics: checked?.diagnostics ?? [], health };
          }),
        ),
      );
      const siteInputs = loaded.filter((s): s is SiteInput => s !== undefined);

      const site = await buildSite(siteInputs, {
        site: run.settings.site ?? {},
        themeCss: await themeCss(),
        now: run.settings.now,
        articleType,
        ...(opts.allowErrors ? { allowErrors: true } : {}),
      });

      const outDir = resolve(io.cwd, opts.out);
      await Promise.all(
        [...site.files].map(([rel, contents]) =>
          io16(async () => {
            const target = join(outDir, ...rel.split("/"));
            await mkdir(dirname(target), { recursive: true });
            await writeFileAtomic(target, contents);
          }),
        ),
      );

      const lines = new Map(siteInputs.map((s) => [s.article.source.path, new LineIndex(s.article.source.text)]));
      const where = (path: string, offset: number) => {
        const pos = lines.get(path)?.position(offset) ?? { line: 1, column: 1 };
        return `${path}:${pos.line}:${pos.column}`;
      };
      for (const page of site.pages)
        for (const note of page.notes)
          if (note.severity !== "info" || io.env.COPYDESK_VERBOSE)
            io.stderr(`${where(page.path, note.span.start)}: ${note.severity} ${note.message} (${note.id})\n`);
      for (const held of site.held) {
        io.stderr(`${held.path}: not published: ${held.errors.length} error(s)\n`);
        for (const e of held.errors)
          io.stderr(`  ${where(held.path, e.span.start)}: error ${e.message} (${e.ruleId})\n`);
      }
      io.stdout(
        `built ${site.pages.length} page(s) into ${opts.out}${site.held.length ? `; ${site.held.length} held back (rerun with --allow-errors to publish them anyway)` : ""}\n`,
      );
      if (site.held.length || unreadable) setExit(1);
      if (unreadable === files.length) setExit(2);
    });
}
