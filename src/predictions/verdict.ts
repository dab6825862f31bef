/** Pure helpers of the "predict, then run" widget: reading the reader's number and judging it. */
import { formatMeasured, formatNumber, type PredictionResult } from './registry.ts';

/**
 * The reader's prediction as a number, or null. Accepts "3.45", "3,45", " 3.45 ", "1e-3", "−2" (Unicode
 * minus) and a leading "≈" or "~"; rejects anything else rather than guessing.
 */
export function parsePrediction(text: string): number | null {
  const cleaned = text.trim().replace(/^[≈~]\s*/, '').replace(/\u2212/g, '-').replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) return null;
  const v = Number(cleaned);
  return Number.isFinite(v) ? v : null;
}

/** |prediction − value| / |value| (absolute error when the value is 0). */
export function relativeError(prediction: number, value: number): number {
  return value === 0 ? Math.abs(prediction) : Math.abs(prediction - value) / Math.abs(value);
}

export interface Verdict {
  within: boolean;
  relativeError: number;
  /** The sentences the result region shows. */
  engine: string;
  comparison: string;
}

const percent = (x: number) => (x < 0.001 ? 'less than 0.1 %' : x < 0.1 ? `${Number((100 * x).toFixed(1))} %` : `${Math.round(100 * x)} %`);

export function judge(prediction: number, result: PredictionResult, tolerance: number): Verdict {
  const err = relativeError(prediction, result.value);
  const within = err <= tolerance;
  const unit = result.unit ? ` ${result.unit}` : '';
  return {
    within,
    relativeError: err,
    engine: `Engine: ${result.symbol} = ${formatMeasured(result.value)}${unit}.`,
    comparison: within
      ? `Your prediction ${formatNumber(prediction)} differs from it by ${percent(err)}, inside the ${percent(tolerance)} tolerance: well predicted.`
      : `Your prediction ${formatNumber(prediction)} is off by ${percent(err)}, outside the ${percent(tolerance)} tolerance. Compare your reasoning with the worked solution.`,
  };
}
