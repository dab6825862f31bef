import type { Trajectory } from '../engine/index.ts';
import type { PrecomputedName } from './precomputedRuns.ts';

/** A slider an interactive figure exposes; rendered as a labelled native range input (keyboard-operable). */
export interface FigureControl {
  /** Parameter name passed to `compute`. */
  name: string;
  /** Visible label; plain text. */
  label: string;
  min: number;
  max: number;
  step: number;
  /** Default value. */
  value: number;
  /** How the current value is shown next to the slider. */
  format?: (value: number) => string;
}

/**
 * Where a figure's simulations run. The figure only describes scenarios; the host decides: at build time a
 * cached run in Node, in the browser a Web Worker, so a slider never blocks the page.
 */
export interface EngineHost {
  run(scenario: Record<string, unknown>): Promise<Trajectory>;
  /**
   * The trajectory of a committed long run (`data/precomputed/<name>.json`): read from disk at build time,
   * fetched in the browser only when a figure asks for it. Optional: a figure that needs it must say so when
   * a host lacks it.
   */
  precomputed?(name: PrecomputedName): Promise<Trajectory>;
}

/** One state of a step build: reveal fragments inside the figure advance it through these. */
export interface FigureStep {
  /** What the audience sees at this step (used in the text alternative). */
  label: string;
  /** Fraction of the figure's time axis revealed at this step, in [0, 1]. */
  progress: number;
}

/**
 * The contract every figure implements. `compute` asks the engine for the numbers; `draw` renders them into
 * an SVG of fixed viewBox with any DOM implementation (linkedom at build time, the browser at run time), so
 * the static SVG that print and no-JS readers see is drawn by the same code as the live one.
 */
export interface FigureSpec<Data = unknown> {
  name: string;
  /** Short accessible name of the figure (SVG <title>). */
  title: string;
  /** Drawing coordinates; the SVG scales with CSS, nothing is measured. */
  width: number;
  height: number;
  controls: readonly FigureControl[];
  compute(params: Record<string, number>, engine: EngineHost): Data | Promise<Data>;
  /** Draws the state; `progress` in [0, 1] reveals the dynamics up to that fraction of the time axis. */
  draw(svg: SVGSVGElement, data: Data, progress: number): void;
  /**
   * A text alternative stating what the figure shows, with the engine's numbers. `progress` is the state drawn
   * (1 when omitted: the static SVG and a finished animation); a step build's first step (progress 0) should
   * not describe what is not drawn yet.
   */
  describe(data: Data, progress?: number): string;
  /** Optional step build for decks (`<Figure steps />`); print and readings show the final state. */
  steps?: readonly FigureStep[];
  /**
   * Optional pointer input: a click at viewBox point (x, y) sets these parameters (each must also be a
   * control, so keyboard users can do the same with sliders). Return null to ignore the click.
   */
  pointer?(x: number, y: number, data: Data): Record<string, number> | null;
}

/** Default parameter values of a figure, overridden by the author's `params`. */
export function resolveParams(spec: FigureSpec, params: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of spec.controls) out[c.name] = c.value;
  for (const [k, v] of Object.entries(params)) {
    const c = spec.controls.find((x) => x.name === k);
    if (!c) throw new Error(`Figure "${spec.name}" has no parameter "${k}". Its parameters: ${spec.controls.map((x) => x.name).join(', ')}.`);
    if (!(v >= c.min && v <= c.max)) throw new Error(`Figure "${spec.name}": ${k} = ${v} is outside [${c.min}, ${c.max}].`);
    out[k] = v;
  }
  return out;
}

/** Keeps a pointer-set parameter on its slider's grid and range. */
export function snapToControl(spec: FigureSpec, name: string, value: number): number {
  const c = spec.controls.find((x) => x.name === name);
  if (!c) return value;
  const snapped = c.min + Math.round((value - c.min) / c.step) * c.step;
  return Math.min(c.max, Math.max(c.min, Number(snapped.toFixed(10))));
}
