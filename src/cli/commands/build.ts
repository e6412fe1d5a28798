import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { Command } from "commander";
import { type CheckedStream, type CheckSpec, cacheSaltOf, checkStream, configFor } from "../../engine/batch.js";
import { type CacheStrategy, codeFingerprint, ResultCache, sha256 } from "../../engine/cache.js";
import { DEFAULT_CACHE_DIR } from "../../engine/cache-dir.js";
import { ConfigError } from "../../engine/config.js";
import { type PageSpec, type PlannedPage, siteOptionsOf } from "../../engine/planned-page.js";
import { relativeIn, resolveIn } from "../../engine/quick-path.js";
import type { Diagnostic, ResolvedRule, RunSettings } from "../../engine/types.js";
import { InputError, loadSource } from "../../io/source.js";
import { SiteWriter } from "../../io/write.js";
import type { Article } from "../../model/article.js";
import { readArticle } from "../../read/index.js";
import { healthEnabled } from "../../text/health-detect.js";
import { VERSION } from "../../version.js";
import { buildPage, dedupeSlugs, publishOrHold, siteFiles, slugBase } from "../../write/site.js";
import { CliError, type CliIo } from "../io.js";
import { buildMessages, heldAt, heldLocated, type Located, locatedIn, pageLocated } from "./build-messages.js";
import { cacheStrategyOption, expandInputs, parseWorkers } from "./check.js";

export interface RunConfig {
  rules: ResolvedRule[];
  settings: RunSettings;
  maxBytes?: number;
}

/** The run's rules and settings from copydesk.config.json|mjs (or --config); config problems are usage errors. */
export async function loadRunConfig(io: CliIo, configPath?: string, errorsOnly?: boolean): Promise<RunConfig> {
  const now = new Date();
  try {
    // the batch runner's memo: `build` then checks with this very config instead of loading it again
    const config = await configFor({
      cwd: io.cwd,
      now: now.toISOString(),
      ...(configPath ? { configPath } : {}),
      ...(errorsOnly ? { errorsOnly } : {}),
    });
    const maxBytes = config.read.maxFileSize;
    return {
      rules: config.rules,
      settings: { ...config.settings, now },
      ...(maxBytes ? { maxBytes } : {}),
    };
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 2);
    throw err;
  }
}

/** A path as the user should read it: relative to the working directory. */
export function shownPath(io: CliIo, abs: string): string {
  const rel = relativeIn(io.cwd, abs);
  return rel && !isAbsolute(rel) ? rel : abs;
}

