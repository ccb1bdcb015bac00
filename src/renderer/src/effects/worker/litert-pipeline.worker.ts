/** Worker entry for the CPU engine (a classic worker: LiteRT loads its wasm glue with importScripts). */
import { loadLitertEngine } from '../engines/litert-engine';
import { runPipelineWorker, type WorkerScope } from './pipeline-runner';

runPipelineWorker(self as unknown as WorkerScope, loadLitertEngine);
