import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runOrdered } from "../src/engine/pool.js";

// `npm test` builds first: these compare the bundles in dist/bundle/ with dist/'s own modules.
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin/copydesk.js");
const bundleDir = join(root, "dist/bundle");

/** in `dir`: the CLI bundled (bin/copydesk.js) or from dist/'s modules, which the bundle must match byte for byte */
function run(dir: string, bundled: boolean, ...args: string[]) {
  const cwd = join(dir, "work");
  const argv = [bundled ? bin : join(dir, "plain-cli.mjs"), ...args];
  const r = spawnSync(process.execPath, argv, { cwd, encoding: "utf8" });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** every file under `dir`, by relative path; the feed's build time blanked */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    let text: string;
    try {
      text = readFileSync(join(dir, name), "utf8");
    } catch {
      continue; // a directory
    }
    files[name] = text.replace(/<updated>[^<]*<\/updated>/g, "<updated/>");
  }
  return files;
}

describe("the bundled CLI and pool worker", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-bundle-"));
    cpSync(join(root, "examples"), join(dir, "work/drafts"), { recursive: true });
    const main = pathToFileURL(join(root, "dist/cli/main.js")).href;
    writeFileSync(
      join(dir, "plain-cli.mjs"),
      `const { main } = await import(${JSON.stringify(main)});\nprocess.exitCode = await main(process.argv.slice(2));\n`,
    );
  });

  it("bin/copydesk.js loads the bundle, which dist/bundle/ holds with its source maps", () => {
    expect(readFileSync(bin, "utf8")).toContain('import("../dist/bundle/cli.js")');
    const names = readdirSync(bundleDir);
    expect(names).toContain("cli.js");
    expect(names).toContain("worker.cjs");
    expect(names).toContain("launch.cjs");
    for (const js of names.filter((n) => n.endsWith(".js"))) expect(names).toContain(`${js}.map`);
  });

  it("gives check, inspect and build the same bytes and exit codes as dist's modules", () => {
    const cases = [
      ["check", "--no-cache", "drafts"],
      ["check", "--no-cache", "--format", "json", "drafts"],
      ["inspect", "drafts/coffee-roasting.txt"],
      ["inspect", "drafts/missing.txt"],
    ];
    for (const args of cases) {
      const bundled = run(dir, true, ...args);
      expect(bundled).toEqual(run(dir, false, ...args));
      expect(bundled.out.length + bundled.err.length).toBeGreaterThan(20);
    }
    expect(run(dir, true, "check", "--no-cache", "drafts").status).toBe(1);

    const built = run(dir, true, "build", "--no-cache", "--out", "site-bundled", "drafts");
    const plain = run(dir, false, "build", "--no-cache", "--out", "site-plain", "drafts");
    expect(built.status).toBe(1); // two drafts are held back for their errors
    expect(built.err.replaceAll("site-bundled", "site")).toBe(plain.err.replaceAll("site-plain", "site"));
    expect(built.out.replaceAll("site-bundled", "site")).toBe(plain.out.replaceAll("site-plain", "site"));
    const pages = tree(join(dir, "work/site-bundled"));
    expect(Object.keys(pages)).toContain("theme.css"); // found from the bundle through its dist/ module's URL
    expect(pages).toEqual(tree(join(dir, "work/site-plain")));
  }, 120_000); // eleven CLI processes one after another: ~20 s idle, up to ~50 s on a busy 2-core runner

  it("resolves each module's files from its dist/ place, not from the bundle's", () => {
    const code = readdirSync(bundleDir)
      .filter((n) => n.endsWith(".js"))
      .map((n) => readFileSync(join(bundleDir, n), "utf8"))
      .join("\n");
    // the vocabulary index beside dist/vocab/index.js, the worker chooser in dist/engine/
    expect(code).toContain('new URL("../vocab/index.js", import.meta.url).href');
    expect(code).toContain('new URL("../engine/worker-file.js", import.meta.url).href');
  });

  it("checks in the bundled pool worker exactly as in dist's modules", async () => {
    const { checkWorkerFile } = (await import(pathToFileURL(join(root, "dist/engine/worker-file.js")).href)) as {
      checkWorkerFile: () => URL;
    };
    const { checkTask } = (await import(pathToFileURL(join(root, "dist/engine/batch.js")).href)) as {
      checkTask: (task: { paths: readonly string[]; spec: object }) => Promise<unknown>;
    };
    const workerFile = checkWorkerFile();
    expect(fileURLToPath(workerFile)).toBe(join(bundleDir, "worker.cjs"));
    const spec = { cwd: join(dir, "work/drafts"), now: "2026-11-24T00:00:00Z", extras: true };
    const tasks = readdirSync(spec.cwd)
      .sort()
      .map((name) => ({ paths: [name], spec }));
    const pooled: unknown[] = [];
    await runOrdered(tasks, {
      workers: 2,
      workerFile,
      inProcess: () => {
        throw new Error("not used");
      },
      onResult: (records) => pooled.push(records),
    });
    const plain = await Promise.all(tasks.map((t) => checkTask(t)));
    expect(pooled).toHaveLength(4);
    expect(pooled).toEqual(plain);
  });

  it("falls back to the unbundled worker when the bundle is missing or older than the modules", async () => {
    const copy = mkdtempSync(join(tmpdir(), "copydesk-worker-file-"));
    mkdirSync(join(copy, "engine"));
    mkdirSync(join(copy, "bundle"));
    const chooser = join(copy, "engine/worker-file.js");
    copyFileSync(join(root, "dist/engine/worker-file.js"), chooser);
    copyFileSync(join(root, "dist/engine/worker-file.js.map"), `${chooser}.map`);
    const { checkWorkerFile } = (await import(pathToFileURL(chooser).href)) as { checkWorkerFile: () => URL };
    const plain = join(copy, "engine/worker.js");
    const bundled = join(copy, "bundle/worker.cjs");
    expect(fileURLToPath(checkWorkerFile())).toBe(plain);
    writeFileSync(bundled, "module.exports = () => [];\n");
    utimesSync(chooser, new Date(2026, 0, 2), new Date(2026, 0, 2));
    utimesSync(bundled, new Date(2026, 0, 1), new Date(2026, 0, 1));
    expect(fileURLToPath(checkWorkerFile())).toBe(plain); // `tsc` ran after the last bundle
    utimesSync(bundled, new Date(2026, 0, 3), new Date(2026, 0, 3));
    expect(fileURLToPath(checkWorkerFile())).toBe(bundled);
  });
});
