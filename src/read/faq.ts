const FAQ_HEADING =
  /^(?:#+\s*)?(?:\*\*|__)?\s*(?:faqs?|f\.a\.q\.?s?|frequently asked questions|common questions|questions and answers|q\s*&\s*a|people also ask)(?:\s*\(faqs?\))?\s*(?:\*\*|__)?:?\s*$/i;

/** Is this heading text the FAQ section's heading ("FAQ", "Frequently Asked Questions", …)? */
export function isFaqHeading(text: string): boolean {
  return FAQ_HEADING.test(text.trim());
}
