import { z } from "zod";
import { type GenerateConfig, GenerateConfigSchema } from "../generate/config.js";
import { DEFAULT_CACHE_DIR } from "./cache-dir.js";
import { PRESETS, presetRules } from "./presets.js";
import { didYouMeanSuffix } from "./suggest.js";
import type { AnyRule, ResolvedRule, RunSettings, Severity, SeveritySetting } from "./types.js";

const severitySetting = z.enum(["off", "info", "warn", "error"]);
const preset = z.enum(PRESETS as [string, ...string[]]);
const person = z.strictObject({
  name: z.string().min(1),
  url: z.string().optional(),
  credentials: z.string().optional(),
});

const FEED_ENTRIES = "expected a whole number of feed entries, 1 or more";

const ruleSetting = z.union(
  [severitySetting, z.tuple([severitySetting]), z.tuple([severitySetting, z.record(z.string(), z.unknown())])],
  { error: 'expected "off", "info", "warn", "error" or [severity, {options}]' },
);

/** The config file's schema; `z.toJSONSchema` of it is published as schema/copydesk.config.schema.json. */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    extends: z
      .union([preset, z.array(preset)])
      .optional()
      .describe('Presets applied in order before `rules`: "recommended" (default), "strict", "health".'),
    rules: z
      .record(z.string(), ruleSetting)
      .optional()
      .describe('Per-rule severity, or [severity, options], keyed by rule id such as "seo/meta-description-length".'),
    health: z
      .enum(["auto", "on", "off"])
      .optional()
      .describe('Whether health (YMYL) rules run: "auto" detects health content from its vocabulary.'),
    site: z
      .strictObject({
        url: z.string().optional(),
        name: z.string().optional(),
        language: z.string().optional(),
        basePath: z.string().optional(),
        publisher: z
          .strictObject({ name: z.string().min(1), url: z.string().optional(), logo: z.string().optional() })
          .optional(),
        author: person.optional(),
        reviewer: person.optional(),
        feedEntries: z
          .number({ error: FEED_ENTRIES })
          .int({ error: FEED_ENTRIES })
          .positive({ error: FEED_ENTRIES })
          .optional()
          .describe("Entries in feed.xml: past this many pages, the newest this many, newest first (default 20)."),
      })
      .optional()
      .describe("Facts about the site the articles are published on."),
    read: z
      .strictObject({
        maxFileSize: z.number().int().positive().optional().describe("Largest draft read, in bytes (default 10 MB)."),
        from: z.enum(["bundle", "markdown", "html", "json"]).optional().describe("Skip format sniffing."),
        markers: z
          .strictObject({
            start: z.string().min(1).optional(),
            end: z.string().min(1).optional(),
            single: z.array(z.string().min(1)).optional(),
          })
          .optional()
          .describe("Names of the JSON-LD marker lines in bundles."),
      })
      .optional(),
    generate: GenerateConfigSchema.optional().describe("Settings of `copydesk generate` (see docs/generate.md)."),
    cache: z
      .strictObject({ enabled: z.boolean().optional(), dir: z.string().min(1).optional() })
      .optional()
      .describe("The content-hash cache of check results."),
  })
  .describe("copydesk configuration (copydesk.config.json)");

export type ConfigInput = z.input<typeof configSchema>;

/** Typed helper for `copydesk.config.mjs`: `export default defineConfig({...})`. */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}

export interface ResolvedConfig {
  /** enabled rules, in registry order */
  rules: ResolvedRule[];
  /** run settings without `now`, which the caller injects */
  settings: Omit<RunSettings, "now">;
  read: NonNullable<ConfigInput["read"]>;
  generate: GenerateConfig;
  cache: { enabled: boolean; dir: string };
  /** the config file used, when there was one */
  path?: string;
}

export interface ConfigIssue {
  /** dot-path of the offending value ("rules.seo/title-length", "site.url") */
  path: string;
  message: string;
}

/** Every problem of a config at once. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    readonly issues: ConfigIssue[],
    readonly file?: string,
  ) {
    super(`${file ?? "config"} is invalid:\n${issues.map((i) => `  ${i.path || "(root)"}: ${i.message}`).join("\n")}`);
  }
}

/** Settings given on the command line; they win over the file. */
export interface ConfigOverrides {
  rules?: Record<string, SeveritySetting>;
  health?: "auto" | "on" | "off";
}

export interface ResolveOptions {
  /** the registry to resolve against (the CLI passes `allRules`) */
  registry: readonly AnyRule[];
  path?: string;
  overrides?: ConfigOverrides;
}

function dotPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join(".");
}

/** Known keys of the (strict) object schema at `path`, for "did you mean" on unknown keys. */
function knownKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: any = schema;
  for (const key of path) {
    while (current?.unwrap && !current.shape) current = current.unwrap();
    current = current?.shape?.[key as string];
  }
  while (current?.unwrap && !current.shape) current = current.unwrap();
  return current?.shape ? Object.keys(current.shape) : [];
}

function zodIssues(schema: z.ZodType, error: z.ZodError, prefix: ReadonlyArray<PropertyKey>): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        out.push({
          path: dotPath([...prefix, ...issue.path, key]),
          message: `unknown key${didYouMeanSuffix(key, known)}`,
        });
      }
    } else {
      out.push({ path: dotPath([...prefix, ...issue.path]), message: issue.message });
    }
  }
  return out;
}

/** Parsed options of a rule with its defaults, or the problems with them. */
function ruleOptions(rule: AnyRule, raw: unknown, path: PropertyKey[], issues: ConfigIssue[]): Record<string, unknown> {
  const schema = rule.meta.options;
  if (!schema) {
    if (raw !== undefined && Object.keys(raw as object).length > 0) {
      issues.push({ path: dotPath(path), message: `rule ${rule.meta.id} takes no options` });
    }
    return {};
  }
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data as Record<string, unknown>;
  issues.push(...zodIssues(schema, parsed.error, path));
  return {};
}

/**
 * Validates a config object and resolves it against the rule registry:
 * presets first, then `rules`, then command-line overrides. Throws a
 * ConfigError listing every problem with its path.
 */
export function resolveConfig(input: unknown, options: ResolveOptions): ResolvedConfig {
  const { registry } = options;
  const parsed = configSchema.safeParse(input ?? {});
  const issues: ConfigIssue[] = [];
  if (!parsed.success) issues.push(...zodIssues(configSchema, parsed.error, []));
  const config: ConfigInput = parsed.success ? parsed.data : {};

  const byId = new Map(registry.map((r) => [r.meta.id, r]));
  const presets = config.extends === undefined ? ["recommended"] : [config.extends].flat();
  const severities = new Map<string, Severity>();
  for (const name of presets) {
    for (const [id, severity] of presetRules(name as "recommended", registry)) severities.set(id, severity);
  }
  const rawOptions = new Map<string, unknown>();

  const apply = (source: Record<string, unknown>, prefix: string) => {
    for (const [id, setting] of Object.entries(source)) {
      const path = prefix === "rules" ? ["rules", id] : [prefix, id];
      if (!byId.has(id)) {
        issues.push({ path: dotPath(path), message: `unknown rule "${id}"${didYouMeanSuffix(id, byId.keys())}` });
        continue;
      }
      const [severity, opts] = Array.isArray(setting) ? setting : [setting];
      if (severity === "off") severities.delete(id);
      else severities.set(id, severity as Severity);
      if (opts !== undefined) rawOptions.set(id, opts);
    }
  };
  // even when other parts are invalid, check the rule ids too, so one run lists every problem
  const rawRules = parsed.success ? config.rules : (input as { rules?: unknown } | null)?.rules;
  if (rawRules && typeof rawRules === "object" && !Array.isArray(rawRules)) {
    const wellFormed = Object.entries(rawRules).filter(([, v]) => ruleSetting.safeParse(v).success);
    apply(Object.fromEntries(wellFormed), "rules");
  }
  if (options.overrides?.rules) apply(options.overrides.rules, "--rule");

  const rules: ResolvedRule[] = [];
  for (const rule of registry) {
    const severity = severities.get(rule.meta.id);
    const raw = rawOptions.get(rule.meta.id);
    // options are checked even for rules switched off, so a typo never hides
    const opts = ruleOptions(rule, raw, ["rules", rule.meta.id, "1"], issues);
    if (severity) rules.push({ rule, severity, options: opts });
  }
  if (issues.length > 0) throw new ConfigError(issues, options.path);

  const health = options.overrides?.health ?? config.health ?? (presets.includes("health") ? "on" : "auto");
  const settings: Omit<RunSettings, "now"> = { health };
  if (config.site) settings.site = config.site;
  const resolved: ResolvedConfig = {
    rules,
    settings,
    read: config.read ?? {},
    generate: config.generate ?? {},
    cache: { enabled: config.cache?.enabled ?? true, dir: config.cache?.dir ?? DEFAULT_CACHE_DIR },
  };
  if (options.path) resolved.path = options.path;
  return resolved;
}
