import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changedParams, decodeFigureState, encodeFigureState, figureKey, readFigureState, writeFigureState } from '../../src/islands/figureState.ts';

describe('figure state in the URL', () => {
  it('names a figure by its name, and a repeated one by its position on the page', () => {
    expect(figureKey('saxe-modes', 0)).toBe('saxe-modes');
    expect(figureKey('lazy-rich', 1)).toBe('lazy-rich.2');
  });

  it('writes a state readably, keeping the deck\'s slide fragment and other query parameters', () => {
    const href = 'http://127.0.0.1:4321/course/slides/emergence/?print-pdf#/grokking-clock';
    const path = writeFigureState(href, 'stochastic-collapse', { zeta: 2.5, kappa: -1.5 });
    expect(path).toBe('/course/slides/emergence/?print-pdf&fig.stochastic-collapse=zeta:2.5,kappa:-1.5#/grokking-clock');
    expect(readFigureState(new URL(path, href).search, 'stochastic-collapse')).toEqual({ zeta: 2.5, kappa: -1.5 });
    expect(writeFigureState('http://h/p/?receiver&fig.a=x:1&fig.b=y:2', 'a', { x: 3 })).toBe('/p/?receiver&fig.b=y:2&fig.a=x:3');
  });

  it('removes a figure\'s entry when it is back to how the page drew it', () => {
    const href = 'http://h/readings/saxe-2014/?fig.saxe-modes=depth:3#notes';
    expect(writeFigureState(href, 'saxe-modes', null)).toBe('/readings/saxe-2014/#notes');
    expect(changedParams({ a: 1, b: 2 }, { a: 1, b: 3 })).toEqual({ b: 2 });
    expect(changedParams({ a: 1 }, { a: 1 })).toBeNull();
  });

  it('reads back every finite state it writes, exactly', () => {
    const name = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,7}$/);
    const value = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((v) => (Object.is(v, -0) ? 0 : v));
    fc.assert(fc.property(fc.dictionary(name, value, { minKeys: 1, maxKeys: 5 }), (params) => {
      const path = writeFigureState('http://h/p/', 'f', params);
      expect(readFigureState(new URL(path, 'http://h').search, 'f')).toEqual(params);
    }));
  });

  it('ignores a malformed state whole rather than guessing', () => {
    expect(decodeFigureState('depth:3,sigma')).toBeNull();
    expect(decodeFigureState('depth:abc')).toBeNull();
    expect(decodeFigureState('')).toBeNull();
    expect(readFigureState('?fig.x=a:1', 'y')).toBeNull();
    expect(encodeFigureState({ eta: 0.001, u0: 1e-7 })).toBe('eta:0.001,u0:1e-7');
    expect(decodeFigureState('eta:0.001,u0:1e-7')).toEqual({ eta: 0.001, u0: 1e-7 });
  });
});
