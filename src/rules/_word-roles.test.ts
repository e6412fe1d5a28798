import { describe, expect, it, vi } from "vitest";
import { lexemeOf } from "../text/lexeme.js";
import { defineRole, rolesOf } from "./_word-roles.js";

describe("word roles", () => {
  it("gives each role a bit kept on the lexeme; a role defined after the first question gets none", () => {
    const fruit = defineRole((norm) => norm === "apple" || norm === "pear");
    const short = defineRole((norm) => norm.length <= 4);
    expect([fruit, short]).toEqual([1, 2]);
    expect(lexemeOf("pear").roles).toBe(-1);
    expect(rolesOf(lexemeOf("apple"))).toBe(1);
    expect(rolesOf(lexemeOf("pear"))).toBe(3);
    expect(rolesOf(lexemeOf("fig"))).toBe(2);
    expect(rolesOf(lexemeOf("banana"))).toBe(0);
    expect(lexemeOf("pear").roles).toBe(3);
    expect(defineRole(() => true)).toBe(0);
    expect(rolesOf(lexemeOf("kiwi"))).toBe(2);
  });

  it("has 31 bits, small integers all", async () => {
    vi.resetModules();
    const fresh = await import("./_word-roles.js");
    const bits = Array.from({ length: 32 }, () => fresh.defineRole(() => true));
    expect(bits[0]).toBe(1);
    expect(bits[30]).toBe(2 ** 30);
    expect(bits[31]).toBe(0);
    expect(fresh.rolesOf(lexemeOf("anything"))).toBe(2 ** 31 - 1);
  });
});
