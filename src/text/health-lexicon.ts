/**
 * Health vocabulary shared by the `health/*` rules: who a sentence credits
 * with a finding, which medicines and procedures need a safety note, and how
 * an article sends readers to a qualified professional. Word lists hold
 * normalised words (lower case, straight apostrophes), matched against the
 * text layer's `Word.norm`; regexes are compiled once, here.
 */

/** Unnamed sources a claim can be credited to ("research", "studies", "experts"). */
export const ATTRIBUTION_NOUNS: ReadonlySet<string> = new Set([
  "research",
  "researchers",
  "study",
  "studies",
  "data",
  "evidence",
  "literature",
  "science",
  "scientists",
  "experts",
  "trials",
  "trial",
  "findings",
  "surveys",
  "statistics",
  "analyses",
  "meta-analyses",
  "doctors",
  "physicians",
  "clinicians",
  "authorities",
]);

/** Verbs that report a finding, in every form a draft uses them. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set(
  [
    "show shows showed shown showing",
    "suggest suggests suggested suggesting",
    "indicate indicates indicated indicating",
    "emphasize emphasizes emphasized emphasise emphasises emphasised",
    "confirm confirms confirmed",
    "prove proves proved proven",
    "demonstrate demonstrates demonstrated",
    "find finds found",
    "reveal reveals revealed",
    "agree agrees agreed",
    "support supports supported",
    "link links linked",
    "highlight highlights highlighted",
    "underscore underscores underscored",
    "stress stresses stressed",
    "recommend recommends recommended",
    "say says said",
    "believe believes believed",
    "note notes noted",
    "warn warns warned",
    "report reports reported",
    "conclude concludes concluded",
    "point points pointed",
  ]
    .join(" ")
    .split(" "),
);

/** Reporting verbs that only report when followed by "to" ("data points to"; "data points" alone is a noun). */
export const NEEDS_TO: ReadonlySet<string> = new Set(["point", "points", "pointed"]);

/** Words allowed between the source and its verb ("data also points", "research has consistently shown"). */
export const GAP_WORDS: ReadonlySet<string> = new Set([
  "also",
  "now",
  "still",
  "even",
  "further",
  "often",
  "all",
  "both",
  "has",
  "have",
  "had",
  "is",
  "are",
  "was",
  "were",
  "been",
  "increasingly",
  "consistently",
  "repeatedly",
  "clearly",
  "strongly",
  "generally",
  "largely",
  "widely",
  "overwhelmingly",
  "recently",
  "continue",
  "continues",
  "to",
]);

/** A source owned by the reader ("your data shows") is not an appeal to research. */
export const POSSESSIVES: ReadonlySet<string> = new Set(["your", "my", "our", "his", "her", "their", "its"]);

/** Result nouns after "has shown …" that make an efficacy claim. */
export const EFFICACY_NOUNS: ReadonlySet<string> = new Set([
  "efficacy",
  "effectiveness",
  "benefit",
  "benefits",
  "promise",
  "results",
  "improvement",
  "improvements",
  "success",
  "effects",
]);

/** Verbs that introduce an efficacy claim ("has shown significant efficacy"). */
export const EFFICACY_VERBS: ReadonlySet<string> = new Set([
  "shown",
  "demonstrated",
  "proven",
  "showed",
  "demonstrates",
]);

/** Adverbs that turn "proven" into a claim of authority ("clinically proven"). */
export const PROVEN_ADVERBS: ReadonlySet<string> = new Set(["clinically", "scientifically", "medically"]);

/**
 * What makes a sentence sourced: a link, a numbered citation, "et al.", an
 * author-year citation, a named journal or health organisation. A bare year
 * is not a source ("In 2026, research shows…").
 */
export const SOURCE_PATTERN = new RegExp(
  [
    "https?://",
    String.raw`\bwww\.`,
    String.raw`\[\d+(?:\s*[,–-]\s*\d+)*\]`,
    String.raw`\bet al\b`,
    // (Smith, 2020) (Smith and Lee 2019) (WHO, 2022)
    String.raw`\([^()]*\b[A-Z][\p{L}’'-]+[^()]*\b(?:19|20)\d\d[a-z]?\)`,
    // Smith (2020)
    String.raw`\b[A-Z][\p{L}’'-]+ \((?:19|20)\d\d[a-z]?\)`,
    String.raw`\bpublished in (?:the )?[A-Z]`,
    String.raw`\b(?:study|trial|review|survey|report|analysis) (?:by|from|at|in) (?:the )?[A-Z]`,
    String.raw`\b(?:Journal of|Annals of|Archives of|The Lancet|Lancet|JAMA|BMJ|NEJM|New England Journal|Cochrane|PLOS|PubMed)\b`,
    String.raw`\b(?:World Health Organi[sz]ation|WHO|CDC|Centers for Disease Control|NIH|National Institutes? of|NHS|NICE|FDA|EMA|Mayo Clinic|Cleveland Clinic|Johns Hopkins)\b`,
    String.raw`\b(?:University|Institute|College|School) of [A-Z]`,
    String.raw`\b[A-Z][\p{L}]+ (?:Association|Society|Academy|College|Institute|Foundation|University|Clinic|Hospital)\b`,
  ].join("|"),
  "u",
);

/**
 * Medicines and procedures that need a safety note. Multi-word entries are
 * word sequences; each entry is listed in the forms drafts use.
 */