interface BuildOpts {
  out: string;
  allowErrors?: boolean;
  config?: string;
  articleType?: string;
  workers?: number | "auto";
  cache?: boolean;
  cacheStrategy?: CacheStrategy;
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

/** What the build cache keeps per draft: the slug it asked for, the slug it got, its page and messages. */
interface CachedPage extends Located {
  base: string;
  slug: string;
}

interface Draft {
  file: string;
  /** its place among the inputs (its result in the checked stream) */
  index: number;
  /** its page-cache key ("" without a page cache) */
  key: string;
  base: string;
  cached?: CachedPage;
  article?: Article;
  /** planned (and rendered when it may be published) under its base slug while the batch checked it */
  early?: EarlyPage;
}

/** A page planned while the batch checked its draft, its HTML staged on disk by that thread (`PageSpec.stageIn`). */
type EarlyPage = Omit<PlannedPage, "html">;

/**
 * A draft's page-cache key: its path, its content key (the check cache's hash of its bytes, so nothing
 * is hashed twice) and its corpus-rule errors, which with the check's cache salt (in the page cache's
 * salt) decide whether it is published: its own errors are its check record's, which its content key
 * names under that salt. So a cached draft's diagnostics are neither decoded nor hashed (hashing every
 * error of every draft was ~3 % of a rebuild with one changed draft among 10,000, 2.7 KB a draft).
 */
function pageKey(file: string, content: string, corpus: readonly Diagnostic[]): string {
  let errors = "";
  for (const d of corpus)
    if (d.severity === "error") errors += `${JSON.stringify([d.ruleId, d.message, d.span, d.line, d.column])}\n`;
  return sha256(`${file}\u0000${content}\u0000${errors}`);
}

/** Loads a draft's text with the input checks of every command (one-line CliError on bad input). */
async function loadArticleText(file: string, io: CliIo, maxBytes: number | undefined) {
  try {
    return await loadSource(resolve(io.cwd, file), maxBytes ? { maxBytes } : {});
  } catch (err) {
    if (err instanceof InputError) throw new CliError(err.message.replace(resolve(io.cwd, file), file), 2);
    throw err;
  }
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
    .addOption(cacheStrategyOption())
    .action(async (inputs: string[], opts: BuildOpts) => {
      const articleType = opts.articleType?.toLowerCase() === "blogposting" ? "BlogPosting" : "Article";
      if (opts.articleType && !/^(article|blogposting)$/i.test(opts.articleType))
        throw new CliError(`--article-type must be Article or BlogPosting (got "${opts.articleType}")`, 2);
      // only errors decide what a build publishes, and it prints no other diagnostics: like `check --quiet`,
      // it runs the error rules alone (12 of the 50 recommended ones)
      const run = await loadRunConfig(io, opts.config, true);
      const files = (await expandInputs(inputs, io.cwd)).map((abs) => shownPath(io, abs));
      if (files.length === 0) throw new CliError("no input files matched", 2);

      const outDir = resolve(io.cwd, opts.out);
      const writer = new SiteWriter(outDir);
      /** the checked drafts, open until their pages are placed */
      let stream: CheckedStream | undefined;
      try {
        // each page is staged by the thread that renders it (see PageSpec.stageIn)
        const pageSpec: PageSpec = {
          articleType,
          ...(opts.allowErrors ? { allowErrors: true } : {}),
          stageIn: writer.stagingFolder(),
        };
        const siteOptions = siteOptionsOf(run.settings.site, pageSpec);
        const healthOf = (article: Article) => healthEnabled(run.settings.health, article);
        // Each draft is planned under its base slug in the thread that checked it (a pool thread sends the
        // page back, not the article), so it is not read twice, and rendered unless its own errors hold it
        // back, its HTML staged on disk at once; the publish decision waits for the corpus rules, and a
        // duplicate slug renders it again.
        const early = new Map<number, EarlyPage>();
        // Diagnostics come from the same batch runner as `check`: worker pool for large batches,
        // content-hash cache (a draft whose stamp is unchanged is not even read), and corpus rules
        // (duplicate titles and keyphrases across the site).
        const cacheDir = opts.cache === false ? undefined : resolve(io.cwd, DEFAULT_CACHE_DIR);
        const checkSpec: CheckSpec = {
          cwd: io.cwd,
          now: run.settings.now.toISOString(),
          ...(opts.config ? { configPath: opts.config } : {}),
          errorsOnly: true,
          page: pageSpec,
        };
        // (a stream, closed once the pages are placed: a draft's diagnostics are decoded only when its page
        // is not cached, not all 10,000 of them for a rebuild with one changed draft)
        const batch = await checkStream(
          files,
          checkSpec,
          {
            workers: opts.workers ?? "auto",
            cache: cacheDir ? { dir: cacheDir, strategy: opts.cacheStrategy } : false,
            // (the HTML itself never comes: every thread stages what it renders, `pageSpec.stageIn`)
            onPage: (index, { page, notesAt, staged }) =>
              early.set(index, staged === undefined ? { page, notesAt } : { page, notesAt, staged }),
          },
          true,
        );
        stream = batch;
        // Rendered pages are cached by draft content, the errors that decide publishing, and everything
        // else a page depends on; a rebuild after one edit reads and renders only that draft.
        const pageCache = cacheDir
          ? new ResultCache<CachedPage>(
              cacheDir,
              "build",
              sha256(
                JSON.stringify([
                  VERSION,
                  codeFingerprint(),
                  siteOptions,
                  run.settings.health,
                  // what, with its content, decides a draft's own errors (see pageKey)
                  await cacheSaltOf(checkSpec),
                ]),
              ),
            )
          : undefined;
        /** a draft the batch did not plan, and whose cached page will not do: read here */
        const readDraft = async (file: string) =>
          readArticle({ path: file, text: (await loadArticleText(file, io, run.maxBytes)).text });

        /** draft `i` as the batch left it: its cached page, or its page planned there, or its article read here */
        const draftOf = async (i: number, file: string): Promise<Draft> => {
          const planned = early.get(i);
          early.delete(i);
          const fatal = batch.fatalOf(i);
          if (fatal !== undefined) throw new CliError(`${file}: ${fatal}`, 2);
          const content = batch.keys?.[i];
          // the path is in the key: two drafts with the same text get different slugs (and name their own
          // file); without a page cache (--no-cache) there is nothing to key
          const key = pageCache && content ? pageKey(file, content, batch.corpusOf(i)) : "";
          const cached = key ? pageCache?.get(key) : undefined;
          if (cached) return { file, index: i, key, base: cached.base, cached };
          if (planned) return { file, index: i, key, base: planned.page.slug, early: planned };
          const article = await readDraft(file);
          return { file, index: i, key, base: slugBase(article), article };
        };
        // an unreadable draft costs that draft, not the site: reported on one line, exit 1 (2 when none could be read)
        let unreadable = 0;
        const present: Draft[] = [];
        for (const [i, file] of files.entries()) {
          try {
            present.push(await draftOf(i, file));
          } catch (err) {
            if (!(err instanceof CliError)) throw err;
            io.stderr(`copydesk: ${err.message}\n`);
            unreadable++;
          }
        }
        const slugs = dedupeSlugs(present.map((d) => d.base));

        const outcomes: Located[] = [];
        let rendered = 0;
        for (const [i, d] of present.entries()) {
          const slug = slugs[i] as string;
          let located: Located | undefined = d.cached?.slug === slug ? d.cached : undefined;
          // a cached page is reused when it is still on disk from the build that cached it
          if (located?.page && !existsSync(resolveIn(outDir, located.page.file))) located = undefined;
          if (!located) {
            const { early } = d;
            const { diagnostics } = batch.result(d.index);
            if (early?.page.slug === slug) {
              const built = publishOrHold(early, diagnostics, siteOptions.allowErrors);
              if ("held" in built)
                located = heldLocated(built.held, heldAt(diagnostics, early.page.notes, early.notesAt));
              else if (early.staged !== undefined) {
                writer.place(early.staged, early.page.file);
                located = pageLocated(early.page, early.notesAt);
              }
            }
            if (!located) {
              const article = d.article ?? (await readDraft(d.file));
              const built = buildPage({ article, diagnostics, health: healthOf(article) }, slug, siteOptions);
              if ("page" in built) writer.write(built.page.file, built.html);
              located = locatedIn(built, article.source.text);
            }
            if (d.key) pageCache?.set(d.key, { base: d.base, slug, ...located });
            rendered++;
          }
          outcomes.push(located);
        }
        pageCache?.save();
        batch.close();
        stream = undefined;
        const pages = outcomes.flatMap((o) => (o.page ? [o.page] : []));
        const held = outcomes.length - pages.length;
        const around = await siteFiles(pages, { ...siteOptions, themeCss: await themeCss(), now: run.settings.now });
        for (const [rel, contents] of around) writer.write(rel, contents);

        // one write for all the messages: a thousand pages can carry thousands of notes
        const messages = buildMessages(outcomes, Boolean(io.env.COPYDESK_VERBOSE));
        if (messages) io.stderr(messages);
        if (io.env.COPYDESK_VERBOSE)
          io.stderr(`copydesk: rendered ${rendered} page(s), ${present.length - rendered} from the cache\n`);
        io.stdout(
          `built ${pages.length} page(s) into ${opts.out}${held ? `; ${held} held back (rerun with --allow-errors to publish them anyway)` : ""}\n`,
        );
        if (held || unreadable) setExit(1);
        if (unreadable === files.length) setExit(2);
      } finally {
        stream?.close();
        writer.close();
      }
    });
}
