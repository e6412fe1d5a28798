// Shared bench helpers: argument parsing, the dist/ check and a warm median timer.
import { existsSync } from "node:fs";

const args = process.argv.slice(2);

/** Value of `--name` on the command line, or `dflt`. */
export function opt(name, dflt) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
}

/** Whether `--name` was given. */
export const flag = (name) => args.includes(`--${name}`);

/** URL of a built module; exits with a message when dist/ is missing. */
export function dist(path, bench) {
  const url = new URL(`../dist/${path}`, import.meta.url);
  if (!existsSync(url)) {
    console.error(`${bench}: dist/ is missing; run \`npm run build\` first`);
    process.exit(1);
  }
  return url;
}

/** Median ms of `n` calls after a warm-up (default: up to 100 calls). */
export function median(fn, n, warm = Math.min(100, n)) {
  for (let i = 0; i < warm; i++) fn();
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
