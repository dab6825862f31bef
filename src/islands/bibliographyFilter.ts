/**
 * The bibliography page's text filter: every word typed must occur in an entry (its reference, our note
 * or its key), accents and case ignored. Runs on the page alone, so it works from a file server or offline.
 */
export const normalise = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether an entry's text contains every word of the query (an empty query matches everything). */
export function matchesQuery(entryText: string, query: string): boolean {
  const haystack = normalise(entryText);
  return normalise(query).split(/\s+/).filter(Boolean).every((w) => haystack.includes(w));
}

/** Wires the filter input to the entries below it and announces how many remain. */
export function startBibliographyFilter(root: ParentNode = document): void {
  const input = root.querySelector<HTMLInputElement>('#bibliography-filter');
  const status = root.querySelector<HTMLElement>('#bibliography-count');
  const form = input?.closest<HTMLElement>('.bibliography-filter');
  if (!input || !status || !form) return;
  const entries = [...root.querySelectorAll<HTMLElement>('.bibliography-entry')];
  const sections = [...root.querySelectorAll<HTMLElement>('.bibliography-section')];
  const texts = new Map(entries.map((e) => [e, e.textContent ?? '']));
  const apply = () => {
    let shown = 0;
    for (const e of entries) {
      const hit = matchesQuery(texts.get(e)!, input.value);
      e.hidden = !hit;
      if (hit) shown += 1;
    }
    for (const s of sections) s.hidden = !s.querySelector('.bibliography-entry:not([hidden])');
    status.textContent = input.value.trim() ? `${shown} of ${entries.length} entries match.` : `${entries.length} entries.`;
  };
  input.addEventListener('input', apply);
  form.hidden = false;
  apply();
}
