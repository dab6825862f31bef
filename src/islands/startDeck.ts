import Reveal from 'reveal.js';
import { styleSpeakerView } from './speakerView.ts';
import { speakerNotesOnDemand } from './speakerNotesOnDemand.ts';
import { isReader, startReader } from './deckReader.ts';

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
    pdfSeparateFragments: true,
  });
  window.deck = deck;
  styleSpeakerView();
  deck.on('pdf-ready', () => { document.documentElement.dataset.pdfReady = 'true'; });
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
