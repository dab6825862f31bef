/**
 * Loads the figure island (drawing code, d3, the worker client) only when a figure is first about to be
 * seen: in a deck, when a slide holding one is shown; elsewhere, when one scrolls near the viewport. Until
 * then the build-time SVG is the figure, so a page opens with a few hundred bytes of script instead of the
 * island's ~50 KiB. Once loaded, `<dyn-figure>` upgrades every figure on the page and each one starts
 * itself (see connectedCallback in dynFigure.ts).
 */

type RevealEvent = Event & { currentSlide?: Element };

let loading: Promise<unknown> | undefined;
const load = () => (loading ??= import('./dynFigure.ts'));

const figuresOnPage = () => [...document.querySelectorAll('dyn-figure')];

function inPresentingDeck(): boolean {
  // The phone reader lays the slides out as one page: there figures load as in a reading.
  return document.querySelector('.reveal .slides dyn-figure') !== null && !document.documentElement.classList.contains('deck-reader');
}

function watchDeck(): void {
  const onSlide = (event: Event) => {
    if ((event as RevealEvent).currentSlide?.querySelector('dyn-figure')) void load();
  };
  document.addEventListener('ready', onSlide);
  document.addEventListener('slidechanged', onSlide);
  // reveal may already be on a slide with a figure (a deep link) when this module runs.
  if (document.querySelector('.reveal .slides section.present dyn-figure')) void load();
}

function watchScrolling(): void {
  if (!('IntersectionObserver' in window)) return void load();
  // A margin of about a screen lets the island arrive before the figure is in view.
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    void load();
  }, { rootMargin: '100% 0px' });
  for (const figure of figuresOnPage()) observer.observe(figure);
}

// A printed handout shows the build-time drawings; nothing there is interactive.
if (figuresOnPage().length > 0 && !document.documentElement.hasAttribute('data-handout')) {
  if (inPresentingDeck()) watchDeck();
  else watchScrolling();
}
