import type { FigureSpec } from './FigureSpec.ts';
import type { FigureName } from './figureNames.ts';

/**
 * Every figure by name, as a dynamic import: the browser fetches the drawing code of the figures a page shows
 * and no other (registry.ts imports them all, for the build). Keys and specs must agree with registry.ts (a
 * unit test checks).
 */
export const figureLoaders: Record<FigureName, () => Promise<FigureSpec<any>>> = {
  'grokking-lazy-rich': () => import('./grokkingLazyRich.ts').then((m) => m.grokkingLazyRich),
  mirage: () => import('./mirage.ts').then((m) => m.mirage),
  'saxe-modes': () => import('./saxeModes.ts').then((m) => m.saxeModes),
  'scalar-landscape': () => import('./scalarLandscape.ts').then((m) => m.scalarLandscape),
  'edge-of-stability': () => import('./edgeOfStability.ts').then((m) => m.edgeOfStability),
  'dln-saddle-to-saddle': () => import('./dlnSaddleToSaddle.ts').then((m) => m.dlnSaddleToSaddle),
  'lazy-rich': () => import('./lazyRich.ts').then((m) => m.lazyRich),
  'diagonal-path': () => import('./diagonalPath.ts').then((m) => m.diagonalPath),
  'ising-mean-field': () => import('./isingMeanField.ts').then((m) => m.isingMeanField),
  'early-warning': () => import('./earlyWarning.ts').then((m) => m.earlyWarning),
  'grokking-early-warning': () => import('./grokkingEarlyWarning.ts').then((m) => m.grokkingEarlyWarning),
  'modular-grokking': () => import('./modularGrokking.ts').then((m) => m.modularGrokking),
  'silent-alignment': () => import('./silentAlignment.ts').then((m) => m.silentAlignment),
  'dmft-linear': () => import('./dmftLinear.ts').then((m) => m.dmftLinear),
  'stochastic-collapse': () => import('./stochasticCollapse.ts').then((m) => m.stochasticCollapse),
};
