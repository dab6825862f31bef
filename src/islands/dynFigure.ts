import { figures } from '../figures/registry.ts';
import type { EngineHost, FigureSpec } from '../figures/FigureSpec.ts';
import { resolveParams, snapToControl } from '../figures/FigureSpec.ts';
import { run } from '../engine/worker/runInWorker.ts';
import type { Trajectory } from '../engine/index.ts';
import type { PrecomputedName } from '../figures/precomputedRuns.ts';
import grokUrl from '../../data/precomputed/modular-addition-grok.json?url';
import stuckUrl from '../../data/precomputed/modular-addition-stuck.json?url';
import { svgPoint } from './svgPoint.ts';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const ANIMATION_MS = 1600;
const STEP_MS = 700;

type RevealEvent = Event & { currentSlide?: Element; fragment?: Element };

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
  private data: unknown;
  private frame = 0;
  private progress = 1;
  private pending?: AbortController;
  private observer?: IntersectionObserver;

  private readonly onSlide = (event: Event) => {
    const slide = (event as RevealEvent).currentSlide;
    if (!slide?.contains(this)) return this.stop();
    if (this.stepMarkers().length > 0) this.animateTo(this.stepProgress(), 0);
    else this.start();
  };

  private readonly onFragment = (event: Event) => {
    const fragment = (event as RevealEvent).fragment;
    if (fragment && this.contains(fragment) && fragment.classList.contains('figure-step')) this.animateTo(this.stepProgress(), STEP_MS);
  };

  private wired = false;

  connectedCallback(): void {
    const spec = figures[this.dataset.name as keyof typeof figures];
    if (!spec) throw new Error(`<dyn-figure>: unknown figure "${this.dataset.name}"`);
    // reveal's scroll and print views move slides around the DOM: a moved figure keeps its state and its
    // listeners, and a computation already under way is not restarted.
    if (!this.wired) {
      this.wired = true;
      this.spec = spec;
      this.params = resolveParams(spec, JSON.parse(this.dataset.params ?? '{}'));
      for (const input of this.inputs()) {
        input.disabled = false;
        input.addEventListener('input', () => this.setParams({ [input.name]: Number(input.value) }));
      }
      if (spec.pointer) this.querySelector('svg.figure-svg')?.addEventListener('click', (e) => this.onPointer(e as MouseEvent));
      void this.recompute().then(() => { this.dataset.ready = 'true'; });
    }
    const inDeck = this.closest('.reveal .slides') !== null;
    if (inDeck) {
      document.addEventListener('slidechanged', this.onSlide);
      document.addEventListener('ready', this.onSlide);
      document.addEventListener('fragmentshown', this.onFragment);
      document.addEventListener('fragmenthidden', this.onFragment);
    } else if ('IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => (entries.some((e) => e.isIntersecting) ? this.start() : this.stop()), { threshold: 0.4 });
      this.observer.observe(this);
    }
  }

  disconnectedCallback(): void {
    this.stop();
    for (const type of ['slidechanged', 'ready']) document.removeEventListener(type, this.onSlide);
    for (const type of ['fragmentshown', 'fragmenthidden']) document.removeEventListener(type, this.onFragment);
    this.observer?.disconnect();
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

  private async setParams(changes: Record<string, number>): Promise<void> {
    Object.assign(this.params, changes);
    for (const input of this.inputs()) {
      if (!(input.name in changes)) continue;
      input.value = String(changes[input.name]);
      const control = this.spec!.controls.find((c) => c.name === input.name);
      const output = input.parentElement?.querySelector('output');
      if (output && control) output.textContent = control.format ? control.format(changes[input.name]) : String(changes[input.name]);
    }
    this.stop();
    await this.recompute();
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
    const { x, y } = svgPoint(svg, event.clientX, event.clientY);
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
    // A step build resting on its first state (progress 0) is described as drawn; an animation's frames are
    // described as the whole run, so the live region does not chatter.
    const text = this.spec.describe(this.data, progress === 0 && this.stepMarkers().length > 0 ? 0 : 1);
    const desc = svg.querySelector('desc');
    if (desc) desc.textContent = text;
    const readout = this.querySelector('.figure-readout');
    if (readout) readout.textContent = text;
  }

  /** Tweens the drawn progress to `target` (instantly under reduced motion). */
  private animateTo(target: number, ms: number): void {
    this.stop(false);
    const from = this.progress;
    if (ms === 0 || reducedMotion() || this.data === undefined) return this.render(target);
    const begin = performance.now();
    const tick = (now: number) => {
      const f = Math.min(1, (now - begin) / ms);
      this.render(from + (target - from) * f);
      this.frame = f < 1 ? requestAnimationFrame(tick) : 0;
    };
    this.frame = requestAnimationFrame(tick);
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
    if (finish) this.render(1);
  }
}

if (!customElements.get('dyn-figure')) customElements.define('dyn-figure', DynFigure);
