import { figureLoaders } from '../figures/figureLoaders.ts';
import type { FigureName } from '../figures/figureNames.ts';
import type { EngineHost, FigureSpec } from '../figures/FigureSpec.ts';
import { resolveParams, snapToControl } from '../figures/FigureSpec.ts';
import { run } from '../engine/worker/runInWorker.ts';
import type { Trajectory } from '../engine/index.ts';
import type { PrecomputedName } from '../figures/precomputedRuns.ts';
import grokUrl from '../../data/precomputed/modular-addition-grok.json?url';
import stuckUrl from '../../data/precomputed/modular-addition-stuck.json?url';
import { svgPoint } from './svgPoint.ts';
import { NARROW_BELOW_PX, stackPanels, unstack } from '../figures/narrowLayout.ts';
import { toWide, type StackPlan } from '../figures/stackPlan.ts';
import { changedParams, figureKey, readFigureState, writeFigureState } from './figureState.ts';
import { publishFigureState, subscribeFigureState } from './figureSync.ts';
import { printedLink, printedState } from '../figures/printedState.ts';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
/**
 * Laid out for paper (reveal's ?print-pdf view, a Paged.js handout, print media): a figure is drawn finished, never
 * animated, and without a state in the URL it is not computed at all — the build-time drawing is that figure,
 * so a printout does not depend on how far a computation had got.
 */
const forPaper = () =>
  /[?&]print-pdf\b/.test(location.search) || document.documentElement.hasAttribute('data-handout') || window.matchMedia('print').matches;
const ANIMATION_MS = 1600;
const STEP_MS = 700;
const URL_DELAY_MS = 250;

type RevealEvent = Event & { currentSlide?: Element; fragment?: Element };
/** Who changed a figure's parameters: the reader here, another window of this page (figureSync.ts). */
type ParamSource = 'reader' | 'other-window';

/** Hashed, base-aware asset URLs of the committed runs: fetched when a figure asks, never bundled. */
const precomputedUrls: Record<PrecomputedName, string> = { 'modular-addition-grok': grokUrl, 'modular-addition-stuck': stuckUrl };
const precomputedRuns = new Map<PrecomputedName, Promise<Trajectory>>();

function precomputed(name: PrecomputedName): Promise<Trajectory> {
  let pending = precomputedRuns.get(name);
  if (!pending) {
    pending = fetch(precomputedUrls[name])
      .then((response) => {
        if (!response.ok) throw new Error(`<dyn-figure>: ${precomputedUrls[name]} answered ${response.status}`);
        return response.json() as Promise<{ trajectory: Trajectory }>;
      })
      .then((file) => file.trajectory);
    // A failed request is retried the next time a figure asks.
    pending.catch(() => precomputedRuns.delete(name));
    precomputedRuns.set(name, pending);
  }
  return pending;
}

/**
 * `<dyn-figure>`: hydrates a build-time SVG in place. Idempotent and id-free because reveal's print view
 * clones slides; plays its dynamics when its slide (or, in a reading, the figure) becomes visible and stops
 * when it leaves, so hidden slides cost nothing and nothing is ever measured. Simulations run in a worker;
 * a newer request cancels an older one.
 */
class DynFigure extends HTMLElement {
  private spec?: FigureSpec;
  private params: Record<string, number> = {};
  /** The parameters the page drew the figure with: the URL records only what differs from them. */
  private initial: Record<string, number> = {};
  /** This figure's key in the URL and in messages between windows (figureState.ts). */
  private key = '';
  private unsubscribe?: () => void;
  private urlTimer = 0;
  private data: unknown;
  private frame = 0;
  private progress = 1;
  private pending?: AbortController;
  private observer?: IntersectionObserver;
  private resizeObserver?: ResizeObserver;
  /** Whether the figure's box is narrow enough to stack its panels, and the plan of the stacked drawing. */
  private narrow = false;
  private plan: StackPlan | null = null;
  private boxWidth = 0;

  private readonly onSlide = (event: Event) => {
    const slide = (event as RevealEvent).currentSlide;
    if (!slide?.contains(this)) return this.stop();
    void this.ensureData().then(() => {
      // The deck may have moved on while the engine ran.
      if (!this.closest('section.present')) return;
      if (this.stepMarkers().length > 0) this.animateTo(this.stepProgress(), 0);
      else this.start();
    });
  };

  /** Whether a reading's figure is on screen (it plays when its data arrives only if it still is). */
  private visible = false;
  private computed?: Promise<void>;

