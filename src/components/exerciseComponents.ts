import { contentComponents } from './contentComponents.ts';
import SolutionOpen from './SolutionOpen.astro';
import SolutionOmitted from './SolutionOmitted.astro';

/** Component sets for the three renderings of one exercise source: online, problems-only, with solutions. */
export const exerciseComponents = {
  online: contentComponents,
  problems: { ...contentComponents, Solution: SolutionOmitted },
  solutions: { ...contentComponents, Solution: SolutionOpen },
} as const;
