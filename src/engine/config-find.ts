// Finding the config file, apart from reading and validating it (config-load.ts, config.ts): an
// unchanged re-run names its config by the file's bytes without loading the schema library.
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Looked for in this order in each directory, from the working directory up. */
export const CONFIG_FILES = ["copydesk.config.json", "copydesk.config.mjs"] as const;

/** Whether config-load.ts imports the file as an ES module (otherwise it is read as JSON). */
export function isModuleConfig(path: string): boolean {
  return path.endsWith(".mjs") || path.endsWith(".js");
}

export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
