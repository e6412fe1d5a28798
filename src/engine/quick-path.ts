import { isAbsolute, relative, resolve, sep } from "node:path";

/**
 * `path.resolve` and `path.relative` for the common case of a run over thousands of drafts: a plain
 * relative path under a normalised working directory. Both Node functions normalise every segment of
 * both arguments on each call (`relative` resolves both first); a rebuild with one changed draft among
 * 10,000 called them 10,000 times each for ~4 % of its time. Anything else takes Node's functions.
 */

/** a leading slash, a segment `.` or `..`, an empty segment, or a backslash (a separator on Windows) */
const UNPLAIN = /^\/|(^|\/)\.\.?(\/|$)|\/\/|\\/;

/** cwd → whether it is absolute and normalised (and the prefix its children start with) */
let lastCwd = "";
let lastPrefix: string | undefined;

function prefixOf(cwd: string): string | undefined {
  if (cwd !== lastCwd) {
    lastCwd = cwd;
    lastPrefix =
      sep === "/" && isAbsolute(cwd) && resolve(cwd) === cwd ? (cwd.endsWith("/") ? cwd : `${cwd}/`) : undefined;
  }
  return lastPrefix;
}

/** `resolve(cwd, path)`. */
export function resolveIn(cwd: string, path: string): string {
  const prefix = prefixOf(cwd);
  if (prefix === undefined || path === "" || path.endsWith("/") || isAbsolute(path) || UNPLAIN.test(path))
    return resolve(cwd, path);
  return prefix + path;
}

/** `relative(cwd, abs)` for an absolute path. */
export function relativeIn(cwd: string, abs: string): string {
  const prefix = prefixOf(cwd);
  if (
    prefix === undefined ||
    !abs.startsWith(prefix) ||
    abs.length === prefix.length ||
    abs.endsWith("/") ||
    UNPLAIN.test(abs.slice(prefix.length))
  )
    return relative(cwd, abs);
  return abs.slice(prefix.length);
}
