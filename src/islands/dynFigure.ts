import { figures } from '../figures/registry.ts';
import type { FigureSpec } from '../figures/FigureSpec.ts';
import { resolveParams } from '../figures/FigureSpec.ts';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const ANIMATION_MS = 1600;

/**
 * `<dyn-figure>`: hydrates a build-time SVG in place. Idempotent and id-free because reveal's print view
 * clones slides; starts its animation when its slide (or, in a reading, the figure) becomes visible and stops
 * when it leaves, so hidden slides cost nothing and nothing is ever measured.
 */
class DynFigure extends HTMLElement {
  private spec?: FigureSpec;
  private params: Record<string, number> = {};
  private frame = 0;
  private data: unknown;
  private observer?: IntersectionObserver;
  private readonly onSlide = (event: Event) => {
    const slide = (event as Event & { currentSlide?: Element }).currentSlide;
    if (slide?.contains(this)) this.start();
    else this.stop();
  };

  connectedCallback(): void {
    const spec = figures[this.dataset.name as keyof typeof figures];
    if (!spec) throw new Error(`<dyn-figure>: unknown figure "${this.dataset.name}"`);
    this.spec = spec;
    this.params = resolveParams(spec, JSON.parse(this.dataset.params ?? '{}'));
    for (const input of this.querySelectorAll<HTMLInputElement>('input[type=range][name]')) {
      input.disabled = false;
      input.addEventListener('input', () => this.update(input));
    }
    this.data = spec.compute(this.params);
    const inDeck = this.closest('.reveal .slides') !== null;
    if (inDeck) {
      document.addEventListener('slidechanged', this.onSlide);
      document.addEventListener('ready', this.onSlide);
    } else if ('IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => (entries.some((e) => e.isIntersecting) ? this.start() : this.stop()), { threshold: 0.4 });
      this.observer.observe(this);
    }
    this.dataset.ready = 'true';
  }

  disconnectedCallback(): void {
    this.stop();
    document.removeEventListener('slidechanged', this.onSlide);
    document.removeEventListener('ready', this.onSlide);
    this.observer?.disconnect();
  }

  private update(input: HTMLInputElement): void {
    this.params[input.name] = Number(input.value);
    const control = this.spec!.controls.find((c) => c.name === input.name);
    const output = input.parentElement?.querySelector('output');
    if (output && control) output.textContent = control.format ? control.format(Number(input.value)) : input.value;
    this.stop();
    this.data = this.spec!.compute(this.params);
    this.render(1);
  }

  private render(progress: number): void {
    const svg = this.querySelector<SVGSVGElement>('svg.figure-svg');
    if (!svg || !this.spec) return;
    this.spec.draw(svg, this.data, progress);
    const text = this.spec.describe(this.data);
    const desc = svg.querySelector('desc');
    if (desc) desc.textContent = text;
    const readout = this.querySelector('.figure-readout');
    if (readout) readout.textContent = text;
  }

  /** Replays the dynamics from t = 0 (instantly under reduced motion). */
  start(): void {
    this.stop();
    if (reducedMotion()) return this.render(1);
    const begin = performance.now();
    const tick = (now: number) => {
      const p = Math.min(1, (now - begin) / ANIMATION_MS);
      this.render(p);
      if (p < 1) this.frame = requestAnimationFrame(tick);
      else this.frame = 0;
    };
    this.frame = requestAnimationFrame(tick);
  }

  stop(): void {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.render(1);
    }
  }
}

if (!customElements.get('dyn-figure')) customElements.define('dyn-figure', DynFigure);
