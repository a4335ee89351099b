// The direction of a piece of text by the majority of its strong letters (Arabic/Hebrew script vs the rest).

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/gu;

/**
 * 'rtl' when right-to-left letters are at least as many as left-to-right ones, else 'ltr'. For a cut excerpt
 * (an occurrence's context) this follows the text it comes from, where `dir=auto` follows whichever letter
 * happens to come first ("…AG ستبني محطة" would be laid out left to right).
 */
export function majorityDir(text: string): 'rtl' | 'ltr' {
  const rtl = text.match(RTL)?.length ?? 0;
  const ltr = text.match(LTR)?.length ?? 0;
  return rtl >= ltr && rtl > 0 ? 'rtl' : 'ltr';
}
