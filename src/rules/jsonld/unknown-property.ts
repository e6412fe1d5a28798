import type { Rule } from "../../engine/types.js";
import { childPointer, jsonLdNodes, keySpan, schemaTerm, usesForeignVocab } from "../../jsonld/nodes.js";
import type { VocabIndex } from "../../vocab/types.js";

export const unknownProperty: Rule = {
  meta: {
    id: "jsonld/unknown-property",
    description:
      "Properties must exist in schema.org and be declared on the node's type or one of its super-types (any of the types, for multi-typed nodes).",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      unknown: "`{{property}}` is not a schema.org property, so consumers ignore it.{{hint}}",
      notOnType:
        "`{{property}}` is a schema.org property, but not one of `{{types}}` (or its super-types), so consumers may ignore it.{{hint}}",
    },
  },
  check(ctx) {
    const { vocab } = ctx;
    const nodes = jsonLdNodes(ctx.article);
    // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      // untyped, extension-typed or unknown-typed nodes cannot be judged (jsonld/unknown-type reports the latter)
      if (node.types.length === 0 || node.hasExtensionType || usesForeignVocab(node.block)) continue;
      if (!node.types.every((t) => vocab.hasType(t))) continue;
      const keys = Object.keys(node.value);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        const property = schemaTerm(key, node.contextTerms);
        if (property === undefined || allowedOnSome(vocab, node.types, property)) continue;
        // a Role repeats the property it qualifies: {"member": {"@type": "OrganizationRole", "member": {…}}}
        if (property === node.property && node.types.some((t) => vocab.isSubtypeOf(t, "Role"))) continue;
        const known = vocab.hasProperty(property);
        const suggestion = vocab.suggestProperty(node.types, property);
        const hint =
          suggestion && suggestion !== property
            ? ` Did you mean \`${suggestion}\`?`
            : known
              ? " Move it to a node of a type that has it, or remove it."
              : " Remove it or use a schema.org property.";
        ctx.report({
          messageId: known ? "notOnType" : "unknown",
          data: { property: key, types: node.types.join("`, `"), hint },
          span: keySpan(node.block, childPointer(node.pointer, key)),
        });
      }
    }
  },
};

/** Whether one of `types` has `property` (a loop, not `some` with a closure made for every member of every node). */
function allowedOnSome(vocab: VocabIndex, types: readonly string[], property: string): boolean {
  for (let i = 0; i < types.length; i++) if (vocab.allows(types[i]!, property)) return true;
  return false;
}