  /**
   * The first live computation starts when the figure is first shown (its slide, or scrolled into view), not
   * when the page loads: a deck holds a dozen figures, and the build-time SVG already shows each default.
   */
  private ensureData(): Promise<void> {
    this.computed ??= this.recompute().then(() => { this.dataset.ready = 'true'; });
    return this.computed;
  }

  private readonly onFragment = (event: Event) => {
    const fragment = (event as RevealEvent).fragment;
    if (fragment && this.contains(fragment) && fragment.classList.contains('figure-step')) this.animateTo(this.stepProgress(), STEP_MS);
  };

  private wired = false;

  /** The browser's print command catches whatever frame is on screen: finish the drawing first. */
  private readonly onBeforePrint = () => this.stop();

  connectedCallback(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    const load = figureLoaders[this.dataset.name as FigureName];
    if (!load) throw new Error(`<dyn-figure>: unknown figure "${this.dataset.name}"`);
    if (!this.wired && forPaper()) {
      const name = this.dataset.name!;
      const key = figureKey(name, [...document.querySelectorAll(`dyn-figure[data-name="${name}"]`)].indexOf(this));
      if (readFigureState(location.search, key) === null) return;
    }
    // Only the drawing code of the figures on this page is fetched, when the first of them is shown.
    const spec = this.spec ?? (await load());
    if (!this.isConnected) return;
    // reveal's scroll and print views move slides around the DOM: a moved figure keeps its state and its
    // listeners, and a computation already under way is not restarted.
    if (!this.wired) {
      this.wired = true;
      this.spec = spec;
      this.params = resolveParams(spec, JSON.parse(this.dataset.params ?? '{}'));
      this.initial = { ...this.params };
      this.key = figureKey(spec.name, [...document.querySelectorAll(`dyn-figure[data-name="${spec.name}"]`)].indexOf(this));
      // A URL that carries this figure's state (a reload, a shared link) opens it that way: the live drawing,
      // computed when the figure is first shown, uses these values instead of the build-time SVG's.
      const restored = this.acceptState(readFigureState(location.search, this.key));
      if (restored) this.showParams(restored);
      else this.showPrintedState();
      for (const input of this.inputs()) {
        input.disabled = false;
        input.addEventListener('input', () => this.setParams({ [input.name]: Number(input.value) }));
      }
      if (spec.pointer) this.querySelector('svg.figure-svg')?.addEventListener('click', (e) => this.onPointer(e as MouseEvent));
      const replay = this.querySelector<HTMLButtonElement>('button.figure-play');
      if (replay) {
        replay.disabled = false;
        replay.addEventListener('click', () => this.replay('reader'));
        // Space and Enter press the button; reveal, listening on the document, must not also step the deck.
        replay.addEventListener('keydown', (e) => { if (e.key === ' ' || e.key === 'Enter') e.stopPropagation(); });
      }
    }
    window.addEventListener('beforeprint', this.onBeforePrint);
    this.unsubscribe ??= subscribeFigureState((message) => {
      if (message.key !== this.key) return;
      const state = this.acceptState(message.params);
      const changed = state !== null && Object.entries(state).some(([k, v]) => this.params[k] !== v);
      const updated = changed ? this.setParams(state, 'other-window') : Promise.resolve();
      if (message.play) void updated.then(() => this.replay('other-window'));
    });
    // The box's width decides the layout (a phone's column, a reading's, a slide's unscaled 960 px): it is
    // observed, not measured per frame, and the figure is redrawn only when it crosses the threshold.
    if ('ResizeObserver' in window && !this.resizeObserver) {
      this.resizeObserver = new ResizeObserver((entries) => {
        const width = entries[0]?.contentRect.width ?? 0;
        const narrow = width > 0 && width < NARROW_BELOW_PX;
        // A stacked figure sizes its labels for the column's width, so it re-lays out when that changes.
        if (narrow === this.narrow && (!narrow || Math.abs(width - this.boxWidth) < 1)) return;
        this.narrow = narrow;
        this.boxWidth = width;
        // Before the first live drawing, the build-time SVG is re-laid out in place.
        if (this.data === undefined) this.layout(this.querySelector<SVGSVGElement>('svg.figure-svg'));
        else this.render(this.progress);
      });
      this.resizeObserver.observe(this);
    }
    // In the phone reader (reveal not started, slides as one page) a figure behaves as in a reading.
    const inDeck = this.closest('.reveal .slides') !== null && !document.documentElement.classList.contains('deck-reader');
    if (inDeck) {
      document.addEventListener('slidechanged', this.onSlide);
      document.addEventListener('ready', this.onSlide);
      document.addEventListener('fragmentshown', this.onFragment);
      document.addEventListener('fragmenthidden', this.onFragment);
      // The island is loaded when a slide with a figure is first shown (loadFiguresWhenShown.ts), so that
      // slide's event has passed by the time this runs: start as the event would have.
      const present = this.closest('section.present');
      if (present && this.closest('.reveal.ready')) this.onSlide(Object.assign(new Event('slidechanged'), { currentSlide: present }));
    } else if ('IntersectionObserver' in window && !this.observer) {
      this.observer = new IntersectionObserver((entries) => {
        this.visible = entries.some((e) => e.isIntersecting);
        if (!this.visible) return this.stop();
        void this.ensureData().then(() => { if (this.visible) this.start(); });
      }, { threshold: 0.25 });
      this.observer.observe(this);
    }
  }

