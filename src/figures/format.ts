const superscripts: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '.': '·' };

/** 10 to a (small, integer or half-integer) power as text, e.g. -3 → "10⁻³". */
export function powerOfTen(exponent: number): string {
  return `10${String(exponent).split('').map((c) => superscripts[c] ?? c).join('')}`;
}

/** A number as SVG attributes want it: at most two decimals, so static SVGs stay small and diff cleanly. */
export const px = (v: number): number => Math.round(v * 100) / 100;
