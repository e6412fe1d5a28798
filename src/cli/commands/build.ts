import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { checkFiles, configFor } from "../../engine/batch.js";
import { codeFingerprint, ResultCache, sha256 } from "../../engine/cache.js";
import { ConfigError } from "../../engine/config.js";
import { type PageSpec, type PlannedPage, siteOptionsOf } from "../../engine/planned-page.js";
import type { Diagnostic, ResolvedRule, RunSettings } from "../../engine/types.js";
import { InputError, loadSource } from "../../io/source.js";
import { writeFileAtomicSync } from "../../io/write.js";
import type { Article } from "../../model/article.js";
import { LineIndex } from "../../model/span.js";
import { readArticle } from "../../read/index.js";
import { healthEnabled } from "../../text/health-detect.js";
import { VERSION } from "../../version.js";
import {
  buildPage,
  dedupeSlugs,
  type HeldBack,
  type PageRecord,
  publishOrHold,
  siteFiles,
  slugBase,
} from "../../write/site.js";
import { CliError, type CliIo } from "../io.js";
import { expandInputs, parseWorkers } from "./check.js";

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

/** What the build cache keeps per draft: the slug it asked for, the slug it got, and its page. */
interface CachedPage {
  base: string;
  slug: string;
  /** the page without its graph and HTML (those are on disk already), or why it was held back */
  outcome: { page: PageRecord } | { held: HeldBack };
}

interface Draft {
  file: string;
  text: string;
  diagnostics: Diagnostic[];
  /** its page-cache key ("" without a page cache) */
  key: string;
  base: string;
  cached?: CachedPage;
  article?: Article;
  /** planned (and rendered when it may be published) under its base slug while the batch checked it */
  early?: PlannedPage;
}

/**
 * Writes the site's files, each atomically (temp file + rename), one after the other: for a thousand
 * small files, synchronous writes cost a third of the CPU of bounded parallel promises on two cores.
 */
function writeSite(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const made = new Set<string>();
  for (const [rel, contents] of files) {
    const target = join(outDir, ...rel.split("/"));
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileAtomicSync(target, contents);
  }
}

