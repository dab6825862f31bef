/**
 * Fills a folded worked solution (`details.solution[data-solutions]`, see Solution.astro) the first time it
 * is opened, from the set's "with solutions" handout: the n-th fold on the page receives the n-th
 * `.solution-open` there. The handout is fetched once per page. If it cannot be fetched (a dropped
 * connection), the fold keeps its link to the handout and says why.
 */

const handouts = new Map<string, Promise<Element[]>>();

function solutionsIn(url: string): Promise<Element[]> {
  let pending = handouts.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return response.text();
      })
      .then((html) => [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('.solution-open')]);
    // A failed request is retried at the next opening.
    pending.catch(() => handouts.delete(url));
    handouts.set(url, pending);
  }
  return pending;
}

async function fill(fold: HTMLDetailsElement, index: number): Promise<void> {
  const body = fold.querySelector<HTMLElement>('.details-body');
  if (!body || fold.dataset.filled) return;
  fold.dataset.filled = 'pending';
  body.setAttribute('aria-busy', 'true');
  try {
    const solution = (await solutionsIn(fold.dataset.solutions!))[index];
    if (!solution) throw new Error(`the handout has no solution number ${index + 1}`);
    // The handout's "Solution" label repeats what the summary says.
    const parts = [...solution.childNodes].filter((n) => !(n instanceof Element && n.classList.contains('box-label')));
    body.replaceChildren(...parts.map((n) => document.importNode(n, true)));
    fold.dataset.filled = 'true';
  } catch (error) {
    delete fold.dataset.filled;
    const note = body.querySelector('.solution-error') ?? body.appendChild(Object.assign(document.createElement('p'), { className: 'solution-error' }));
    note.textContent = `This solution could not be loaded (${(error as Error).message}); the link above opens all of them.`;
  } finally {
    body.removeAttribute('aria-busy');
  }
}

const folds = [...document.querySelectorAll<HTMLDetailsElement>('details.solution[data-solutions]')];
folds.forEach((fold, index) => {
  fold.addEventListener('toggle', () => { if (fold.open) void fill(fold, index); });
  // A fold opened before this script ran (restored by the browser) is filled at once.
  if (fold.open) void fill(fold, index);
});
