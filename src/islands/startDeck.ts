import Reveal from 'reveal.js';
import { styleSpeakerView } from './speakerView.ts';
import { speakerNotesOnDemand } from './speakerNotesOnDemand.ts';
import { isReader, startReader } from './deckReader.ts';
import { printedLink } from '../figures/printedState.ts';

declare global {
  interface Window { deck?: InstanceType<typeof Reveal> }
}

/**
 * Initialises the deck on this page (on a phone, the reader of deckReader.ts instead). Exposes it as `window.deck` (the ESM build defines no global Reveal,
 * and the end-to-end tests and export scripts need the API) and flags `data-deck-ready` when it is usable.
 */
export function startDeck(): void {
  if (isReader()) return startReader();
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
    margin: 0.04,
    transition: 'slide',
    // A printed slide shows its final state, every fragment in: one page per slide, as the audience last saw it.
    pdfSeparateFragments: false,
  });
  window.deck = deck;
  styleSpeakerView();
  deck.on('pdf-ready', () => {
    numberPrintedSlides();
    linkPrintedFigures();
    document.documentElement.dataset.pdfReady = 'true';
  });
  // In the scroll view reveal makes <body> the scrolling element; keyboard users must be able to focus what
  // scrolls (WCAG 2.1.1), including in a deck with no links. Reveal switches views on resize (narrow screens).
  const focusableScroller = () => {
    if (deck.isScrollView()) document.body.tabIndex = 0;
    else document.body.removeAttribute('tabindex');
  };
  deck.on('resize', focusableScroller);
  void deck.initialize().then(() => {
    speakerNotesOnDemand(deck);
    focusableScroller();
    document.documentElement.dataset.deckReady = 'true';
  });
}

/**
 * reveal numbers printed pages 1, 2, … with no total, whatever the deck's own format; the printed number should
 * be the one the lecturer showed, "14 / 73". The print view has moved every slide into its own page, where
 * reveal's counting (over `.slides > section`) no longer finds them, so they are counted here in page order,
 * skipping the slides reveal does not count either.
 */
function numberPrintedSlides(): void {
  const pages = [...document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')];
  const counted = pages.filter((p) => p.querySelector('section')?.dataset.visibility !== 'uncounted');
  let n = 0;
  for (const page of pages) {
    const number = page.querySelector('.slide-number-pdf');
    if (!number) continue;
    if (counted.includes(page)) n += 1;
    number.textContent = `${Math.max(n, 1)} / ${counted.length}`;
  }
}

/** A printed figure's live link opens its slide: the build wrote the deck's URL, the slide's id is known here. */
function linkPrintedFigures(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.reveal .figure-print-state a')) {
    const id = link.closest('section[id]')?.id;
    if (!id || link.hash) continue;
    link.hash = `/${id}`;
    link.textContent = printedLink(link.href);
  }
}
