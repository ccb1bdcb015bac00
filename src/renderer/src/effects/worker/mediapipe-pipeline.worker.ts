/** Worker entry for the GPU engine (a classic worker: MediaPipe loads its wasm glue with importScripts). */
import { loadMediapipeEngine } from '../engines/mediapipe-engine';
import { runPipelineWorker, type WorkerScope } from './pipeline-runner';

runPipelineWorker(self as unknown as WorkerScope, loadMediapipeEngine);
