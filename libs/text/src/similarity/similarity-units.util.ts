/**
 * Comparable units of normalised text: each CJK character is a unit (Chinese words are one to three
 * characters and have no spaces), a run of Latin letters or of digits is one unit ("led", "12").
 */
export function similarityUnits(normalised: string): string[] {
  return normalised.match(/\p{Script=Latin}+|\p{N}+|[^\p{Script=Latin}\p{N}]/gu) ?? [];
}
