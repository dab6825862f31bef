/**
 * Public boundary of the dynamics engine (browser-safe: no Node built-ins). The build-time cache lives
 * in ./precompute/ and is imported separately by Node code.
 */
export { runScenario, parseScenario } from './core/runScenario.ts';
export { ScenarioError } from './core/scenarioError.ts';
export { registry, modelNames, type ModelEntry } from './core/registry.ts';
export type { Trajectory, RunOptions, Divergence, SeriesValue } from './core/trajectory.ts';
export { ENGINE_VERSION } from './core/version.ts';
export { stableStringify } from './core/stableStringify.ts';
export { createRng, type Rng } from './core/rng.ts';
export { saxeModeValue, saxeModeTime, saxeHalfTime } from './closed/saxeMode.ts';
export { depthModeRate, depthModeTime, depthModeValue, depthHalfTime } from './closed/depthMode.ts';
export { lambdaModeRate, lambdaModeTime, lambdaModeValue, lambdaHalfTime } from './closed/lambdaMode.ts';
export { run as runInWorker, type RunInWorkerOptions } from './worker/runInWorker.ts';
export { rollingStats, kendallTau, type RollingStats } from './ews/rollingStats.ts';
export { isingFreeEnergy, isingSolve } from './models/phase/isingMeanField.ts';
export { xyLoss, xyGrad, xySharpness } from './models/eos/eosXy.ts';
export { kumarTestLoss } from './models/kumar/kumarObservables.ts';
export { diagonalOracle, minL2Interpolator } from './models/diagonal/diagonalOracle.ts';
export { saddleSequence, type SaddleJump } from './models/diagonal/saddleSequence.ts';
