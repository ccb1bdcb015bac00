/**
 * Test page for the incoming-video safety filter: shows FilteredRemoteVideo
 * exactly as the app does, over a stream the test chooses (Chromium's fake
 * camera, or a still picture), and records what happened on
 * `window.safetyFilterHarness` for the test to read.
 *
 * Plain JavaScript on purpose: the tests' TypeScript project has no JSX and
 * no Vite asset types, so it must not follow imports into the renderer's
 * components; Vite compiles everything this page imports.
 */
/* global window, document, requestAnimationFrame, MutationObserver, Image */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { FilteredRemoteVideo } from '../../../../src/renderer/src/safety-filter/FilteredRemoteVideo';
import { sharedNsfwWorkerClassifier } from '../../../../src/renderer/src/safety-filter/nsfw-worker-classifier';
import { createScriptedFrameClassifier } from '../scripted-frame-classifier';
import { MARKER_COLOR, MARKER_SIZE, markerFlaggingClassifier } from '../marker-frame-classifier';
import '../../../../src/renderer/src/theme.css';
import '../../../../src/renderer/src/base.css';
import './test-page.css';

const container = document.getElementById('root');
const root = createRoot(container);

const harness = {
  /** Every change of the filter's state as the DOM showed it: reason, when, and the next frame's time. */
  timeline: [],
  samples: [],
  reports: [],
  skips: 0,
  scripted: null,
  classifier: null,
  loadWallMs: null,
  stopSource: () => {},
  /** For the 'scene' source: turns the camera into the marked picture; sets sceneChangedAt. */
  changeScene: null,
  sceneChangedAt: null,
  loadInfo: () => harness.classifier?.loadInfo?.() ?? null,
  lastInferenceMs: () => harness.classifier?.lastInferenceMs?.() ?? null,

  /**
   * @param {{ source: 'camera' | 'image' | 'scene', imageBase64?: string, classifier: 'nsfw' | 'scripted', scriptedDelayMs?: number, filterEnabled?: boolean, flagMarkedFrames?: boolean }} options
   */
  async mount(options) {
    harness.timeline.length = 0;
    harness.samples.length = 0;
    harness.sceneChangedAt = null;
    const stream =
      options.source === 'camera'
        ? await cameraStream()
        : options.source === 'scene'
          ? await sceneStream(options.imageBase64)
          : await pictureStream(options.imageBase64);
    if (options.classifier === 'scripted') {
      harness.scripted = createScriptedFrameClassifier({ delayMs: options.scriptedDelayMs ?? 80 });
      harness.classifier = harness.scripted;
    } else {
      const created = performance.now();
      harness.classifier = sharedNsfwWorkerClassifier();
      // Worker creation to model ready, as the page sees it (the hook's own load() shares this promise).
      harness.classifier.load().then(
        () => {
          harness.loadWallMs ??= performance.now() - created;
        },
        () => {},
      );
    }
    const classifier = options.flagMarkedFrames ? markerFlaggingClassifier(harness.classifier) : harness.classifier;
    root.render(
      createElement(
        'div',
        { className: 'test-stage' },
        createElement(FilteredRemoteVideo, {
          stream,
          filterEnabled: options.filterEnabled ?? true,
          label: "Stranger's video",
          className: 'test-stage__video',
          onReport: (evidence) => harness.reports.push({ evidenceBytes: evidence ? evidence.size : 0, type: evidence?.type ?? null }),
          onSkip: () => {
            harness.skips += 1;
          },
          filterOptions: {
            createClassifier: () => classifier,
            // The worker's own model time for this frame, next to the page's grab-to-result time.
            onClassified: (sample) => harness.samples.push({ ...sample, inferenceMs: harness.classifier.lastInferenceMs?.() ?? null }),
          },
        }),
      ),
    );
  },

  unmount() {
    root.render(null);
    harness.stopSource();
  },
};

async function cameraStream() {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  harness.stopSource = () => stream.getTracks().forEach((track) => track.stop());
  return stream;
}

async function decodePicture(imageBase64) {
  const bytes = Uint8Array.from(atob(imageBase64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
  const image = new Image();
  image.src = url;
  await image.decode();
  URL.revokeObjectURL(url);
  return image;
}

function drawPicture(context, image) {
  const { width: canvasWidth, height: canvasHeight } = context.canvas;
  context.fillStyle = '#000';
  context.fillRect(0, 0, canvasWidth, canvasHeight);
  const scale = Math.min(canvasWidth / image.width, canvasHeight / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  context.drawImage(image, (canvasWidth - width) / 2, (canvasHeight - height) / 2, width, height);
}

/** A still picture as a live video stream, redrawn so the track keeps delivering frames. */
async function pictureStream(imageBase64) {
  const image = await decodePicture(imageBase64);
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d');
  const draw = () => drawPicture(context, image);
  draw();
  const redraw = setInterval(draw, 100);
  const stream = canvas.captureStream(10);
  harness.stopSource = () => {
    clearInterval(redraw);
    stream.getTracks().forEach((track) => track.stop());
  };
  return stream;
}

/**
 * The fake camera at 30 fps until changeScene(), then the picture with the
 * test marker: "an explicit frame arrives" as a new scene, the way it does
 * in a call when someone steps in or turns the camera.
 */
async function sceneStream(imageBase64) {
  const image = await decodePicture(imageBase64);
  const camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  const cameraVideo = document.createElement('video');
  cameraVideo.muted = true;
  cameraVideo.srcObject = camera;
  await cameraVideo.play();
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d');
  let changed = false;
  const draw = () => {
    if (!changed) return context.drawImage(cameraVideo, 0, 0, canvas.width, canvas.height);
    drawPicture(context, image);
    context.fillStyle = MARKER_COLOR;
    context.fillRect(0, 0, MARKER_SIZE, MARKER_SIZE);
  };
  draw();
  const redraw = setInterval(draw, 33);
  const stream = canvas.captureStream(30);
  harness.changeScene = () => {
    changed = true;
    draw();
    harness.sceneChangedAt = performance.now();
  };
  harness.stopSource = () => {
    clearInterval(redraw);
    harness.changeScene = null;
    stream.getTracks().forEach((track) => track.stop());
    camera.getTracks().forEach((track) => track.stop());
    cameraVideo.srcObject = null;
  };
  return stream;
}

new MutationObserver(() => {
  const element = document.querySelector('[data-testid="filtered-remote-video"]');
  const reason = element?.getAttribute('data-filter-reason') ?? 'unmounted';
  const last = harness.timeline.at(-1);
  if (last && last.reason === reason) return;
  const entry = { reason, at: performance.now(), paintedAt: null };
  harness.timeline.push(entry);
  // rAF callbacks run just before the frame that shows the change is painted.
  requestAnimationFrame(() => {
    entry.paintedAt = performance.now();
  });
}).observe(container, { subtree: true, attributes: true, attributeFilter: ['data-filter-reason'], childList: true });

window.safetyFilterHarness = harness;
