import type { Mat } from '../../linalg/mat.ts';

/**
 * Power of an embedding E (p × d) along the token axis in each Fourier frequency k = 1..⌊(p−1)/2⌋,
 * with k and p − k merged (they are complex conjugates for real E). Grokked modular-addition nets
 * put almost all embedding power in a handful of frequencies (Nanda et al. 2023).
 */
export function fourierPower(p: number) {
  const K = Math.floor((p - 1) / 2);
  const cos = new Float64Array(p * p), sin = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    for (let n = 0; n < p; n++) {
      const ang = (2 * Math.PI * ((k * n) % p)) / p;
      cos[k * p + n] = Math.cos(ang);
      sin[k * p + n] = Math.sin(ang);
    }
  }
  return {
    spectrum(E: Mat): number[] {
      const d = E.cols;
      const out = new Array<number>(K).fill(0);
      for (let k = 1; k <= K; k++) {
        let pow = 0;
        for (let c = 0; c < d; c++) {
          let re = 0, im = 0;
          for (let n = 0; n < p; n++) {
            const v = E.data[n * d + c];
            re += v * cos[k * p + n];
            im += v * sin[k * p + n];
          }
          pow += re * re + im * im;
        }
        // Frequencies k and p − k carry equal power for real input.
        out[k - 1] = (2 * pow) / p;
      }
      if (p % 2 === 0) {
        // p even: the Nyquist frequency p/2 is its own conjugate; fold it into the last bin.
        let pow = 0;
        for (let c = 0; c < d; c++) {
          let re = 0;
          for (let n = 0; n < p; n++) re += E.data[n * d + c] * (n % 2 ? -1 : 1);
          pow += re * re;
        }
        out.push(pow / p);
      }
      return out;
    },
    /** Power in the constant (k = 0) component. */
    dc(E: Mat): number {
      const d = E.cols;
      let pow = 0;
      for (let c = 0; c < d; c++) {
        let s = 0;
        for (let n = 0; n < p; n++) s += E.data[n * d + c];
        pow += s * s;
      }
      return pow / p;
    },
  };
}
