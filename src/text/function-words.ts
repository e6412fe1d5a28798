/**
 * English function words: words that carry grammar rather than topic. Like
 * Yoast, keyphrase checks ignore them ("sex causes back pain" has three
 * content words: "back" is a directional adverb). Our own list, grouped by
 * kind so a reviewer can see why a word is here.
 */
const GROUPS: readonly string[] = [
  // articles and determiners
  "a an the this that these those my your his her its our their whose which what whatever whichever",
  // pronouns
  "i me you he him she it we us they them myself yourself himself herself itself ourselves yourselves themselves mine yours hers ours theirs one ones oneself",
  "someone somebody something anyone anybody anything everyone everybody everything nobody nothing none noone",
  // prepositions
  "about above across after against along amid among around as at before behind below beneath beside besides between beyond by despite down during except for from in inside into like near of off on onto opposite out outside over past per since than through throughout till to toward towards under underneath unlike until up upon versus via with within without",
  // directional and prepositional adverbs
  "back away forward forwards backward backwards ahead apart aside here there where everywhere somewhere anywhere nowhere",
  // conjunctions
  "and but or nor so yet if because although though while whereas unless whether once when whenever wherever",
  // auxiliaries, copulas, modals
  "am is are was were be been being have has had having do does did done doing can could may might must shall should will would ought",
  "isn't aren't wasn't weren't haven't hasn't hadn't don't doesn't didn't can't cannot couldn't mightn't mustn't shan't shouldn't won't wouldn't",
  "i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll",
  // delexicalised verbs
  "get gets got gotten getting make makes made making take takes took taken taking go goes went gone going give gives gave given giving let lets",
  // quantifiers
  "all any both each either enough every few fewer less least little lot lots many more most much neither no not several some such own other another same",
  // interrogatives and relatives
  "who whom why how",
  // intensifiers and vague adverbs
  "very really quite rather too also just only even still already almost always often never ever sometimes usually again then now soon later very much well",
  // vague nouns
  "thing things way ways stuff",
  // numerals
  "zero two three four five six seven eight nine ten first second third fourth fifth sixth seventh eighth ninth tenth",
];

export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(GROUPS.join(" ").split(/\s+/));

/** Whether a normalised English word is a function word. */
export function isFunctionWord(norm: string): boolean {
  return ENGLISH_FUNCTION_WORDS.has(norm);
}
