import type { AnyRule, PresetName, Severity } from "./types.js";

export const PRESETS: readonly PresetName[] = ["recommended", "strict", "health"];

/**
 * Which rules a preset switches on, at their default severity.
 * recommended: rules that list it; strict: every rule; health: recommended
 * plus the health rules (the preset also turns health mode on, see config.ts).
 */
export function presetRules(name: PresetName, rules: readonly AnyRule[]): Map<string, Severity> {
  const on = new Map<string, Severity>();
  for (const { meta } of rules) {
    const recommended = meta.presets.includes("recommended");
    const include =
      name === "strict" ||
      recommended ||
      (name === "health" && (meta.presets.includes("health") || meta.healthOnly === true));
    if (include) on.set(meta.id, meta.severity);
  }
  return on;
}
