import { mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { ConfigError, type ResolvedConfig } from "../../engine/config.js";
import { loadConfig } from "../../engine/config-load.js";
import { lintArticle } from "../../engine/lint.js";
import { generateBatch } from "../../generate/batch.js";
import { diskStageCache, refreshingCache } from "../../generate/cache.js";
import { type GenerateConfig, GenerateConfigSchema } from "../../generate/config.js";
import type { DraftFormat, KeywordInput } from "../../generate/draft.js";
import { parseKeywordList } from "../../generate/keywords.js";
import { draftFileName, type KeywordResult } from "../../generate/pipeline.js";
import { formatSummary } from "../../generate/summary.js";
import { InputError, loadSource } from "../../io/source.js";
import { writeFileAtomic } from "../../io/write.js";
import { readArticle } from "../../read/index.js";
import { allRules } from "../../rules/index.js";
import { CliError, type CliIo } from "../io.js";

export interface GenerateFlags {
  keywords?: string;
  baseUrl?: string;
  model?: string;
  apiKeyEnv?: string;
  out?: string;
  format?: string;
  lang?: string;
  rounds?: string;
  concurrency?: string;
  cache?: boolean;
  timeout?: string;
  maxRetries?: string;
  config?: string;
}

function intFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`, 2);
  return n;
}

/** The config (found upward, or --config) resolved by the engine; its `generate` block validated here. */
async function loadGenerateConfig(io: CliIo, configPath: string | undefined) {
  let resolved: ResolvedConfig;
  try {
    resolved = await loadConfig({ cwd: io.cwd, registry: allRules, ...(configPath ? { configPath } : {}) });
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 2);
    throw err;
  }
  const gen = GenerateConfigSchema.safeParse(resolved.generate);
  if (!gen.success) {
    const issues = gen.error.issues.map((i) => `  generate.${i.path.map(String).join(".")}: ${i.message}`);
    throw new CliError(`${resolved.path ?? "config"} is invalid:\n${issues.join("\n")}`, 2);
  }
  return { resolved, generate: gen.data as GenerateConfig };
}

async function readKeywords(io: CliIo, keyword: string | undefined, file: string | undefined): Promise<KeywordInput[]> {
  if (keyword !== undefined && file !== undefined)
    throw new CliError("give a keyword or --keywords <file>, not both", 2);
  if (file !== undefined) {
    let text: string;
    try {
      text = (await loadSource(resolve(io.cwd, file))).text;
    } catch (err) {
      if (err instanceof InputError) throw new CliError(err.message.replace(resolve(io.cwd, file), file), 2);
      throw err;
    }
    const list = parseKeywordList(text);
    if (list.length === 0) throw new CliError(`${file}: no keywords found`, 2);
    return list;
  }
  if (keyword === undefined || keyword.trim() === "")
    throw new CliError('give a keyword (copydesk generate "best trail shoes") or --keywords <file>', 2);
  return [{ keyword: keyword.trim() }];
}

/** Progress: one rewritten line on a terminal, plain lines otherwise (CI logs). */
function progress(io: CliIo, total: number) {
  let done = 0;
  return {
    stage(keyword: string, stage: string) {
      if (io.isTTY) io.stderr(`\r\x1b[K[${done}/${total}] ${keyword}: ${stage}`);
      else io.stderr(`${keyword}: ${stage}\n`);
    },
    finished(line: string) {
      done++;
      io.stderr(`${io.isTTY ? "\r\x1b[K" : ""}[${done}/${total}] ${line}\n`);
    },
  };
}

/**
 * The whole command, callable in-process: returns the results after writing
 * each draft as soon as it is finished. `signal` stops the batch (finished
 * stages stay cached).
 */
export async function runGenerate(
  keyword: string | undefined,
  flags: GenerateFlags,
  io: CliIo,
  signal?: AbortSignal,
): Promise<{ results: KeywordResult[]; exitCode: number }> {
  const { resolved, generate: cfg } = await loadGenerateConfig(io, flags.config);
  const inputs = await readKeywords(io, keyword, flags.keywords);
  const model = flags.model ?? cfg.model;
  if (!model) throw new CliError("no model: pass --model <name> or set generate.model in copydesk.config.json", 2);
  const baseUrl = flags.baseUrl ?? cfg.baseUrl ?? io.env.OPENAI_BASE_URL ?? "https://api.openai.com/v1";
  const keyVar = flags.apiKeyEnv ?? cfg.apiKeyEnv ?? "OPENAI_API_KEY";
  const apiKey = io.env[keyVar];
  const local = /^https?:\/\/(localhost|127\.|\[::1\])/.test(baseUrl);
  if (!apiKey && !local && (flags.apiKeyEnv ?? cfg.apiKeyEnv))
    throw new CliError(`the API key variable ${keyVar} is not set`, 2);
  const format = (flags.format ?? cfg.format ?? "markdown") as DraftFormat;
  if (format !== "markdown" && format !== "bundle")
    throw new CliError(`--format must be markdown or bundle (got "${flags.format}")`, 2);
  const rounds = intFlag("rounds", flags.rounds, 0, 10) ?? cfg.rounds ?? 2;
  const concurrency = intFlag("concurrency", flags.concurrency, 1, 64) ?? cfg.concurrency ?? 2;
  const timeoutS = intFlag("timeout", flags.timeout, 1, 86_400);
  const timeoutMs = timeoutS !== undefined ? timeoutS * 1000 : (cfg.timeoutMs ?? 600_000);
  const maxRetries = intFlag("max-retries", flags.maxRetries, 0, 10) ?? cfg.maxRetries;
  const outDir = resolve(io.cwd, flags.out ?? cfg.out ?? "drafts");
  const lang = flags.lang ?? cfg.lang ?? resolved.settings.site?.language ?? "en";

  // the SDK and undici take a noticeable part of a second to load: only `generate` pays for them
  const { createOpenAiClient } = await import("../../generate/client.js");
  const disk = diskStageCache(resolve(io.cwd, resolved.cache.dir, "generate"));
  const cache = flags.cache === false ? refreshingCache(disk) : disk;
  const client = createOpenAiClient({
    baseUrl,
    model,
    ...(apiKey ? { apiKey } : {}),
    timeoutMs,
    ...(maxRetries !== undefined ? { retry: { maxRetries } } : {}),
    ...(cfg.temperature !== undefined ? { temperature: cfg.temperature } : {}),
    ...(cfg.maxTokens !== undefined ? { maxTokens: cfg.maxTokens } : {}),
  });
  const settings = { ...resolved.settings, now: new Date() };
  const check = (text: string, path: string) =>
    lintArticle(readArticle({ path, text }), { rules: resolved.rules, settings }).diagnostics;

  await mkdir(outDir, { recursive: true });
  const taken = new Set<string>();
  const bar = progress(io, inputs.length);
  try {
    const results = await generateBatch(inputs, {
      client,
      cache,
      format,
      lang,
      rounds,
      concurrency,
      check,
      ...(signal ? { signal } : {}),
      onStage: (k, s) => bar.stage(k, s),
      onResult: async (r) => {
        if (!r.ok || r.text === undefined || r.slug === undefined) {
          bar.finished(`${r.keyword}: failed: ${r.error}`);
          return;
        }
        // two keywords with the same slug must not overwrite each other
        let slug = r.slug;
        for (let n = 2; taken.has(slug); n++) slug = `${r.slug}-${n}`;
        taken.add(slug);
        r.slug = slug;
        const file = join(outDir, draftFileName(slug, format));
        await writeFileAtomic(file, r.text);
        bar.finished(`${r.keyword}: ${relative(io.cwd, file) || file}${r.unfinished ? " (draft: errors remain)" : ""}`);
      },
    });
    io.stdout(formatSummary(results, model, cfg.prices));
    const problems = results.some((r) => !r.ok || r.unfinished);
    return { results, exitCode: problems ? 1 : 0 };
  } catch (err) {
    if (signal?.aborted) throw new CliError("generation stopped; rerun the same command to resume from the cache", 2);
    throw err;
  } finally {
    await client.close();
  }
}

/** `copydesk generate "<keyword>"` or `--keywords <file>`: drafts through any OpenAI-compatible model, gated by the checks. */
export function registerGenerate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("generate")
    .description("write article drafts with an OpenAI-compatible model, revised until the checks pass")
    .argument("[keyword]", "the keyword to write about")
    .option("--keywords <file>", "keywords, one a line, or CSV with a keyword,audience,notes header")
    .option("--base-url <url>", "OpenAI-compatible API base URL (default $OPENAI_BASE_URL or OpenAI)")
    .option("--model <name>", "model name as the server knows it")
    .option("--api-key-env <VAR>", "environment variable holding the API key (default OPENAI_API_KEY)")
    .option("--out <dir>", "where drafts are written (default drafts)")
    .option("--format <format>", "markdown or bundle (default markdown)")
    .option("--lang <tag>", "article language (default en)")
    .option("--rounds <n>", "revision rounds after the first check (default 2)")
    .option("--concurrency <n>", "keywords generated at once (default 2)")
    .option("--timeout <seconds>", "per request attempt (default 600)")
    .option("--max-retries <n>", "retries on 429, 5xx and timeouts (default 3)")
    .option("--no-cache", "call the model even for stages answered before")
    .option("--config <path>", "config file (default: copydesk.config.json found upward)")
    .action(async (keyword: string | undefined, flags: GenerateFlags) => {
      const { exitCode } = await runGenerate(keyword, flags, io);
      setExit(exitCode);
    });
}
