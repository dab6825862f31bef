/**
 * Keeps a figure in step across the windows of one browser that show the same page: the audience window and
 * the speaker view's slide previews (same origin, so no server). A window that moves a slider or presses Replay
 * publishes the figure's parameters; the others apply them without publishing again, so a message never echoes.
 */

/** What one window tells the others: which figure of which page now has which parameters, and whether it replays. */
export interface FigureStateMessage { path: string; key: string; params: Record<string, number>; play?: boolean }

type Listener = (message: FigureStateMessage) => void;

let channel: BroadcastChannel | null | undefined;
const listeners = new Set<Listener>();

function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('course-figure-state') : null;
  channel?.addEventListener('message', (event: MessageEvent<FigureStateMessage>) => {
    if (event.data?.path !== location.pathname) return;
    for (const listener of listeners) listener(event.data);
  });
  return channel;
}

/** Tells the other windows that figure `key` of this page now has `params` (and, with `play`, replays). */
export function publishFigureState(key: string, params: Record<string, number>, play = false): void {
  open()?.postMessage({ path: location.pathname, key, params, ...(play ? { play } : {}) } satisfies FigureStateMessage);
}

/** Calls `listener` with every state another window publishes for this page; returns the unsubscribe. */
export function subscribeFigureState(listener: Listener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
