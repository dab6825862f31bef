import type { FigureSpec } from './FigureSpec.ts';
import type { FigureName } from './figureNames.ts';
import { saxeModes } from './saxeModes.ts';
import { edgeOfStability } from './edgeOfStability.ts';
import { dlnSaddleToSaddle } from './dlnSaddleToSaddle.ts';
import { lazyRich } from './lazyRich.ts';
import { diagonalPath } from './diagonalPath.ts';
import { scalarLandscape } from './scalarLandscape.ts';

/** Every figure by name. Keys must match figureNames.ts (a unit test checks they agree). */
export const figures: Record<FigureName, FigureSpec<any>> = {
  'saxe-modes': saxeModes,
  'scalar-landscape': scalarLandscape,
  'edge-of-stability': edgeOfStability,
  'dln-saddle-to-saddle': dlnSaddleToSaddle,
  'lazy-rich': lazyRich,
  'diagonal-path': diagonalPath,
};