export const MEDICINES_AND_PROCEDURES: readonly string[] = [
  "nsaid",
  "nsaids",
  "anti-inflammatory drugs",
  "anti-inflammatories",
  "ibuprofen",
  "naproxen",
  "diclofenac",
  "aspirin",
  "acetaminophen",
  "paracetamol",
  "painkillers",
  "painkiller",
  "pain relievers",
  "opioid",
  "opioids",
  "codeine",
  "tramadol",
  "oxycodone",
  "morphine",
  "steroid",
  "steroids",
  "corticosteroid",
  "corticosteroids",
  "cortisone",
  "prednisone",
  "injection",
  "injections",
  "steroid injection",
  "steroid injections",
  "cortisone injection",
  "cortisone injections",
  "epidural",
  "nerve block",
  "surgery",
  "surgical",
  "antidepressant",
  "antidepressants",
  "ssri",
  "ssris",
  "benzodiazepine",
  "benzodiazepines",
  "muscle relaxant",
  "muscle relaxants",
  "sleeping pills",
  "sleeping pill",
  "sleep aids",
  "melatonin",
  "antihistamine",
  "antihistamines",
  "triptan",
  "triptans",
  "sumatriptan",
  "gabapentin",
  "pregabalin",
  "antibiotic",
  "antibiotics",
  "insulin",
  "statin",
  "statins",
  "blood thinners",
  "warfarin",
  "botox",
  "hormone therapy",
  "hormone replacement therapy",
  "chemotherapy",
  "supplements",
];

/** Words and phrases that count as a safety note or a pointer to a clinician near a medicine. */
export const SAFETY_CUES: readonly string[] = [
  "side effect",
  "side effects",
  "side-effects",
  "risk",
  "risks",
  "pharmacist",
  "pharmacists",
  "doctor",
  "doctors",
  "physician",
  "clinician",
  "gp",
  "prescriber",
  "prescribed",
  "prescription",
  "healthcare provider",
  "health care provider",
  "dose",
  "dosage",
  "doses",
  "label",
  "leaflet",
  "interaction",
  "interactions",
  "interact",
  "contraindicated",
  "allergic",
  "allergy",
  "overdose",
  "safely",
  "safety",
  "caution",
  "warning",
  "supervision",
  "not suitable",
];

/** Qualified people an article can send readers to. */
export const PROFESSIONALS: ReadonlySet<string> = new Set([
  "doctor",
  "doctors",
  "physician",
  "physicians",
  "gp",
  "clinician",
  "clinicians",
  "pharmacist",
  "pharmacists",
  "nurse",
  "specialist",
  "specialists",
  "therapist",
  "therapists",
  "physiotherapist",
  "physiotherapists",
  "dentist",
  "dermatologist",
  "neurologist",
  "psychologist",
  "psychiatrist",
  "counselor",
  "counsellor",
  "midwife",
  "optometrist",
  "podiatrist",
  "pediatrician",
  "paediatrician",
  "gynecologist",
  "urologist",
  "cardiologist",
  "surgeon",
  "dietitian",
  "orthopedist",
  "rheumatologist",
  "professional",
  "professionals",
  "provider",
  "providers",
  "team",
]);

/** "professional", "provider" and "team" are professionals only with one of these before them. */
export const PROFESSIONAL_QUALIFIERS: ReadonlySet<string> = new Set([
  "healthcare",
  "health",
  "medical",
  "care",
  "qualified",
  "licensed",
  "clinical",
  "multidisciplinary",
  "registered",
]);
export const NEEDS_QUALIFIER: ReadonlySet<string> = new Set([
  "professional",
  "professionals",
  "provider",
  "providers",
  "team",
]);

/** Verbs that send the reader to someone ("consult", "see", "ask", "talk to"). */
export const ADVICE_VERBS: ReadonlySet<string> = new Set([
  "consult",
  "consulting",
  "see",
  "seeing",
  "ask",
  "asking",
  "talk",
  "talking",
  "speak",
  "speaking",
  "visit",
  "visiting",
  "contact",
  "call",
  "check",
  "book",
  "seek",
  "seeking",
  "get",
  "refer",
  "referral",
  "discuss",
  "consultation",
  "appointment",
]);

/** "seek medical attention", "get medical help", "call 911": advice without a named profession. */
export const URGENT_CARE_PATTERN =
  /\b(?:seek|get|need|requires?)\s+(?:immediate\s+|urgent\s+|prompt\s+)?(?:medical|professional)\s+(?:attention|advice|care|help|treatment)\b|\b(?:call|dial)\s+(?:911|999|112|an ambulance)\b|\b(?:emergency room|urgent care|emergency department|A&E)\b/i;

/** A medicine after these words is not being recommended ("recover without surgery"). */
export const NEGATORS: ReadonlySet<string> = new Set(["without", "avoid", "avoiding", "no", "not", "instead", "never"]);

/**
 * Symptoms, conditions, anatomy and care words that mark an article as
 * health content (read by `isHealthArticle`, beside its own core list).
 */
export const HEALTH_VOCABULARY: readonly string[] = [
  ...[
    "pain painful ache aches aching sore soreness swelling swollen inflammation inflamed injury injuries",
    "nausea fever fatigue dizziness headache headaches migraine migraines insomnia cramps cramping stiffness",
    "numbness tingling spasm spasms rash itching bleeding",
    "knee knees kneecap spine spinal lumbar joint joints muscle muscles tendon tendons ligament ligaments hip hips",
    "pelvic bladder liver kidney kidneys lungs bones",
    "arthritis asthma allergy allergies eczema obesity stroke dementia osteoporosis hypertension",
    "physiotherapy physiotherapist rehabilitation clinic clinician clinicians nurse pharmacist gp hospital",
    "diagnose diagnosed prescribed medical medicines",
  ]
    .join(" ")
    .split(" "),
  ...MEDICINES_AND_PROCEDURES.filter((m) => !m.includes(" ")),
];
