import { getPrediction, type EngineHost, type PredictionResult } from '../predictions/registry.ts';
import { judge, parsePrediction } from '../predictions/verdict.ts';
import { run } from '../engine/worker/runInWorker.ts';

/** Lets the browser paint ("Running the engine…") before the work starts. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * `<predict-check>`: wires one "predict, then run" box. The button stays disabled until the input holds a
 * number; pressing it (or Enter in the input) runs the check's scenarios in Web Workers, then writes the
 * engine's value, the relative error and the verdict into the polite live region. The engine runs once per box;
 * a changed prediction is judged against the cached measurement. Id-free and measures nothing.
 */
class PredictCheck extends HTMLElement {
  private result?: PredictionResult;
  private busy = false;

  connectedCallback(): void {
    if (this.dataset.wired) return;
    this.dataset.wired = 'true';
    const form = this.querySelector<HTMLFormElement>('form.predict-form');
    const input = this.querySelector<HTMLInputElement>('input.predict-input');
    const button = this.querySelector<HTMLButtonElement>('button.predict-run');
    if (!form || !input || !button) return;
    const sync = () => { button.disabled = this.busy || parsePrediction(input.value) === null; };
    input.addEventListener('input', sync);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.check(input, button).finally(sync);
    });
    sync();
    this.dataset.ready = 'true';
  }

  private region(): HTMLElement {
    return this.querySelector<HTMLElement>('.predict-result')!;
  }

  private say(...lines: { text: string; className?: string; within?: boolean }[]): void {
    const region = this.region();
    region.replaceChildren(...lines.map(({ text, className, within }) => {
      const p = document.createElement('p');
      p.textContent = text;
      if (className) p.className = className;
      if (within !== undefined) p.dataset.within = String(within);
      return p;
    }));
  }

  private async check(input: HTMLInputElement, button: HTMLButtonElement): Promise<void> {
    if (this.busy) return;
    const prediction = parsePrediction(input.value);
    if (prediction === null) {
      this.say({ text: 'Type a number first, for example 1.5 or 2e-3.' });
      return;
    }
    const tolerance = Number(this.dataset.tolerance);
    if (!this.result) {
      this.busy = true;
      button.disabled = true;
      this.region().setAttribute('aria-busy', 'true');
      this.say({ text: 'Running the engine…' });
      try {
        await nextFrame();
        const host: EngineHost = { run: (scenario) => run(scenario) };
        const params = JSON.parse(this.dataset.params ?? '{}') as Record<string, number>;
        this.result = await getPrediction(this.dataset.check ?? '').run(params, host);
      } catch (error) {
        this.say({ text: `The engine check failed: ${(error as Error).message}` });
        return;
      } finally {
        this.busy = false;
        this.region().removeAttribute('aria-busy');
      }
    }
    const verdict = judge(prediction, this.result, tolerance);
    this.say(
      { text: verdict.within ? 'Within tolerance.' : 'Outside tolerance.', className: 'predict-verdict', within: verdict.within },
      { text: `${verdict.engine} ${verdict.comparison}` },
      { text: this.result.details, className: 'predict-details' },
    );
    this.dataset.state = verdict.within ? 'within' : 'outside';
  }
}

if (!customElements.get('predict-check')) customElements.define('predict-check', PredictCheck);
