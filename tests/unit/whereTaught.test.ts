import { describe, expect, it } from 'vitest';
import { whereTaught } from '../../src/content/whereTaught.ts';
import { objectives } from '../../src/content/objectives.ts';

describe('objectives', () => {
  it('have unique, prefixed ids', () => {
    const ids = objectives.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of objectives) expect(o.id.startsWith(o.part === 'emergence' ? 'em-' : 'ir-')).toBe(true);
  });
});

describe('whereTaught', () => {
  it('links a deck section objective to the first slide of that section, and readings and exercises to their pages', () => {
    const map = whereTaught({
      decks: [{ id: 'ir', title: 'Implicit regularization', files: [
        { id: 'ir', title: 'Implicit regularization', objectives: ['ir-concept'], slideIds: ['title', 'outline'] },
        { id: 'ir/02-landscape', title: 'Landscape', objectives: ['ir-dln-landscape', 'ir-concept'], slideIds: ['critical-points', 'saddles'] },
      ] }],
      readings: [{ id: 'saxe-2014', data: { title: 'Exact solutions', objectives: ['ir-dln-landscape'] } }],
      exercises: [{ id: 'set-1', data: { title: 'Set 1', objectives: ['ir-dln-landscape'] } }],
    });
    expect(map.get('ir-concept')!.map((l) => l.href)).toEqual(['/slides/ir/', '/slides/ir/#/critical-points']);
    expect(map.get('ir-dln-landscape')).toEqual([
      { kind: 'Slides', title: 'Implicit regularization — Landscape', href: '/slides/ir/#/critical-points' },
      { kind: 'Reading', title: 'Exact solutions', href: '/readings/saxe-2014/' },
      { kind: 'Exercises', title: 'Set 1', href: '/exercises/set-1/' },
    ]);
    expect(map.get('ir-ntk')).toBeUndefined();
  });
});
