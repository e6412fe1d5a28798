#!/usr/bin/env node
// Build: wall time to publish 1,000 generated articles (target < 5 s), end to end through
// `copydesk build` (load, read, lint with the recommended rules, graph, page, site files, atomic writes),
// plus the writer alone (graph + page + sitemap/feed/index) on already-read articles, and the same build
// through the CLI in a child process, from process start to exit (what a user waits for; it also starts the
// pool thread before the CLI loads, which an in-process `main()` cannot): the 500 pages/s target is judged
// on that figure.
//   node bench/build.bench.mjs [--n 1000] [--json]
// Reads from ../dist: run `npm run build` first.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./corpus/generate.mjs";
import { dist as built, flag, opt } from "./lib.mjs";

const dist = (p) => built(p, "build");
const { main, limitHeapGrowth, tuneTiering } = await import(dist("cli/main.js").href);
// the V8 settings bin/copydesk.js applies before a run (src/cli/heap.ts, tiering.ts), so this is `build`'s speed
limitHeapGrowth();
tuneTiering();
const { readArticle } = await import(dist("read/index.js").href);
const { buildSite } = await import(dist("write/site.js").href);

const n = Number(opt("n", 1000));
const work = mkdtempSync(join(tmpdir(), "copydesk-build-bench-"));
try {
  const files = generateCorpus({ n, seed: 7, out: join(work, "drafts"), words: 1700 });
  const silent = { stdout: () => {}, stderr: () => {}, cwd: work, env: {}, isTTY: false };

  const t0 = performance.now();
  const code = await main(["build", join(work, "drafts"), "--out", join(work, "site"), "--allow-errors"], silent);
  const endToEnd = performance.now() - t0;
  if (code !== 0) throw new Error(`copydesk build exited ${code}`);

  const bin = fileURLToPath(new URL("../bin/copydesk.js", import.meta.url));
  const cliArgs = [bin, "build", "drafts", "--out", "site-cli", "--allow-errors", "--no-cache"];
  const t2 = performance.now();
  const cli = spawnSync(process.execPath, cliArgs, { cwd: work, stdio: ["ignore", "ignore", "pipe"] });
  const cliMs = performance.now() - t2;
  if (cli.status !== 0) throw new Error(`copydesk build (CLI) exited ${cli.status}: ${cli.stderr}`);

  const articles = files.map((path) => readArticle({ path, text: readFileSync(path, "utf8") }));
  const inputs = articles.map((article) => ({ article, diagnostics: [], health: false }));
  const options = {
    site: { url: "https://bench.example.org", name: "Bench", publisher: { name: "Bench" } },
    themeCss: "",
    now: new Date(),
  };
  await buildSite(inputs.slice(0, 50), options); // warm-up
  const t1 = performance.now();
  const site = await buildSite(inputs, options);
  const writerOnly = performance.now() - t1;

  const result = {
    articles: n,
    endToEndMs: Math.round(endToEnd),
    pagesPerSecond: Math.round((n / endToEnd) * 1000),
    cliMs: Math.round(cliMs),
    cliPagesPerSecond: Math.round((n / cliMs) * 1000),
    writerOnlyMs: Math.round(writerOnly),
    files: site.files.size,
    targetMs: 5000,
    // issue 7's throughput target, on the same run
    targetPagesPerSecond: 500,
  };
  const missed = [
    ...(endToEnd > result.targetMs ? [`< ${result.targetMs} ms`] : []),
    ...(result.cliPagesPerSecond < result.targetPagesPerSecond
      ? [`≥ ${result.targetPagesPerSecond} pages/s through the CLI`]
      : []),
  ];
  if (flag("json")) console.log(JSON.stringify({ bench: "build", ...result, missed }));
  else
    console.log(
      `build: ${n} articles end to end in ${result.endToEndMs} ms in process (${result.pagesPerSecond} pages/s), ${result.cliMs} ms through the CLI (${result.cliPagesPerSecond} pages/s; targets < 5000 ms and ≥ 500 pages/s through the CLI) — writer alone ${result.writerOnlyMs} ms for ${result.files} files${missed.length ? ` — MISSED: ${missed.join(", ")}` : ""}`,
    );
  if (missed.length) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