/** A draft's page-cache key: its path, its text and the errors that decide whether it is published. */
function pageKey(file: string, text: string, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").map((d) => [d.ruleId, d.span]);
  return sha256(`${file}\u0000${text}\u0000${JSON.stringify(errors)}`);
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
    .action(async (inputs: string[], opts: BuildOpts) => {
      const articleType = opts.articleType?.toLowerCase() === "blogposting" ? "BlogPosting" : "Article";
      if (opts.articleType && !/^(article|blogposting)$/i.test(opts.articleType))
        throw new CliError(`--article-type must be Article or BlogPosting (got "${opts.articleType}")`, 2);
      // only errors decide what a build publishes, and it prints no other diagnostics: like `check --quiet`,
      // it runs the error rules alone (12 of the 50 recommended ones)
      const run = await loadRunConfig(io, opts.config, true);
      const files = (await expandInputs(inputs, io.cwd)).map((abs) => shownPath(io, abs));
      if (files.length === 0) throw new CliError("no input files matched", 2);

      const pageSpec: PageSpec = { articleType, ...(opts.allowErrors ? { allowErrors: true } : {}) };
      const siteOptions = siteOptionsOf(run.settings.site, pageSpec);
      const healthOf = (article: Article) => healthEnabled(run.settings.health, article);
      // Each draft is planned under its base slug in the thread that checked it (a pool thread sends the
      // page back, not the article), so it is not read twice, and rendered unless its own errors hold it
      // back; the publish decision waits for the corpus rules, and a duplicate slug renders it again.
      const early = new Map<number, PlannedPage>();
      // Diagnostics come from the same batch runner as `check`: worker pool for large batches,
      // content-hash cache, and corpus rules (duplicate titles and keyphrases across the site).
      const batch = await checkFiles(
        files,
        {
          cwd: io.cwd,
          now: run.settings.now.toISOString(),
          ...(opts.config ? { configPath: opts.config } : {}),
          errorsOnly: true,
          page: pageSpec,
        },
        {
          workers: opts.workers ?? "auto",
          cache: opts.cache === false ? false : { dir: resolve(io.cwd, ".copydesk-cache") },
          // the batch has read every draft once already: keep the texts rather than read them again
          keepSource: true,
          onPage: (index, page) => early.set(index, page),
        },
      );
      // Rendered pages are cached by draft content, the errors that decide publishing, and everything
      // else a page depends on; a rebuild after one edit reads and renders only that draft.
      const pageCache =
        opts.cache === false
          ? undefined
          : new ResultCache<CachedPage>(
              resolve(io.cwd, ".copydesk-cache"),
              "build",
              sha256(JSON.stringify([VERSION, codeFingerprint(), siteOptions, run.settings.health])),
            );

      // an unreadable draft costs that draft, not the site: reported on one line, exit 1 (2 when none could be read)
      let unreadable = 0;
      // the batch kept every draft's text, so this loop reads a file only when it did not (never, in practice)
      const present: Draft[] = [];
      for (const [i, file] of files.entries()) {
        const checked = batch.results[i];
        let text: string;
        try {
          if (checked?.fatal !== undefined) throw new CliError(`${file}: ${checked.fatal}`, 2);
          text = checked?.source ?? (await loadArticleText(file, io, run.maxBytes)).text;
        } catch (err) {
          if (!(err instanceof CliError)) throw err;
          io.stderr(`copydesk: ${err.message}\n`);
          unreadable++;
          continue;
        }
        const diagnostics = checked?.diagnostics ?? [];
        // the path is in the key: two drafts with the same text get different slugs (and name their own file);
        // without a page cache (--no-cache) there is nothing to key, and hashing every draft is skipped
        const key = pageCache ? pageKey(file, text, diagnostics) : "";
        const cached = pageCache?.get(key);
        const draft: Draft = { file, text, diagnostics, key, base: cached?.base ?? "" };
        const planned = early.get(i);
        early.delete(i);
        if (cached) draft.cached = cached;
        else if (planned) {
          draft.early = planned;
          draft.base = planned.page.slug;
        } else {
          draft.article = readArticle({ path: file, text });
          draft.base = slugBase(draft.article);
        }
        present.push(draft);
      }
      const slugs = dedupeSlugs(present.map((d) => d.base));

      const pages: PageRecord[] = [];
      const held: HeldBack[] = [];
      const pageFiles = new Map<string, string | Uint8Array>();
      const outDir = resolve(io.cwd, opts.out);
      let rendered = 0;
      present.forEach((d, i) => {
        const slug = slugs[i] as string;
        let outcome = d.cached?.slug === slug ? d.cached.outcome : undefined;
        // a cached page is reused when it is still on disk from the build that cached it
        if (outcome && "page" in outcome && !existsSync(join(outDir, ...outcome.page.file.split("/"))))
          outcome = undefined;
        if (!outcome) {
          let built: { page: PageRecord; html?: string | Uint8Array } | { held: HeldBack } | undefined;
          if (d.early?.page.slug === slug) built = publishOrHold(d.early, d.diagnostics, siteOptions.allowErrors);
          if (!built || ("page" in built && built.html === undefined)) {
            const article = d.article ?? readArticle({ path: d.file, text: d.text });
            built = buildPage({ article, diagnostics: d.diagnostics, health: healthOf(article) }, slug, siteOptions);
          }
          if ("page" in built) {
            const { path, slug: pageSlug, file, facts, notes } = built.page;
            pageFiles.set(file, built.html as string | Uint8Array); // rendered above when it was not already
            outcome = { page: { path, slug: pageSlug, file, facts, notes } };
          } else outcome = built;
          pageCache?.set(d.key, { base: d.base, slug, outcome });
          rendered++;
        }
        if ("held" in outcome) held.push(outcome.held);
        else pages.push(outcome.page);
      });
      pageCache?.save();
      const outputs = new Map([
        ...pageFiles,
        ...(await siteFiles(pages, { ...siteOptions, themeCss: await themeCss(), now: run.settings.now })),
      ]);
      const site = { files: outputs, pages, held };

      writeSite(outDir, site.files);

      const shown = (note: { severity: string }) => note.severity !== "info" || Boolean(io.env.COPYDESK_VERBOSE);
      const texts = new Map(present.map((d) => [d.file, d.text]));
      const lines = new Map<string, LineIndex>();
      const where = (path: string, offset: number) => {
        let index = lines.get(path);
        if (!index) {
          // line starts are found on the first position asked for, and only for drafts with messages
          index = new LineIndex(texts.get(path) ?? "");
          lines.set(path, index);
        }
        const pos = index.position(offset);
        return `${path}:${pos.line}:${pos.column}`;
      };
      // one write for all the messages: a thousand pages can carry thousands of notes
      const messages: string[] = [];
      for (const page of site.pages)
        for (const note of page.notes)
          if (shown(note))
            messages.push(`${where(page.path, note.span.start)}: ${note.severity} ${note.message} (${note.id})\n`);
      for (const h of site.held) {
        messages.push(`${h.path}: not published: ${h.errors.length} error(s)\n`);
        for (const e of h.errors) messages.push(`  ${where(h.path, e.span.start)}: error ${e.message} (${e.ruleId})\n`);
      }
      if (messages.length) io.stderr(messages.join(""));
      if (io.env.COPYDESK_VERBOSE)
        io.stderr(`copydesk: rendered ${rendered} page(s), ${present.length - rendered} from the cache\n`);
      io.stdout(
        `built ${site.pages.length} page(s) into ${opts.out}${site.held.length ? `; ${site.held.length} held back (rerun with --allow-errors to publish them anyway)` : ""}\n`,
      );
      if (site.held.length || unreadable) setExit(1);
      if (unreadable === files.length) setExit(2);
    });
}
