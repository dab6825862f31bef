/**
 * Letters in a MathML `mathvariant` (bold, double-struck, script, …) as the Unicode Mathematical Alphanumeric
 * Symbols that show them. KaTeX's MathML writes `\mathbf{u}` as `<mi mathvariant="bold">u</mi>`, but MathML Core,
 * which Chromium implements, honours only mathvariant="normal": the bold u, ℝ, 𝔼 and 𝓛 of the notation table
 * would show as plain u, R, E and L (and 𝓛 would read as the depth L). The code points are the ones the
 * MathML Core specification lists for its `text-transform: math-*` values.
 */

/** Start of each variant's run for A–Z, a–z, 0–9, and the Greek run (Α–Ω, ∇, α–ω, ∂ϵϑϰϕϱϖ), where Unicode has one. */
const RUNS: Record<string, { upper: number; lower: number; digit?: number; greek?: number }> = {
  bold: { upper: 0x1d400, lower: 0x1d41a, digit: 0x1d7ce, greek: 0x1d6a8 },
  italic: { upper: 0x1d434, lower: 0x1d44e, greek: 0x1d6e2 },
  'bold-italic': { upper: 0x1d468, lower: 0x1d482, greek: 0x1d71c },
  script: { upper: 0x1d49c, lower: 0x1d4b6 },
  'bold-script': { upper: 0x1d4d0, lower: 0x1d4ea },
  fraktur: { upper: 0x1d504, lower: 0x1d51e },
  'double-struck': { upper: 0x1d538, lower: 0x1d552, digit: 0x1d7d8 },
  'bold-fraktur': { upper: 0x1d56c, lower: 0x1d586 },
  'sans-serif': { upper: 0x1d5a0, lower: 0x1d5ba, digit: 0x1d7e2 },
  'bold-sans-serif': { upper: 0x1d5d4, lower: 0x1d5ee, digit: 0x1d7ec, greek: 0x1d756 },
  'sans-serif-italic': { upper: 0x1d608, lower: 0x1d622 },
  'sans-serif-bold-italic': { upper: 0x1d63c, lower: 0x1d656, greek: 0x1d790 },
  monospace: { upper: 0x1d670, lower: 0x1d68a, digit: 0x1d7f6 },
};

/** Slots the Alphanumeric block leaves empty because the letter already existed (Letterlike Symbols). */
const HOLES: Record<string, Record<string, string>> = {
  italic: { h: 'ℎ' },
  script: { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' },
  fraktur: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
  'double-struck': { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
};

/** Position in a Greek run: Α–Ρ, ϴ, Σ–Ω, ∇, α–ω, then ∂ ϵ ϑ ϰ ϕ ϱ ϖ. */
function greekIndex(c: number): number | undefined {
  if (c >= 0x391 && c <= 0x3a9 && c !== 0x3a2) return c - 0x391;
  if (c === 0x3f4) return 17; // ϴ sits where the unassigned U+03A2 would
  if (c === 0x2207) return 25;
  if (c >= 0x3b1 && c <= 0x3c9) return 26 + c - 0x3b1;
  const tail = [0x2202, 0x3f5, 0x3d1, 0x3f0, 0x3d5, 0x3f1, 0x3d6].indexOf(c);
  return tail >= 0 ? 51 + tail : undefined;
}

/** Whether `variant` is one this module maps (others, such as "normal", MathML Core renders itself). */
export const isMappedVariant = (variant: string): boolean => variant in RUNS;

/**
 * `text` with every character that has a form in `variant` replaced by it; a character without one (a Greek
 * letter in script, say) is left as it is. Returns undefined when `variant` is not one of the mapped values.
 */
export function mathVariantChars(text: string, variant: string): string | undefined {
  const run = RUNS[variant];
  if (!run) return undefined;
  const holes = HOLES[variant] ?? {};
  return [...text].map((ch) => {
    if (holes[ch]) return holes[ch];
    const c = ch.codePointAt(0)!;
    if (c >= 0x41 && c <= 0x5a) return String.fromCodePoint(run.upper + c - 0x41);
    if (c >= 0x61 && c <= 0x7a) return String.fromCodePoint(run.lower + c - 0x61);
    if (c >= 0x30 && c <= 0x39 && run.digit) return String.fromCodePoint(run.digit + c - 0x30);
    const g = greekIndex(c);
    if (g !== undefined && run.greek) return String.fromCodePoint(run.greek + g);
    return ch;
  }).join('');
}
