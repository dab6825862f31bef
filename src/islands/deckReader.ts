/**
 * The phone reader: on a small screen a deck is shown as one scrolling page of slides (reveal.js is not
 * started), with readable text and every fragment visible. Deep links keep working: `#/slide-id` and reveal's
 * `#/h/v` both scroll to the slide they name, on load and when the hash changes.
 *
 * Chosen over reveal's own scroll view, which scales the 960-px slide canvas down (5–8 px text at 390 px) and,
 * on load, rewrote a deep link to the title slide.
 */

/** Decided in <head> before the slides render, so a phone never sees the slide canvas first. */
export const isReader = (): boolean => document.documentElement.classList.contains('deck-reader');

/** The slide a deck hash names, or null: `#/outline`, `#/3` or `#/3/1` (reveal's zero-based h/v indices). */
export function slideForHash(hash: string, root: Document | Element): Element | null {
  const path = decodeURIComponent(hash.replace(/^#\/?/, ''));
  if (!path) return null;
  const top = [...root.querySelectorAll('.slides > section')];
  const numeric = path.match(/^(\d+)(?:\/(\d+))?/);
  if (numeric) {
    const stack = top[Number(numeric[1])];
    const inner = stack ? [...stack.children].filter((c) => c.tagName.toLowerCase() === 'section') : [];
    return inner.length > 0 ? inner[Number(numeric[2] ?? 0)] ?? null : stack ?? null;
  }
  const id = path.split('/')[0];
  return [...root.querySelectorAll('.slides section[id]')].find((s) => s.id === id) ?? null;
}

export function startReader(): void {
  let target: Element | null = null;
  // Figures above the target re-lay out as they hydrate and change height; until the reader scrolls, the
  // target slide is kept in view (scroll anchoring does this in Chromium, not in every browser).
  let userMoved = false;
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown']) addEventListener(type, () => { userMoved = true; }, { once: true, passive: true });
  const show = () => { if (target && !userMoved) target.scrollIntoView({ block: 'start' }); };
  const go = () => {
    target = slideForHash(location.hash, document);
    userMoved = false;
    show();
  };
  addEventListener('hashchange', go);
  const slides = document.querySelector('.reveal .slides');
  if (slides && 'ResizeObserver' in window) new ResizeObserver(show).observe(slides);
  go();
  document.documentElement.dataset.deckReady = 'true';
}
