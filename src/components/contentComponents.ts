import Figure from './Figure.astro';
import Step from './Step.astro';
import KeyEquation from './KeyEquation.astro';
import WhyItMatters from './WhyItMatters.astro';
import CheckUnderstanding from './CheckUnderstanding.astro';
import Answer from './Answer.astro';
import SlideLink from './SlideLink.astro';
import Problem from './Problem.astro';
import Solution from './Solution.astro';

/** Components every MDX file may use without importing them: the public authoring vocabulary. */
export const contentComponents = { Figure, Step, KeyEquation, WhyItMatters, CheckUnderstanding, Answer, SlideLink, Problem, Solution };
import Predict from './Predict.astro'; Object.assign(contentComponents, { Predict }); // <Predict>: "predict, then run" boxes (src/predictions/)
