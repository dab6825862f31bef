import type { FigureSpec } from './FigureSpec.ts';
import type { FigureName } from './figureNames.ts';
import { grokkingLazyRich } from './grokkingLazyRich.ts';
import { mirage } from './mirage.ts';
import { saxeModes } from './saxeModes.ts';
import { edgeOfStability } from './edgeOfStability.ts';
import { dlnSaddleToSaddle } from './dlnSaddleToSaddle.ts';
import { lazyRich } from './lazyRich.ts';
import { diagonalPath } from './diagonalPath.ts';
import { isingMeanField } from './isingMeanField.ts';
import { scalarLandscape } from './scalarLandscape.ts';
import { earlyWarning } from './earlyWarning.ts';
import { grokkingEarlyWarning } from './grokkingEarlyWarning.ts';
import { modularGrokking } from './modularGrokking.ts';
import { silentAlignment } from './silentAlignment.ts';
import { dmftLinear } from './dmftLinear.ts';
import { stochasticCollapse } from './stochasticCollapse.ts';

/** Every figure by name. Keys must match figureNames.ts (a unit test checks they agree). */
export const figures: Record<FigureName, FigureSpec<any>> = {
  'grokking-lazy-rich': grokkingLazyRich,
  mirage,
  'saxe-modes': saxeModes,
  'scalar-landscape': scalarLandscape,
  'edge-of-stability': edgeOfStability,
  'dln-saddle-to-saddle': dlnSaddleToSaddle,
  'lazy-rich': lazyRich,
  'diagonal-path': diagonalPath,
  'ising-mean-field': isingMeanField,
  'early-warning': earlyWarning,
  'grokking-early-warning': grokkingEarlyWarning,
  'modular-grokking': modularGrokking,
  'silent-alignment': silentAlignment,
  'dmft-linear': dmftLinear,
  'stochastic-collapse': stochasticCollapse,
};
