import { describe, expect, it } from 'vitest';
import { judge, parsePrediction, relativeError } from '../../src/predictions/verdict.ts';
import { remarkCheckPredictions } from '../../src/predictions/remarkCheckPredictions.ts';
import { runRemark } from '../support/mdx.ts';

describe('parsePrediction', () => {
  it('reads plain, comma-decimal, exponent, Unicode-minus and approximate numbers', () => {
    expect(parsePrediction('3.45')).toBe(3.45);
    expect(parsePrediction(' 3,45 ')).toBe(3.45);
    expect(parsePrediction('1e-3')).toBe(0.001);
    expect(parsePrediction('\u22122')).toBe(-2);
    expect(parsePrediction('≈ 0.235')).toBe(0.235);
    expect(parsePrediction('.5')).toBe(0.5);
  });
  it('rejects what is not a single number', () => {
    for (const s of ['', ' ', 'abc', '1/2', '3.4.5', '1,000.5', 'Infinity', 'NaN', '2 3']) expect(parsePrediction(s)).toBeNull();
  });
});

describe('judge', () => {
  const result = { value: 3.4534, symbol: 't½', details: 'd' };
  it('accepts a prediction within the relative tolerance and reports the error', () => {
    const v = judge(3.4, result, 0.05);
    expect(v.within).toBe(true);
    expect(v.relativeError).toBeCloseTo(0.0534 / 3.4534, 10);
    expect(v.engine).toBe('Engine: t½ = 3.453.');
    expect(v.comparison).toContain('differs from it by 1.5 %, inside the 5 % tolerance');
  });
  it('rejects one outside it', () => {
    const v = judge(6.9, result, 0.05);
    expect(v.within).toBe(false);
    expect(v.comparison).toContain('off by 100 %, outside the 5 % tolerance');
  });
  it('measures relative error, absolute at zero', () => {
    expect(relativeError(1.1, 1)).toBeCloseTo(0.1, 12);
    expect(relativeError(0.2, 0)).toBe(0.2);
  });
});

describe('remarkCheckPredictions', () => {
  const run = (src: string) => runRemark(src, [remarkCheckPredictions], '/content/exercises/set.mdx');
  it('accepts a registered check with valid parameters', async () => {
    await expect(run('<Predict check="mode-half-time" params={{ s1: 3, s2: 2, s3: 1, mode: 3, u0: 0.001 }} tolerance={0.05} label="t">\n\nQ\n\n</Predict>')).resolves.toBeDefined();
  });
  it('fails on an unknown check at its line, listing the known ones', async () => {
    await expect(run('Text.\n\n<Predict check="nope" label="t">Q</Predict>')).rejects.toThrow(/Unknown prediction check "nope". Known checks: mode-half-time, xy-max-stable-eta/);
    const error = await run('Text.\n\n<Predict check="nope" label="t">Q</Predict>').catch((e) => e);
    expect(error.line).toBe(3);
  });
  it('fails on bad parameters, tolerance or label', async () => {
    await expect(run('<Predict check="xy-max-stable-eta" params={{ x0: 99 }} label="t">Q</Predict>')).rejects.toThrow('x0 = 99');
    await expect(run('<Predict check="xy-max-stable-eta" tolerance={5} label="t">Q</Predict>')).rejects.toThrow('tolerance must be');
    await expect(run('<Predict check="xy-max-stable-eta">Q</Predict>')).rejects.toThrow('needs a visible label');
  });
});
