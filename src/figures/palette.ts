/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and in greyscale print. */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;
export const ink = '#1b1b1f';
export const muted = '#5c5c66';
