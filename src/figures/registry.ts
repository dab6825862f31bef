import type { FigureSpec } from './FigureSpec.ts';
import type { FigureName } from './figureNames.ts';
import { saxeModes } from './saxeModes.ts';
import { scalarLandscape } from './scalarLandscape.ts';

/** Every figure by name. Keys must match figureNames.ts (a unit test checks they agree). */
export const figures: Record<FigureName, FigureSpec<any>> = {
  'saxe-modes': saxeModes,
  'scalar-landscape': scalarLandscape,
};
