import { existsSync } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { glob } from "tinyglobby";
import { lintArticle } from "../../engine/lint.js";
import { presetRules } from "../../engine/presets.js";
import type { PresetName, ResolvedRule, RunSettings, SiteSettings } from "../../engine/types.js";
import { writeFileAtomic } from "../../io/write.js";
import { LineIndex } from "../../model/span.js";
import { allRules } from "../../rules/index.js";
import { isHealthArticle } from "../../text/health-detect.js";
import { buildSite, type SiteInput } from "../../write/site.js";
import { CliError, type CliIo } from "../io.js";
import { loadArticle } from "../load.js";

export interface RunConfig {
  rules: ResolvedRule[];
  settings: RunSettings;
}

/**
 * The run's rules and settings. INTERIM: reads only `extends`, `health` and
 * `site` from copydesk.config.json until the engine's config loader
 * (src/engine/config.ts, with validation and per-rule settings) lands.
 */
export async function loadRunConfig(io: CliIo, configPath?: string): Promise<RunConfig> {
  let path = configPath ? resolve(io.cwd, configPath) : undefined;
  if (!path) {
    for (let dir = io.cwd; ; dir = dirname(dir)) {
      const candidate = join(dir, "copydesk.config.json");
      if (existsSync(candidate)) {
        path = candidate;
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  let raw: { extends?: PresetName | PresetName[]; health?: RunSettings["health"]; site?: SiteSettings } = {};
  if (path) {
    try {
      raw = JSON.parse(await readFile(path, "utf8"));
    } catch (err) {
      throw new CliError(`${configPath ?? path}: cannot read config (${(err as Error).message})`, 2);
    }
  }
  const presets = Array.isArray(raw.extends) ? raw.extends : [raw.extends ?? "recommended"];
  const severities = new Map<string, ResolvedRule["severity"]>();
  for (const preset of presets) for (const [id, sev] of presetRules(preset, allRules)) severities.set(id, sev);
  const rules: ResolvedRule[] = allRules
    .filter((rule) => severities.has(rule.meta.id))
    .map((rule) => ({
      rule,
      severity: severities.get(rule.meta.id)!,
      options: (rule.meta.options?.parse({}) ?? {}) as Record<string, unknown>,
    }));
  const health = raw.health ?? (presets.includes("health") ? "on" : "auto");
  return { rules, settings: { now: new Date(), health, ...(raw.site ? { site: raw.site } : {}) } };
}

const DRAFT_GLOB = "**/*.{txt,md,markdown,html,htm,json}";

/** Files, directories (their drafts) and globs, in a stable order without duplicates. */
export async function expandInputs(io: CliIo, inputs: string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const input of inputs) {
    const abs = resolve(io.cwd, input);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) {
      const found = await glob(DRAFT_GLOB, {
        cwd: abs,
        ignore: ["**/node_modules/**", "**/copydesk.config.json", "**/package*.json"],
      });
      for (const f of found.sort()) out.add(join(input, f));
    } else if (info || !/[*?[{]/.test(input)) out.add(input);
    else for (const f of (await glob(input, { cwd: io.cwd })).sort()) out.add(f);
  }
  return [...out];
}

interface BuildOpts {
  out: string;
  allowErrors?: boolean;
  config?: string;
  articleType?: string;
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
    .action(async (inputs: string[], opts: BuildOpts) => {
      const articleType = opts.articleType?.toLowerCase() === "blogposting" ? "BlogPosting" : "Article";
      if (opts.articleType && !/^(article|blogposting)$/i.test(opts.articleType))
        throw new CliError(`--article-type must be Article or BlogPosting (got "${opts.articleType}")`, 2);
      const run = await loadRunConfig(io, opts.config);
      const files = await expandInputs(io, inputs);
      if (files.length === 0) throw new CliError("no input files matched", 2);

      const siteInputs: SiteInput[] = [];
      for (const file of files) {
        const article = await loadArticle(file, io);
        const { diagnostics } = lintArticle(article, { rules: run.rules, settings: run.settings });
        const health =
          run.settings.health === "on" ? true : run.settings.health === "off" ? false : isHealthArticle(article);
        siteInputs.push({ article, diagnostics, health });
      }

      const site = await buildSite(siteInputs, {
        site: run.settings.site ?? {},
        themeCss: await themeCss(),
        now: run.settings.now,
        articleType,
        ...(opts.allowErrors ? { allowErrors: true } : {}),
      });

      const outDir = resolve(io.cwd, opts.out);
      for (const [rel, contents] of site.files) {
        const target = join(outDir, ...rel.split("/"));
        await mkdir(dirname(target), { recursive: true });
        await writeFileAtomic(target, contents);
      }

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
      if (site.held.length) setExit(1);
    });
}
