import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';

describe('stochastic collapse in the quartic well (Chen et al. 2023)', () => {
  const frac = (zeta: number, mu = 1.5) => runScenario({ model: 'quartic-sde', zeta, mu, records: 5 }).final.collapsedFraction as number;

  it('noise below the threshold (ζ² < 2μ) never collapses paths onto θ = 0', () => {
    expect(frac(0.1)).toBe(0);
    expect(frac(1)).toBe(0);
  });

  it('noise above the threshold (ζ² > 2μ) collapses most paths, all of them for ζ = 2.5', () => {
    const f2 = frac(2);
    expect(f2).toBeGreaterThan(0.75);
    expect(f2).toBeLessThan(0.95);
    expect(frac(2.5)).toBeGreaterThan(0.99);
  });

  it('the threshold moves with μ: ζ = 2 collapses at μ = 0.5 but not at μ = 4', () => {
    expect(frac(2, 0.5)).toBeGreaterThan(0.95);
    expect(frac(2, 4)).toBe(0);
  });
});
