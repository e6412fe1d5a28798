import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { crc32 } from "node:zlib";
import { writeFileAtomicSync } from "../io/write.js";
import { VERSION } from "../version.js";
import type { CheckSpec } from "./batch.js";
import { codeFingerprint, sha256 } from "./cache.js";
import { DEFAULT_CACHE_DIR } from "./cache-dir.js";
import { findConfigFile, isModuleConfig } from "./config-find.js";

/**
 * The cache salt of a check, remembered by what it was resolved from, so an unchanged re-run finds its
 * cache without resolving the config (which loads the schema library and every rule module).
 *
 * The resolved config, and so the salt, depends on nothing but the code (copydesk's version and the
 * fingerprint of its modules, presets and rules included), the config file's bytes (a JSON one: an ES
 * module config may import anything, so it is never remembered), the command's options (`CheckSpec`)
 * and the day. All of them name the memo: a change of any means no memo, and the run resolves the config
 * as always. Memos live in the default cache folder only (a config that puts the cache elsewhere is
 * never read before it is resolved); one file per setup but the day, so they do not pile up.
 *
 * The file: `{"format","key","salt","crc"}`, the crc over key and salt; anything else is ignored.
 */
const FORMAT = 1;

interface Memo {
  format: number;
  key: string;
  salt: string;
  crc: number;
}

/** Where the memo of `spec` is kept and the key it must hold; undefined when the setup cannot be named by bytes. */
function memoOf(spec: CheckSpec): { path: string; key: string } | undefined {
  const configPath = spec.configPath ? resolve(spec.cwd, spec.configPath) : findConfigFile(spec.cwd);
  let config = "none";
  if (configPath) {
    if (isModuleConfig(configPath)) return undefined;
    try {
      config = sha256(readFileSync(configPath));
    } catch {
      return undefined; // resolving it reports why
    }
  }
  const setup = JSON.stringify([
    VERSION,
    codeFingerprint(),
    spec.cwd,
    configPath ?? null,
    config,
    spec.overrides ?? null,
    spec.from ?? null,
    !!spec.errorsOnly,
    !!spec.extras,
    spec.render ?? null,
    spec.page ?? null,
  ]);
  const dir = resolve(spec.cwd, DEFAULT_CACHE_DIR);
  return {
    path: join(dir, `setup-${sha256(setup).slice(0, 16)}.memo`),
    key: sha256(`${setup}\0${spec.now.slice(0, 10)}`),
  };
}

/** The salt remembered for `spec`'s setup today, if any. */
export function rememberedSalt(spec: CheckSpec): string | undefined {
  const at = memoOf(spec);
  return at && saltIn(at);
}

/** The salt a memo file holds for `at.key`, if it holds one intact. */
function saltIn(at: { path: string; key: string }): string | undefined {
  try {
    const memo = JSON.parse(readFileSync(at.path, "utf8")) as Partial<Memo>;
    if (memo.format !== FORMAT || memo.key !== at.key || typeof memo.salt !== "string") return undefined;
    return memo.crc === crc32(`${memo.key}\0${memo.salt}`) ? memo.salt : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `salt` for `spec`'s setup, when its cache is in the default folder (`cacheDir`, absolute). */
export function rememberSalt(spec: CheckSpec, cacheDir: string, salt: string): void {
  const at = memoOf(spec);
  if (!at || cacheDir !== resolve(spec.cwd, DEFAULT_CACHE_DIR) || saltIn(at) === salt) return;
  const memo: Memo = { format: FORMAT, key: at.key, salt, crc: crc32(`${at.key}\0${salt}`) };
  try {
    writeFileAtomicSync(at.path, `${JSON.stringify(memo)}\n`);
  } catch {
    // an optimisation only
  }
}
