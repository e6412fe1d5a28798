import { type Lexeme, type WithLexeme, withLexemes } from "./lexeme.js";
import { memo } from "./memo.js";
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

/** Passive-voice roles of a word, as bits: worked out once per word of a run (`Lexeme.passive`). */
const AUXILIARY = 1;
/** ends the clause an auxiliary opened: another auxiliary, a clause-opening word or a blocker */
const CLAUSE_END = 2;
const PARTICIPLE = 4;
const HAVING = 8;

function passiveRoles(lex: Lexeme): number {
  let roles = lex.passive;
  if (roles < 0) {
    const w = lex.norm;
    roles =
      (AUXILIARIES.has(w) ? AUXILIARY | CLAUSE_END : 0) |
      (CLAUSE_BREAKS.has(w) || BLOCKERS.has(w) ? CLAUSE_END : 0) |
      (isParticiple(w) ? PARTICIPLE : 0) |
      (w === "having" ? HAVING : 0);
    lex.passive = roles;
  }
  return roles;
}

/** Whether the normalised words [from, to) hold an English passive construction. */
export function isPassive(norms: readonly string[], from: number, to: number): boolean {
  return passiveIn(withLexemes(norms, from, to), 0, to - from);
}

/** `isPassive` over words [from, to), by their lexemes. */
function passiveIn(words: readonly WithLexeme[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if ((passiveRoles((words[i] as WithLexeme).lex) & AUXILIARY) === 0) continue;
    for (let k = i + 1; k < to; k++) {
      const roles = passiveRoles((words[k] as WithLexeme).lex);
      if ((roles & CLAUSE_END) !== 0) break;
      if ((roles & PARTICIPLE) !== 0) {
        // "having" before the participle makes it active perfect ("having finished")
        if ((passiveRoles((words[k - 1] as WithLexeme).lex) & HAVING) !== 0) break;
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
  const { sentences } = text;
  const out: boolean[] = [];
  // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    out.push(passiveIn(text.words, s.firstWord, s.firstWord + s.wordCount));
  }
  return out;
}
