import { memo, wordNorms } from "./memo.js";
import type { TextAnalysis } from "./types.js";

/**
 * English passive voice, Yoast-style: a clause opened by a form of "be" or
 * "get" that contains a past participle (a regular "-ed" form or one from the
 * irregular list). Clauses end at the next auxiliary or at a clause-opening
 * word ("that", "which", "and", …). Like Yoast this flags adjectival
 * participles too ("is interested"); the thresholds allow for that.
 */
const AUXILIARIES: ReadonlySet<string> = new Set(
  "am is are was were be been being get gets got gotten getting isn't aren't wasn't weren't i'm you're he's she's it's we're they're that's there's".split(
    " ",
  ),
);

const CLAUSE_BREAKS: ReadonlySet<string> = new Set(
  "and but or nor so yet that which who whom whose where when whenever while whereas because although though unless until since if once as after before whether to than".split(
    " ",
  ),
);

const IRREGULAR: ReadonlySet<string> = new Set(
  "arisen awoken beaten become begun bent bet bid bitten bled blown borne born bound bred broken brought built burnt bought cast caught chosen clung come cost crept cut dealt done drawn dreamt drunk driven dug eaten fallen fed felt fought found fled flung flown forbidden forecast forgotten forgiven forsaken frozen given gone ground grown hung heard hidden hit held hurt kept knelt known laid led leapt learnt left lent let lain lit lost made meant met mistaken misunderstood mown overcome overdone overtaken overthrown overseen paid proven put quit read rid ridden rung risen run sawn said seen sought sold sent set sewn shaken shed shone shot shown shrunk shut sung sunk sat slain slept slid slung slit smelt sown spoken sped spent spilt spun spat split spoilt spread sprung stood stolen stuck stung stunk strewn stridden struck strung striven sworn swept swollen swum swung taken taught torn told thought thrown thrust trodden understood undergone undertaken undone upheld upset woken worn woven wed wept wound won withdrawn withheld withstood wrung written".split(
    " ",
  ),
);

/** Words ending in "-ed" that are not participles. */
const NOT_PARTICIPLES: ReadonlySet<string> = new Set(
  "bed red shed sled wed fed led need seed speed feed breed weed deed greed heed reed steed hundred indeed naked sacred wicked rugged ragged kindred hatred shred bred bled fled sped embed infrared".split(
    " ",
  ),
);

/** Words that cannot stand between the auxiliary and a passive participle (the participle then is an adjective or noun use). */
const BLOCKERS: ReadonlySet<string> = new Set(
  "a an the this that these those my your his her its our their no".split(" "),
);

export function isParticiple(norm: string): boolean {
  if (IRREGULAR.has(norm)) return true;
  return norm.length > 4 && norm.endsWith("ed") && !NOT_PARTICIPLES.has(norm);
}

/** Whether the normalised words [from, to) hold an English passive construction. */
export function isPassive(norms: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!AUXILIARIES.has(norms[i] as string)) continue;
    for (let k = i + 1; k < to; k++) {
      const w = norms[k] as string;
      if (AUXILIARIES.has(w) || CLAUSE_BREAKS.has(w)) break;
      if (BLOCKERS.has(w)) break;
      if (isParticiple(w)) {
        // "having" before the participle makes it active perfect ("having finished")
        if (norms[k - 1] === "having") break;
        return true;
      }
    }
  }
  return false;
}

/** Per sentence of the analysis: is it passive (English rules)? Computed once. */
export function passiveSentences(text: TextAnalysis): boolean[] {
  return memo(text, findPassives);
}

function findPassives(text: TextAnalysis): boolean[] {
  const norms = wordNorms(text);
  return text.sentences.map((s) => isPassive(norms, s.firstWord, s.firstWord + s.wordCount));
}
