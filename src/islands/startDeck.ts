import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import { styleSpeakerView } from './speakerView.ts';

declare global {
  interface Window { deck?: InstanceType<typeof Reveal> }
}

/**
 * Phones read a deck, they do not present it: at this window width and below, the deck opens in reveal's scroll
 * view, and deck.css lays that view out as a reading page (each slide at the phone's width, text at reading size,
 * every fragment shown, figures as stacked panels) instead of reveal's viewport-high pages of scaled-down slides.
 * Wider windows (laptops, projectors, tablets in landscape) keep the slide view exactly as before. deck.css uses
 * the same width in its media query.
 */
export const READER_MAX_WIDTH = 700;
const MARGIN = 0.04;

/** The parts of reveal 6.0's scroll-view controller (`deck.scroll`, public but untyped) the reader view adjusts. */
interface ScrollViewInternals {
  active: boolean;
  slideTriggers?: { page: { pageElement?: HTMLElement; slideElement: HTMLElement }; active?: boolean }[];
  syncScrollPosition(): void;
  scrollToSlide(slide: HTMLElement): void;
  activateTrigger(trigger: unknown): void;
  deactivateTrigger(trigger: unknown): void;
}

/**
 * Initialises the deck on this page. Exposes it as `window.deck` (the ESM build defines no global Reveal,
 * and the end-to-end tests and export scripts need the API) and flags `data-deck-ready` when it is usable.
 */
export function startDeck(): void {
  // Read before reveal starts: when reveal switches to its scroll view during start-up it rewrites the address to
  // the title slide before reading it, so a deep link would otherwise land on slide 1.
  const linked = window.location.hash;
  const deck = new Reveal({
    hash: true,
    history: false,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    controls: true,
    progress: true,
    center: false,
    width: 960,
    height: 700,
    margin: MARGIN,
    transition: 'slide',
    pdfSeparateFragments: true,
    // reveal compares the window width less its margin with this.
    scrollActivationWidth: READER_MAX_WIDTH * (1 - MARGIN),
    plugins: [Notes],
  });
  window.deck = deck;
  styleSpeakerView();
  deck.on('pdf-ready', () => { document.documentElement.dataset.pdfReady = 'true'; });
  const reader = readerView(deck);
  // In the scroll view reveal makes <body> the scrolling element; keyboard users must be able to focus what
  // scrolls (WCAG 2.1.1), including in a deck with no links. Reveal switches views on resize (narrow screens).
  const focusableScroller = () => {
    if (deck.isScrollView()) document.body.tabIndex = 0;
    else document.body.removeAttribute('tabindex');
  };
  deck.on('resize', focusableScroller);
  void deck.initialize().then(() => {
    focusableScroller();
    if (deck.isScrollView()) reader.land(linked);
    document.documentElement.dataset.deckReady = 'true';
  });
}

/**
 * The scroll view as a reading page on narrow screens. reveal's scroll view assumes pages of equal height (one
 * viewport per slide, one more per fragment) and maps the scroll position to a slide by proportion; the reading
 * layout gives each slide its natural height, so the current slide is found from the pages' positions instead,
 * a link scrolls to the top of its slide (and stays there while figures above it hydrate and change height,
 * until the reader scrolls), and the address follows the slide being read.
 */
function readerView(deck: InstanceType<typeof Reveal>) {
  const api = deck as unknown as { scroll: ScrollViewInternals; getViewportElement(): HTMLElement; getRevealElement(): HTMLElement; getSlidesElement(): HTMLElement; isScrollView(): boolean };
  const scroll = api.scroll;
  const narrow = window.matchMedia(`(max-width: ${READER_MAX_WIDTH}px)`);
  const active = () => scroll.active && narrow.matches;
  let pinned: HTMLElement | null = null;
  let landed = false;

  const originalSync = scroll.syncScrollPosition.bind(scroll);
  const originalScrollTo = scroll.scrollToSlide.bind(scroll);

  const mark = () => {
    const on = active();
    api.getRevealElement().toggleAttribute('data-prevent-swipe', on); // native scrolling only, no swipe-to-jump
    document.documentElement.classList.toggle('deck-reader', on);
    if (!on) return;
    for (const section of api.getSlidesElement().querySelectorAll('section')) {
      section.removeAttribute('hidden');
      section.removeAttribute('aria-hidden');
    }
    // Every step of every slide is shown; figures with a step build show their last step.
    for (const f of api.getSlidesElement().querySelectorAll('.fragment:not(.visible)')) f.classList.add('visible');
  };

  scroll.syncScrollPosition = () => {
    if (!active()) { mark(); originalSync(); return; }
    mark();
    const triggers = scroll.slideTriggers ?? [];
    if (triggers.length === 0) return;
    const line = api.getViewportElement().getBoundingClientRect().top + window.innerHeight * 0.3;
    let current = triggers[0];
    for (const t of triggers) {
      const page = t.page.pageElement ?? t.page.slideElement;
      if (page.getBoundingClientRect().top <= line) current = t;
      else break;
    }
    for (const t of triggers) if (t !== current) scroll.deactivateTrigger(t);
    scroll.activateTrigger(current);
  };

  const scrollTo = (slide: HTMLElement) => {
    const page = slide.closest<HTMLElement>('.scroll-page') ?? slide;
    const viewport = api.getViewportElement();
    viewport.scrollTop += page.getBoundingClientRect().top - viewport.getBoundingClientRect().top;
  };

  scroll.scrollToSlide = (slide: HTMLElement) => {
    if (!active() || !scroll.active) { originalScrollTo(slide); return; }
    pinned = slide;
    scrollTo(slide);
  };

  // Keep a linked slide in place while content above it changes height (fonts, figures re-laid out for the width),
  // until the reader scrolls, taps or types.
  const release = () => { pinned = null; };
  for (const type of ['wheel', 'touchstart', 'pointerdown', 'keydown']) window.addEventListener(type, release, { passive: true });
  new ResizeObserver(() => { if (pinned && active()) scrollTo(pinned); }).observe(api.getSlidesElement());

  deck.on('slidechanged', (event: Event) => {
    const slide = (event as Event & { currentSlide?: HTMLElement }).currentSlide;
    if (!landed || !active() || !slide?.id) return;
    const hash = `#/${slide.id}`;
    if (window.location.hash !== hash) history.replaceState(null, '', hash);
  });
  narrow.addEventListener('change', mark);

  return {
    /** Opens the scroll view at the slide the address named when the page loaded. */
    land(hash: string) {
      const name = decodeURIComponent(hash.replace(/^#\/?/, '').split('/')[0] ?? '');
      const target = name && !/^\d+$/.test(name) ? document.getElementById(name)?.closest<HTMLElement>('.slides section') : null;
      if (target) {
        const { h, v } = deck.getIndices(target);
        deck.slide(h, v);
        if (window.location.hash !== hash) history.replaceState(null, '', hash);
      }
      landed = true;
    },
  };
}
