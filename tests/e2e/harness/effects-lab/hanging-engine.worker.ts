/** The real pipeline with a CPU engine that stops answering after FAULT_AFTER_FRAMES frames. */
import { runPipelineWorker, type WorkerScope } from '../../../../src/renderer/src/effects/worker/pipeline-runner';
import { FAULT_AFTER_FRAMES, faultyEngine } from './faulty-engine';

runPipelineWorker(self as unknown as WorkerScope, faultyEngine('hangs', FAULT_AFTER_FRAMES));
