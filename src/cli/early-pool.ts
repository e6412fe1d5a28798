import { existsSync, readdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_CACHE_DIR } from "../engine/cache-dir.js";
import { findConfigFile } from "../engine/config-find.js";
import { autoWorkers, MIN_TASKS_FOR_POOL } from "../engine/pool.js";
import { DRAFT_EXTENSIONS } from "./draft-names.js";

/** Options of `check` and `build` that take a value: the word after one is not an input. */
export const VALUED: ReadonlySet<string> = new Set([
  "-f",
  "--format",
  "--max-warnings",
  "--rule",
  "-c",
  "--config",
  "--from",
  "--cache-strategy",
  "--workers",
  "--health",
  "-o",
  "--out",
  "--article-type",
]);
const DRAFT = new RegExp(`\\.(?:${DRAFT_EXTENSIONS.join("|")})$`);

/**
 * The workers a `check` or `build` run with these arguments will surely run a pool with, judged before
 * the CLI is even loaded (bin/copydesk.js starts that pool at once: `startPoolEarly`), or 0 when it may
 * not need one. Sure means: enough drafts at the top of the folders and among the files named (a lower
 * bound of what the run checks), and none of them served from a cache (`--no-cache`, or no cache folder
 * yet and, for `check`, no config that could put it elsewhere). A run this misjudges starts its pool when
 * it begins, as it always did; one that needs no pool after all ends this one unused.
 */
export function earlyPoolWorkers(argv: readonly string[], cwd: string): number {
  let command: string | undefined;
  let workers = "auto";
  let cache = true;
  let config = false;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (!word.startsWith("-") || word === "-") {
      if (command === undefined) command = word;
      else inputs.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    const name = eq > 0 ? word.slice(0, eq) : word;
    const value = eq > 0 ? word.slice(eq + 1) : VALUED.has(name) ? argv[++i] : undefined;
    if (name === "--workers") workers = value ?? "";
    else if (name === "--no-cache") cache = false;
    else if (name === "-c" || name === "--config") config = true;
  }
  if (command !== "check" && command !== "build") return 0;
  const asked = workers === "auto" ? undefined : Number(workers);
  if (asked !== undefined && !(Number.isInteger(asked) && asked > 1)) return 0;
  if (cache && existsSync(resolve(cwd, DEFAULT_CACHE_DIR))) return 0;
  if (cache && command === "check" && (config || findConfigFile(cwd) !== undefined)) return 0;
  const needed = asked ?? MIN_TASKS_FOR_POOL;
  let count = 0;
  for (const input of inputs) {
    if (count >= needed) break;
    const abs = resolve(cwd, input);
    if (DRAFT.test(input)) count++;
    else if (statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
      try {
        for (const name of readdirSync(abs)) if (DRAFT.test(name) && name.charCodeAt(0) !== 46) count++;
      } catch {
        // unreadable: the run reports it
      }
    }
  }
  if (count < needed) return 0;
  return asked ?? autoWorkers(count);
}
