import { relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { relativeIn, resolveIn } from "../src/engine/quick-path.js";

// what a run's paths look like, and every shape the quick path must hand to Node's functions
const paths = [
  "a.md",
  "drafts/000001-bundle.txt",
  "drafts/é ü/x.html",
  ".hidden/a.md",
  "..a/b.md",
  "a..md",
  "./a.md",
  "drafts/./a.md",
  "drafts/../a.md",
  "../a.md",
  "..",
  ".",
  "",
  "drafts//a.md",
  "drafts/",
  "drafts\\a.md",
  "/abs/a.md",
];
const cwds = [
  "/example-root/site",
  "/",
  "/example-root/site/",
  "/example-root/./site",
  "/example-root/x/../site",
  "relative/dir",
];

describe("resolveIn and relativeIn", () => {
  it("give what path.resolve gives for every path and working directory", () => {
    for (const cwd of cwds) for (const p of paths) expect(resolveIn(cwd, p), `${cwd} + ${p}`).toBe(resolve(cwd, p));
  });

  it("give what path.relative gives, for paths inside and outside the working directory", () => {
    for (const cwd of cwds)
      for (const p of [
        ...paths.map((p) => `/example-root/site/${p}`),
        "/example-root/site",
        "/example-root/sites/a.md",
        "/other/a.md",
        "/",
      ])
        expect(relativeIn(cwd, p), `${cwd} → ${p}`).toBe(relative(cwd, p));
  });
});
