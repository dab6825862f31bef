// reveal.js 6.0.2 has Reveal.isScrollView() (dist/reveal.mjs exports it on the API next to isOverview; the scroll
// view is documented at https://revealjs.com/scroll-view/), but its bundled dist/reveal.d.ts leaves it out of
// RevealApi. Declared here until the package's own types list it; remove this file then.
export {};

declare module 'reveal.js' {
  interface RevealApi {
    /** True while the deck is shown as a scrolling page (`?view=scroll`, or automatically on narrow screens). */
    isScrollView(): boolean;
  }
}
