import { isAbsolute, relative } from "node:path";
import { pathToFileURL } from "node:url";

/** Path relative to `cwd` with forward slashes; absolute paths outside `cwd` stay absolute. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return path.replaceAll("\\", "/");
  return rel.replaceAll("\\", "/");
}

/** A SARIF artifact URI: relative with forward slashes under `cwd`, else a file: URL. */
export function artifactUri(path: string, cwd: string): { uri: string; relative: boolean } {
  const rel = relative(cwd, path);
  if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)) {
    return { uri: rel.split(/[\\/]/).map(encodeURIComponent).join("/"), relative: true };
  }
  return { uri: pathToFileURL(path).href, relative: false };
}

/** `file:` URL of a directory, with the trailing slash SARIF base URIs need. */
export function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}
