import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockAt, blockContaining, planStack, toWide, wrapWords } from '../../src/figures/stackPlan.ts';
import type { Area } from '../../src/figures/clip.ts';

const viewBox = { x0: 0, y0: 0, x1: 900, y1: 440 };
/** The three-panel row most figures draw (edge of stability's plot areas). */
const row: Area[] = [
  { x0: 75, x1: 290, y0: 50, y1: 350 },
  { x0: 375, x1: 590, y0: 50, y1: 350 },
  { x0: 665, x1: 880, y0: 50, y1: 350 },
];

describe('stacking a wide figure\'s panels for a narrow screen', () => {
  it('puts the panels of one row under each other, in reading order, in a viewBox a third as wide', () => {
    const plan = planStack(row, viewBox)!;
    expect(plan.blocks).toHaveLength(3);
    const placed = plan.blocks.map((b) => ({ y0: b.y, y1: b.y + b.source.y1 - b.source.y0 }));
    expect(plan.blocks.every((b) => b.sx === 1)).toBe(true);
    expect(placed[0].y0).toBe(0);
    expect(placed[1].y0).toBeGreaterThan(placed[0].y1);
    expect(placed[2].y0).toBeGreaterThan(placed[1].y1);
    const width = plan.viewBox.x1 - plan.viewBox.x0;
    expect(width).toBeLessThan(360);
    // Each block keeps the room for its y-axis labels left of the frame and its title above it.
    for (const [k, b] of plan.blocks.entries()) {
      expect(b.source.x0).toBeLessThanOrEqual(row[k].x0 - 70);
      expect(b.source.y0).toBe(0);
      expect(b.source.y1).toBe(440);
    }
  });

  it('keeps a second row (a spectrum under three panels) as its own block below them', () => {
    const plan = planStack([...row.map((a) => ({ ...a, y1: 250 })), { x0: 75, x1: 880, y0: 330, y1: 470 }], { ...viewBox, y1: 506 })!;
    expect(plan.blocks).toHaveLength(4);
    const last = plan.blocks[3];
    expect(last.source.y0).toBeGreaterThan(250);
    expect(last.source.y1).toBe(506);
    expect(plan.blocks[0].source.y1).toBeLessThanOrEqual(last.source.y0);
    // The full-width spectrum is narrowed to the column, not the column widened to it.
    expect(last.sx).toBeLessThan(0.6);
    expect(plan.viewBox.x1 - plan.viewBox.x0).toBeLessThan(480);
  });

  it('keeps two panels stacked in one column (a shared time axis) as one block', () => {
    const plan = planStack([row[0], row[1], { x0: 665, x1: 880, y0: 50, y1: 170 }, { x0: 665, x1: 880, y0: 200, y1: 350 }], viewBox)!;
    expect(plan.blocks).toHaveLength(3);
  });

  it('leaves a one-panel figure alone', () => {
    expect(planStack([row[0]], viewBox)).toBeNull();
  });

  it('assigns a mark to the panel that holds it and refuses one that spans two panels', () => {
    const plan = planStack(row, viewBox)!;
    expect(blockContaining(plan, { x0: 400, y0: 100, x1: 500, y1: 200 })).toBe(plan.blocks[1]);
    expect(blockContaining(plan, { x0: 100, y0: 400, x1: 800, y1: 430 })).toBeNull();
    expect(blockAt(plan, 700, 420)).toBe(plan.blocks[2]);
  });

  it('maps every point of a panel in the narrow drawing back to the same point of the wide one', () => {
    const plan = planStack(row, viewBox)!;
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (k, u, v) => {
      const a = row[k];
      const x = a.x0 + u * (a.x1 - a.x0);
      const y = a.y0 + v * (a.y1 - a.y0);
      const b = plan.blocks[k];
      const back = toWide(plan, b.x + (b.frame - b.source.x0) + b.sx * (x - b.frame), b.y + (y - b.source.y0));
      expect(back.x).toBeCloseTo(x, 9);
      expect(back.y).toBeCloseTo(y, 9);
    }));
  });

  it('wraps an over-wide label at spaces into lines that fit', () => {
    const lines = wrapWords('seed 3 · p = 67 · trained on 911 of 2,278 pairs · embed 96', 20);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe('seed 3 · p = 67 · trained on 911 of 2,278 pairs · embed 96');
  });
});
