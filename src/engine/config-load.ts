// The config's file access, kept apart from the pure validation in config.ts.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, type ConfigOverrides, type ResolvedConfig, resolveConfig } from "./config.js";
import { findConfigFile, isModuleConfig } from "./config-find.js";
import type { AnyRule } from "./types.js";

export { CONFIG_FILES, findConfigFile } from "./config-find.js";

/** Reads a config file: JSON, or the default export of an ES module. */
export async function readConfigFile(path: string): Promise<unknown> {
  if (!existsSync(path)) throw new ConfigError([{ path: "", message: "file not found" }], path);
  if (isModuleConfig(path)) {
    let mod: { default?: unknown };
    try {
      mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
    } catch (err) {
      throw new ConfigError([{ path: "", message: `could not load: ${(err as Error).message}` }], path);
    }
    if (mod.default === undefined) throw new ConfigError([{ path: "", message: "has no default export" }], path);
    return mod.default;
  }
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (err) {
    throw new ConfigError([{ path: "", message: `is not valid JSON (${(err as Error).message})` }], path);
  }
}

export interface LoadConfigOptions {
  cwd: string;
  /** an explicit `--config` path (relative to cwd); no upward search then */
  configPath?: string;
  registry: readonly AnyRule[];
  overrides?: ConfigOverrides;
}

/** Finds, reads and resolves the config; with no file anywhere, the `recommended` preset applies. */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const path = options.configPath ? resolve(options.cwd, options.configPath) : findConfigFile(options.cwd);
  const input = path ? await readConfigFile(path) : {};
  const resolveOptions = {
    registry: options.registry,
    ...(path ? { path } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
  };
  return resolveConfig(input, resolveOptions);
}
