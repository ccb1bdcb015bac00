/**
 * MediaPipe's selfie_segmentation.js registers `SelfieSegmentation` on the
 * global object instead of exporting it, which a bundler cannot see. The
 * build aliases the package name to this module: it runs the real script,
 * then exports what the script registered, so body-segmentation's import
 * finds it.
 *
 * It also repairs the script's Web Worker path, which differs from its page
 * path in two ways (both seen in release 0.1.1675465747, the last one):
 * 1. On a page it takes a WebGL 2 context of a <canvas> and keeps it for
 *    uploading frames and reading results. In a worker it asks its
 *    Emscripten module for the context of an OffscreenCanvas, but passes the
 *    version under a minified key (`va`, not `majorVersion`), so it gets
 *    WebGL 1; the graph then cannot have WebGL 2 on that canvas and runs on
 *    WebGL 1, where its masks come out wrong. `solutionWasmModule` fills in
 *    the version the script meant.
 * 2. In a worker it never keeps that context, so every `send()` fails with
 *    "Cannot read properties of undefined (reading 'canvas')".
 *    `SelfieSegmentation.initialize` hands it the context after loading.
 */
import '@mediapipe/selfie_segmentation/selfie_segmentation.js';
import type { ResultsListener, SelfieSegmentation as Solution } from '@mediapipe/selfie_segmentation';

type SolutionConstructor = typeof Solution;
type GlContext = WebGLRenderingContext | WebGL2RenderingContext;

const registered = (globalThis as { SelfieSegmentation?: SolutionConstructor }).SelfieSegmentation;
if (!registered) throw new Error('MediaPipe selfie_segmentation.js did not register SelfieSegmentation.');

export const VERSION = (globalThis as { VERSION?: string }).VERSION;

/** The global `Module` the solution's wasm loader reads in a worker (Emscripten's own, unminified names). */
export interface SolutionWasmModule {
  locateFile(file: string): string;
  onRuntimeInitialized(): void;
  GL?: { createContext(canvas: unknown, attributes: Record<string, unknown>): number };
}

/** The worker's `Module`: finds the shipped files, and gives the solution the WebGL 2 context it asks for. */
export function solutionWasmModule(locateFile: (file: string) => string): SolutionWasmModule {
  const module: SolutionWasmModule = {
    locateFile,
    // Runs once the wasm is ready and before the solution creates its context.
    onRuntimeInitialized() {
      const gl = module.GL;
      if (!gl) return; // keepWorkerGlContext reports the missing WebGL 2 context.
      const createContext = gl.createContext.bind(gl);
      gl.createContext = (canvas, attributes) =>
        createContext(canvas, 'majorVersion' in attributes ? attributes : { ...attributes, majorVersion: 2 });
    },
  };
  return module;
}

/**
 * The script's private fields (closure-minified): the public object keeps
 * the solution in `h`; the solution keeps its Emscripten module in `i` and
 * the context it draws with in `K`. `ctx` and `canvas` are Emscripten's
 * names for the module's current context and its canvas.
 */
interface SolutionInternals {
  h?: { i?: { ctx?: GlContext | null; canvas?: unknown }; K?: GlContext };
}

/** Gives a worker-initialised solution the context its module made (no-op on a page, where it has one). */
export function keepWorkerGlContext(solution: object): void {
  const inner = (solution as SolutionInternals).h;
  if (inner?.K) return;
  const context = inner?.i?.ctx;
  if (!context) throw new Error('MediaPipe made no WebGL context in the worker (it needs WebGL 2).');
  if (context.canvas !== inner.i?.canvas) {
    throw new Error(
      `MediaPipe selfie_segmentation ${VERSION ?? '(unknown version)'} keeps its WebGL context elsewhere; ` +
        'mediapipe-solution-shim.ts needs updating for this release.',
    );
  }
  if (!(context instanceof WebGL2RenderingContext)) {
    throw new Error('MediaPipe got no WebGL 2 context in the worker; on WebGL 1 its masks are wrong.');
  }
  inner.K = context;
}

class WorkerReadySelfieSegmentation extends registered {
  override async initialize(): Promise<void> {
    await super.initialize();
    keepWorkerGlContext(this);
  }

  override onResults(listener: ResultsListener): void {
    super.onResults((results) => {
      const done = listener(results);
      // Each frame also returns the input picture as a new ImageBitmap; nothing reads it, so free it now, not at GC.
      if (results.image instanceof ImageBitmap && results.image !== results.segmentationMask) results.image.close();
      return done;
    });
  }
}

export const SelfieSegmentation: SolutionConstructor = WorkerReadySelfieSegmentation;
