import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../src/engine/index.ts';
import { scalarGrad, scalarLoss, scalarSharpness } from '../../src/engine/models/scalar/scalarTwoLayer.ts';

const final = (scenario: Record<string, unknown>) => runScenario({ model: 'scalar-two-layer', ...scenario });

describe('scalar two-layer landscape ½(s − w₁w₂)²', () => {
  it('has a gradient that matches central finite differences', () => {
    fc.assert(fc.property(fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (s, w1, w2) => {
      const h = 1e-6;
      const [g1, g2] = scalarGrad(s, w1, w2);
      const d1 = (scalarLoss(s, w1 + h, w2) - scalarLoss(s, w1 - h, w2)) / (2 * h);
      const d2 = (scalarLoss(s, w1, w2 + h) - scalarLoss(s, w1, w2 - h)) / (2 * h);
      expect(Math.abs(g1 - d1)).toBeLessThan(1e-6 * (1 + Math.abs(g1)));
      expect(Math.abs(g2 - d2)).toBeLessThan(1e-6 * (1 + Math.abs(g2)));
    }));
  });

  it('has Hessian eigenvalue s at the origin (a strict saddle) and w₁² + w₂² on the minima', () => {
    expect(scalarSharpness(2, 0, 0)).toBeCloseTo(2, 14);
    expect(scalarSharpness(2, 4, 0.5)).toBeCloseTo(16.25, 12);
  });

  it('converges onto the hyperbola w₁w₂ = s for a small learning rate', () => {
    const t = final({ s: 1, eta: 0.05, w1: 0.2, w2: 1.5, steps: 2000, recordEvery: 100 });
    expect(t.diverged).toBeNull();
    expect(Math.abs((t.final.w1 as number) * (t.final.w2 as number) - 1)).toBeLessThan(1e-9);
    expect(t.final.sharpness as number).toBeLessThan(2 / 0.05);
  });

  it('breaks the conservation of w₁² − w₂² by exactly η²(g₁² − g₂²) per step', () => {
    const [g1, g2] = scalarGrad(1, 0.3, 1.2);
    for (const eta of [0.01, 0.02, 0.1]) {
      const b = final({ s: 1, eta, w1: 0.3, w2: 1.2, steps: 1 }).series.balance as number[];
      expect(b[1] - b[0]).toBeCloseTo(eta * eta * (g1 * g1 - g2 * g2), 14);
    }
  });

  it('reports divergence with its step when η is far above 2 / sharpness', () => {
    const t = final({ s: 1, eta: 1.5, w1: 2, w2: 1.5, steps: 500 });
    expect(t.diverged).not.toBeNull();
    expect(t.diverged!.step).toBeGreaterThan(0);
    expect(JSON.stringify(t)).not.toContain('NaN');
  });
});
