/** The real pipeline with a CPU engine that throws after FAULT_AFTER_FRAMES frames. */
import { runPipelineWorker, type WorkerScope } from '../../../../src/renderer/src/effects/worker/pipeline-runner';
import { FAULT_AFTER_FRAMES, faultyEngine } from './faulty-engine';

runPipelineWorker(self as unknown as WorkerScope, faultyEngine('throws', FAULT_AFTER_FRAMES));
