import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runOrdered } from "../src/engine/pool.js";

// `npm test` builds first: dist/bundle/worker.cjs runs worker-body.cjs with V8's code cache
const root = fileURLToPath(new URL("..", import.meta.url));
const bundleDir = join(root, "dist/bundle");
const worker = join(bundleDir, "worker.cjs");

type CheckTask = (task: { paths: readonly string[]; spec: object }) => Promise<unknown>;

/** examples/ in a fresh folder, with a copydesk.config.mjs that a pool thread must load with Node's import() */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "copydesk-worker-body-"));
  cpSync(join(root, "examples"), dir, { recursive: true });
  writeFileSync(join(dir, "copydesk.config.mjs"), 'export default { extends: "strict", health: "on" };\n');
  return dir;
}

describe("the pool worker's CommonJS body (dist/bundle/worker-body.cjs)", () => {
  it("checks with a user's .mjs config exactly as dist's modules do", async () => {
    const cwd = project();
    const spec = { cwd, now: "2026-11-24T00:00:00Z", extras: true };
    const tasks = readdirSync(cwd)
      .filter((name) => !name.endsWith(".mjs"))
      .sort()
      .map((name) => ({ paths: [name], spec }));
    const pooled: unknown[] = [];
    await runOrdered(tasks, {
      workers: 2,
      workerFile: pathToFileURL(worker),
      inProcess: () => {
        throw new Error("not used");
      },
      onResult: (records) => pooled.push(records),
    });
    const { checkTask } = (await import(pathToFileURL(join(root, "dist/engine/batch.js")).href)) as {
      checkTask: CheckTask;
    };
    const plain = await Promise.all(tasks.map((t) => checkTask(t)));
    expect(pooled).toHaveLength(4);
    expect(pooled).toEqual(plain);
    // the strict preset's findings differ from the recommended ones: the config was read
    const recommended = await checkTask({
      paths: [tasks[0]?.paths[0] as string],
      spec: { ...spec, cwd: join(root, "examples") },
    });
    expect(recommended).not.toEqual(plain[0]);
  });

  it("writes its code cache after 25 tasks and a new thread takes its code from it", () => {
    // a copy of the bundle, so the test neither sees nor leaves a cache in dist/bundle/
    const copy = mkdtempSync(join(tmpdir(), "copydesk-worker-cache-"));
    cpSync(bundleDir, join(copy, "bundle"), { recursive: true, filter: (f) => !f.endsWith(".v8cache") });
    for (const dir of ["engine", "vocab"]) cpSync(join(root, "dist", dir), join(copy, dir), { recursive: true });
    const cwd = project();
    const files = readdirSync(cwd)
      .filter((name) => !name.endsWith(".mjs"))
      .slice(0, 1);
    const load = `
      const w = (await import("node:module")).createRequire(import.meta.url)(${JSON.stringify(join(copy, "bundle/worker.cjs"))});
      const spec = { cwd: ${JSON.stringify(cwd)}, now: "2026-11-24T00:00:00Z" };
      for (let i = 0; i < Number(process.argv[1]); i++) await w.default({ paths: ${JSON.stringify(files)}, spec });
      process.stdout.write(String(w.fromCodeCache));`;
    const run = (tasks: number) =>
      spawnSync(process.execPath, ["--input-type=module", "-e", load, String(tasks)], { encoding: "utf8" });
    const caches = () => readdirSync(join(copy, "bundle")).filter((n) => n.endsWith(".v8cache"));
    expect(run(24).stdout).toBe("false");
    expect(caches()).toEqual([]);
    expect(run(25).stdout).toBe("false");
    expect(caches()).toHaveLength(1);
    const [cache] = caches();
    expect(cache).toMatch(/^worker-body\.cjs\.[0-9a-f]{16}-[0-9a-f]+\.v8cache$/);
    const bytes = readFileSync(join(copy, "bundle", cache as string));
    expect(run(30).stdout).toBe("true");
    expect(readFileSync(join(copy, "bundle", cache as string))).toEqual(bytes); // not written again
    rmSync(copy, { recursive: true, force: true });
  }, 60_000);
});
