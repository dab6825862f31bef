import type Reveal from 'reveal.js';

type Deck = InstanceType<typeof Reveal>;

/**
 * reveal's notes plugin (the speaker view, with its own copy of a Markdown parser) is a fifth of a deck's
 * script, and an audience never uses it. It is loaded when the lecturer asks for it: the S key, a `?notes`
 * URL, or a speaker window left open across a reload of the deck (its heartbeat reaches this window, and the
 * plugin, once registered, answers the next one). Call after the deck is initialised, so that registering
 * the plugin initialises it at once.
 */
export function speakerNotesOnDemand(deck: Deck): void {
  // The speaker view's own frames load this deck with ?receiver; they never open a speaker view.
  if (/receiver/i.test(location.search)) return;
  let loading: Promise<void> | undefined;
  const load = () => (loading ??= import('reveal.js/plugin/notes').then(({ default: Notes }) => deck.registerPlugin(Notes())));
  // With ?notes in the URL the plugin opens the speaker view as it initialises.
  if (/[?&]notes/i.test(location.search)) return void load();
  deck.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker notes view' }, () => {
    void load().then(() => (deck.getPlugin('notes') as { open?: () => void } | undefined)?.open?.());
  });
  const onHeartbeat = (event: MessageEvent) => {
    if (typeof event.data !== 'string' || !event.data.includes('"reveal-notes"') || !event.data.includes('"heartbeat"')) return;
    window.removeEventListener('message', onHeartbeat);
    void load();
  };
  window.addEventListener('message', onHeartbeat);
}
