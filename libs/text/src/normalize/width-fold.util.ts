/**
 * Full-width ASCII (０-９, Ａ-Ｚ, ＋, －, （ …) and the ideographic space folded to their ASCII forms,
 * and the usual dashes to '-', keeping every other character — and the length — as it is, so a
 * regular expression run on the result reports offsets valid in the original. For detectors that
 * need separators and digits as written (phone numbers, links); word rules use `normalizeText`.
 */
export function foldWidth(input: string): string {
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < input.length; i += 1) {
    const unit = input.charCodeAt(i);
    let folded = -1;
    if (unit >= 0xff01 && unit <= 0xff5e) folded = unit - 0xfee0;
    else if (unit === 0x3000) folded = 0x20;
    else if (unit >= 0x2010 && unit <= 0x2015) folded = 0x2d;
    if (folded === -1) continue;
    out += input.slice(copiedUpTo, i) + String.fromCharCode(folded);
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? input : out + input.slice(copiedUpTo);
}