  disconnectedCallback(): void {
    this.stop();
    window.removeEventListener('beforeprint', this.onBeforePrint);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const type of ['slidechanged', 'ready']) document.removeEventListener(type, this.onSlide);
    for (const type of ['fragmentshown', 'fragmenthidden']) document.removeEventListener(type, this.onFragment);
    this.observer?.disconnect();
    this.observer = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  private inputs(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('input[type=range][name]')];
  }

  private stepMarkers(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('.figure-step')];
  }

  /** Progress of the step build as the visible fragments say (step 0 before any is shown). */
  private stepProgress(): number {
    const shown = this.stepMarkers().filter((m) => m.classList.contains('visible')).length;
    return this.spec?.steps?.[shown]?.progress ?? 1;
  }

  /** Sets parameters and the sliders and read-outs that show them, without computing. */
  private showParams(changes: Record<string, number>): void {
    Object.assign(this.params, changes);
    for (const input of this.inputs()) {
      if (!(input.name in changes)) continue;
      input.value = String(changes[input.name]);
      const control = this.spec!.controls.find((c) => c.name === input.name);
      const output = input.parentElement?.querySelector('output');
      if (output && control) output.textContent = control.format ? control.format(changes[input.name]) : String(changes[input.name]);
    }
    this.showPrintedState();
  }

  /**
   * The printed caption's values and live link follow the sliders, so that a page printed after moving them
   * says what it shows and links to the figure in that state (on a slide, at that slide).
   */
  private showPrintedState(): void {
    const line = this.closest('figure')?.querySelector<HTMLElement>('.figure-print-state');
    const link = line?.querySelector('a');
    if (!line || !link || !this.spec) return;
    const slide = this.closest('.reveal section[id]')?.id;
    const live = new URL(line.dataset.live ?? location.href);
    if (slide) live.hash = `/${slide}`;
    const href = new URL(writeFigureState(live.href, this.key, changedParams(this.params, this.initial)), live).href;
    link.href = href;
    link.textContent = printedLink(href);
    line.firstChild!.textContent = ` ${printedState(this.spec, this.params)} Live figure: `;
  }

  /** The entries of a state from the URL or another window that are sliders of this figure, snapped to them. */
  private acceptState(state: Record<string, number> | null): Record<string, number> | null {
    if (!state || !this.spec) return null;
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(state)) {
      const control = this.spec.controls.find((c) => c.name === k);
      if (control && v >= control.min && v <= control.max) out[k] = snapToControl(this.spec, k, v);
      else console.warn(`<dyn-figure> ${this.spec.name}: ignored ${k} = ${v} (not one of its sliders, or outside the slider's range)`);
    }
    return Object.keys(out).length > 0 ? out : null;
  }

  private async setParams(changes: Record<string, number>, source: ParamSource = 'reader'): Promise<void> {
    this.showParams(changes);
    // The URL follows without a history entry (Back still leaves the page), once the slider rests: Chromium
    // ignores history updates beyond a few hundred in ten seconds, fewer than a dragged slider sends. The other
    // windows of this page follow the reader's change at once.
    clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => history.replaceState(history.state, '', writeFigureState(location.href, this.key, changedParams(this.params, this.initial))), URL_DELAY_MS);
    if (source === 'reader') publishFigureState(this.key, { ...this.params });
    this.stop();
    const pending = this.recompute();
    this.computed ??= pending.then(() => { this.dataset.ready = 'true'; });
    await pending;
  }

  /** Runs the figure's simulations for the current parameters; a newer call supersedes an older one. */
  private async recompute(): Promise<void> {
    this.pending?.abort();
    const controller = new AbortController();
    this.pending = controller;
    // A figure may run several simulations at once; the indicator shows the least advanced of them.
    const fractions: number[] = [];
    const indicator = this.querySelector<HTMLElement>('.figure-progress');
    const show = () => { if (indicator && this.pending === controller) indicator.textContent = `computing… ${Math.round(100 * Math.min(...fractions))} %`; };
    const host: EngineHost = {
      run: (scenario) => {
        const k = fractions.push(0) - 1;
        show();
        return run(scenario, { signal: controller.signal, onProgress: (f) => { fractions[k] = f; show(); } }).then((traj) => { fractions[k] = 1; show(); return traj; });
      },
      precomputed,
    };
    this.setAttribute('aria-busy', 'true');
    try {
      const data = await this.spec!.compute({ ...this.params }, host);
      if (controller.signal.aborted) return;
      this.data = data;
      this.render(this.stepMarkers().length > 0 && this.closest('.present') ? this.stepProgress() : 1);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    } finally {
      if (this.pending === controller) {
        this.removeAttribute('aria-busy');
        if (indicator) indicator.textContent = '';
      }
    }
  }

  private onPointer(event: MouseEvent): void {
    const svg = event.currentTarget as SVGSVGElement;
    if (!this.spec?.pointer || this.data === undefined) return;
    const point = svgPoint(svg, event.clientX, event.clientY);
    const { x, y } = this.plan ? toWide(this.plan, point.x, point.y) : point;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const changes = this.spec.pointer(x, y, this.data);
    if (!changes) return;
    const snapped = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, snapToControl(this.spec!, k, v)]));
    void this.setParams(snapped).then(() => this.start());
  }

  private render(progress: number): void {
    const svg = this.querySelector<SVGSVGElement>('svg.figure-svg');
    if (!svg || !this.spec || this.data === undefined) return;
    this.progress = progress;
    this.spec.draw(svg, this.data, progress);
    this.layout(svg);
    // A step build resting on its first state (progress 0) is described as drawn; an animation's frames are
    // described as the whole run, so the live region does not chatter.
    const text = this.spec.describe(this.data, progress === 0 && this.stepMarkers().length > 0 ? 0 : 1);
    const desc = svg.querySelector('desc');
    if (desc) desc.textContent = text;
    const readout = this.querySelector('.figure-readout');
    if (readout) readout.textContent = text;
  }

  /** Stacks the panels of the drawing in a narrow box, or puts them back side by side. */
  private layout(svg: SVGSVGElement | null): void {
    if (!svg || !this.spec) return;
    this.plan = this.narrow ? stackPanels(svg, this.spec, this.boxWidth) : null;
    if (!this.narrow && svg.dataset.layout) unstack(svg, this.spec);
  }

  /** Tweens the drawn progress to `target` (instantly under reduced motion). */
  private animateTo(target: number, ms: number): void {
    this.stop(false);
    const from = this.progress;
    if (ms === 0 || reducedMotion() || forPaper() || this.data === undefined) return this.render(target);
    const begin = performance.now();
    // Marks the figure while frames are drawn, so a test (or a style) can tell a finished drawing from a frame.
    this.dataset.playing = 'true';
    const tick = (now: number) => {
      const f = Math.min(1, (now - begin) / ms);
      this.render(from + (target - from) * f);
      this.frame = f < 1 ? requestAnimationFrame(tick) : 0;
      if (!this.frame) delete this.dataset.playing;
    };
    this.frame = requestAnimationFrame(tick);
  }

  /** Replays the dynamics once the figure has its data, and has the other windows of the page replay too. */
  private replay(source: ParamSource): void {
    if (source === 'reader') publishFigureState(this.key, { ...this.params }, true);
    void this.ensureData().then(() => this.start());
  }

  /** Replays the dynamics from t = 0. */
  start(): void {
    this.render(0);
    this.animateTo(1, ANIMATION_MS);
  }

  /** Stops any animation; by default leaves the figure fully drawn. */
  stop(finish = true): void {
    if (!this.frame) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    delete this.dataset.playing;
    if (finish) this.render(1);
  }
}

if (!customElements.get('dyn-figure')) customElements.define('dyn-figure', DynFigure);
