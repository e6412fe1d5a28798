import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, resolveConfig } from "../src/engine/config.js";
import { findConfigFile, loadConfig } from "../src/engine/config-load.js";
import { configJsonSchema } from "../src/engine/config-schema.js";
import { presetRules } from "../src/engine/presets.js";
import { didYouMean } from "../src/engine/suggest.js";
import type { AnyRule, Rule } from "../src/engine/types.js";

function fake(id: string, meta: Partial<Rule["meta"]> = {}): Rule {
  return { meta: { id, description: id, severity: "warn", presets: [], messages: { m: "m" }, ...meta }, check() {} };
}

const registry: AnyRule[] = [
  fake("seo/meta-description-length", {
    presets: ["recommended"],
    options: z.strictObject({ min: z.number().int().default(120), max: z.number().int().default(156) }),
  }),
  fake("seo/title-width", { presets: ["recommended"], severity: "error" }),
  fake("readability/passive-voice", { presets: [] }),
  fake("health/review-metadata", { presets: ["health"], healthOnly: true }),
];

const enabled = (input: unknown, overrides?: Parameters<typeof resolveConfig>[1]["overrides"]) =>
  resolveConfig(input, { registry, ...(overrides ? { overrides } : {}) }).rules.map(
    (r) => `${r.rule.meta.id}:${r.severity}`,
  );

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  try {
    resolveConfig(input, { registry });
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("presets", () => {
  it("recommended, strict and health switch on the documented rule sets", () => {
    expect([...presetRules("recommended", registry).keys()]).toEqual([
      "seo/meta-description-length",
      "seo/title-width",
    ]);
    expect(presetRules("strict", registry).size).toBe(4);
    expect([...presetRules("health", registry).keys()]).toEqual([
      "seo/meta-description-length",
      "seo/title-width",
      "health/review-metadata",
    ]);
  });
});

describe("resolveConfig", () => {
  it("defaults to recommended with health auto", () => {
    const config = resolveConfig({}, { registry });
    expect(config.rules.map((r) => [r.rule.meta.id, r.severity, r.options])).toEqual([
      ["seo/meta-description-length", "warn", { min: 120, max: 156 }],
      ["seo/title-width", "error", {}],
    ]);
    expect(config.settings).toEqual({ health: "auto" });
    expect(config.cache).toEqual({ enabled: true, dir: ".copydesk-cache" });
  });

  it("applies presets, then rules, then command-line overrides", () => {
    expect(enabled({ extends: [], rules: { "readability/passive-voice": "info" } })).toEqual([
      "readability/passive-voice:info",
    ]);
    expect(
      enabled(
        { extends: "strict", rules: { "seo/title-width": "off", "readability/passive-voice": ["error"] } },
        { rules: { "readability/passive-voice": "warn", "health/review-metadata": "off" } },
      ),
    ).toEqual(["seo/meta-description-length:warn", "readability/passive-voice:warn"]);
  });

  it("the health preset turns health mode on; explicit settings win", () => {
    expect(resolveConfig({ extends: ["health"] }, { registry }).settings.health).toBe("on");
    expect(resolveConfig({ extends: ["health"], health: "off" }, { registry }).settings.health).toBe("off");
    expect(resolveConfig({ health: "off" }, { registry, overrides: { health: "on" } }).settings.health).toBe("on");
  });

  it("parses rule options with their defaults", () => {
    const config = resolveConfig({ rules: { "seo/meta-description-length": ["error", { min: 100 }] } }, { registry });
    expect(config.rules[0]).toMatchObject({ severity: "error", options: { min: 100, max: 156 } });
  });

  it("keeps site, read, generate and cache settings", () => {
    const config = resolveConfig(
      {
        site: { url: "https://example.org", publisher: { name: "Example" } },
        read: { maxFileSize: 2048, markers: { start: "==S==" } },
        generate: { model: "m" },
        cache: { enabled: false },
      },
      { registry },
    );
    expect(config.settings.site).toEqual({ url: "https://example.org", publisher: { name: "Example" } });
    expect(config.read).toEqual({ maxFileSize: 2048, markers: { start: "==S==" } });
    expect(config.generate).toEqual({ model: "m" });
    expect(config.cache).toEqual({ enabled: false, dir: ".copydesk-cache" });
  });

  it("lists every problem at once with its path and a did-you-mean", () => {
    expect(
      issuesOf({
        extend: "recommended",
        health: "sometimes",
        site: { url: 5, publisher: { nam: "x" } },
        rules: {
          "seo/titel-width": "warn",
          "seo/title-width": "loud",
          "seo/meta-description-length": ["warn", { min: "short", mx: 3 }],
          "readability/passive-voice": ["warn", { any: 1 }],
        },
      }),
    ).toEqual([
      { path: "rules.seo/title-width", message: 'expected "off", "info", "warn", "error" or [severity, {options}]' },
      { path: "health", message: 'Invalid option: expected one of "auto"|"on"|"off"' },
      { path: "site.url", message: "Invalid input: expected string, received number" },
      { path: "site.publisher.name", message: "Invalid input: expected string, received undefined" },
      { path: "site.publisher.nam", message: 'unknown key; did you mean "name"?' },
      { path: "extend", message: 'unknown key; did you mean "extends"?' },
      { path: "rules.seo/titel-width", message: 'unknown rule "seo/titel-width"; did you mean "seo/title-width"?' },
      { path: "rules.seo/meta-description-length.1.min", message: "Invalid input: expected number, received string" },
      { path: "rules.seo/meta-description-length.1.mx", message: 'unknown key; did you mean "max"?' },
      { path: "rules.readability/passive-voice.1", message: "rule readability/passive-voice takes no options" },
    ]);
    expect(
      issuesOf({
        rules: {
          "seo/meta-descripton-length": "warn",
          "title-width": "error",
        },
      }),
    ).toEqual([
      {
        path: "rules.seo/meta-descripton-length",
        message: 'unknown rule "seo/meta-descripton-length"; did you mean "seo/meta-description-length"?',
      },
      { path: "rules.title-width", message: 'unknown rule "title-width"; did you mean "seo/title-width"?' },
    ]);
  });

  it("reports unknown rules given on the command line", () => {
    expect(() => resolveConfig({}, { registry, overrides: { rules: { "seo/nope": "off" } } })).toThrow(
      '--rule.seo/nope: unknown rule "seo/nope"',
    );
  });

  it("suggests only plausible names", () => {
    expect(didYouMean("rulse", ["rules", "read", "site"])).toBe("rules");
    expect(didYouMean("zzzzzz", ["rules", "read", "site"])).toBeUndefined();
  });
});

describe("config files", () => {
  const root = mkdtempSync(join(tmpdir(), "copydesk-config-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("finds copydesk.config.json upward from the working directory", async () => {
    const project = join(root, "json");
    mkdirSync(join(project, "drafts", "deep"), { recursive: true });
    writeFileSync(
      join(project, "copydesk.config.json"),
      JSON.stringify({ extends: [], rules: { "seo/title-width": "info" } }),
    );
    expect(findConfigFile(join(project, "drafts", "deep"))).toBe(join(project, "copydesk.config.json"));
    const config = await loadConfig({ cwd: join(project, "drafts", "deep"), registry });
    expect(config.rules.map((r) => `${r.rule.meta.id}:${r.severity}`)).toEqual(["seo/title-width:info"]);
    expect(config.path).toBe(join(project, "copydesk.config.json"));
  });

  it("loads the default export of copydesk.config.mjs", async () => {
    const project = join(root, "mjs");
    mkdirSync(project);
    writeFileSync(join(project, "copydesk.config.mjs"), 'export default { extends: "strict", health: "on" };\n');
    const config = await loadConfig({ cwd: project, registry });
    expect(config.rules).toHaveLength(4);
    expect(config.settings.health).toBe("on");
  });

  it("uses --config without searching, and names the file in errors", async () => {
    const project = join(root, "explicit");
    mkdirSync(project);
    writeFileSync(join(project, "other.json"), "{ not json");
    await expect(loadConfig({ cwd: project, configPath: "other.json", registry })).rejects.toThrow(
      `${join(project, "other.json")} is invalid:\n  (root): is not valid JSON`,
    );
    await expect(loadConfig({ cwd: project, configPath: "missing.json", registry })).rejects.toThrow("file not found");
  });
});

describe("published JSON Schema", () => {
  it("equals a fresh generation (run `npm run build && node scripts/gen-config-schema.mjs`)", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../schema/copydesk.config.schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(configJsonSchema());
  });
});
