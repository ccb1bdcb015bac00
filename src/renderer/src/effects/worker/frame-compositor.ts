/**
 * Draws the outgoing picture in the worker with Canvas 2D on
 * OffscreenCanvases: the camera frame once, a small copy for the model, the
 * person cut out through the feathered mask, and a background behind (the
 * frame blurred at low resolution and scaled back up, or a picture).
 * Blurring a downscaled copy keeps the cost low on a CPU: most of the
 * smoothing comes from the bilinear upscale.
 */
import type { RenderEffect } from '../render-effect';

/** A calm slate grey: what is sent while the effect cannot be drawn. */
export const NEUTRAL_RGB = [38, 43, 54] as const;

function context2d(canvas: OffscreenCanvas, willReadFrequently = false): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { alpha: true, willReadFrequently });
  if (!context) throw new Error('OffscreenCanvas 2D is not available in this worker.');
  return context;
}

class Surface {
  readonly canvas: OffscreenCanvas;
  readonly context: OffscreenCanvasRenderingContext2D;
  constructor(width: number, height: number, willReadFrequently = false) {
    this.canvas = new OffscreenCanvas(width, height);
    this.context = context2d(this.canvas, willReadFrequently);
  }
  resize(width: number, height: number): void {
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
  }
}

export class FrameCompositor {
  private readonly modelInput: Surface;
  private readonly mask: Surface;
  private readonly maskPixels: ImageData;
  private readonly blurred = new Surface(1, 1);
  private readonly output = new Surface(1, 1);
  private readonly neutral = new Surface(1, 1);
  private readonly fittedBackground = new Surface(1, 1);
  private fittedFrom: ImageBitmap | null = null;
  private width = 0;
  private height = 0;

  constructor(
    readonly maskWidth: number,
    readonly maskHeight: number,
  ) {
    this.modelInput = new Surface(maskWidth, maskHeight, true);
    this.mask = new Surface(maskWidth, maskHeight);
    this.maskPixels = new ImageData(maskWidth, maskHeight);
  }

  /**
   * Draws the camera frame into the output surface (the one YUV→RGB
   * conversion), takes the model's small copy from it (the blurred
   * background starts from that copy too), and returns the model's input.
   */
  takeFrame(source: VideoFrame, effect: RenderEffect): OffscreenCanvas {
    this.setSize(source.displayWidth, source.displayHeight);
    const out = this.output.context;
    out.globalCompositeOperation = 'copy';
    out.drawImage(source, 0, 0, this.width, this.height);
    this.modelInput.context.drawImage(this.output.canvas, 0, 0, this.maskWidth, this.maskHeight);
    if (effect.kind === 'blur') this.drawBlurred(effect.downscale, effect.blurPx);
    return this.modelInput.canvas;
  }

  /** The RGBA buffer whose alpha the pipeline fills with the feathered mask. */
  get maskRgba(): Uint8ClampedArray {
    return this.maskPixels.data;
  }

  /**
   * Composites in place, three full-size passes: the frame taken last is
   * cut out through the mask written to `maskRgba` (destination-in), then
   * the background is drawn behind it (destination-over).
   */
  composite(effect: RenderEffect, background: ImageBitmap | null): OffscreenCanvas {
    const { width, height } = this;
    this.mask.context.putImageData(this.maskPixels, 0, 0);
    const out = this.output.context;
    out.imageSmoothingEnabled = true;
    out.globalCompositeOperation = 'destination-in';
    out.drawImage(this.mask.canvas, 0, 0, width, height);
    out.globalCompositeOperation = 'destination-over';
    if (effect.kind === 'blur') {
      out.drawImage(this.blurred.canvas, 0, 0, width, height);
    } else if (background) {
      out.drawImage(this.fitBackground(background), 0, 0);
    } else {
      this.fillNeutral(out);
    }
    out.globalCompositeOperation = 'source-over';
    return this.output.canvas;
  }

  /** A uniform frame of the given size that shows nothing of the camera. */
  neutralFrame(width: number, height: number): OffscreenCanvas {
    if (this.neutral.canvas.width !== width || this.neutral.canvas.height !== height) {
      this.neutral.resize(width, height);
      this.fillNeutral(this.neutral.context);
    }
    return this.neutral.canvas;
  }

  private fillNeutral(context: OffscreenCanvasRenderingContext2D): void {
    context.fillStyle = `rgb(${NEUTRAL_RGB.join(',')})`;
    context.fillRect(0, 0, context.canvas.width, context.canvas.height);
  }

  private setSize(width: number, height: number): void {
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.output.resize(width, height);
    this.fittedFrom = null;
  }

  private drawBlurred(downscale: number, blurPx: number): void {
    const small = this.blurred;
    const width = Math.max(1, Math.round(this.width / downscale));
    const height = Math.max(1, Math.round(this.height / downscale));
    small.resize(width, height);
    // Drawn a little larger than the canvas, so the blur near the border mixes
    // in picture rather than transparent pixels (which would darken the edges).
    const margin = Math.ceil(blurPx * 2);
    small.context.filter = `blur(${blurPx}px)`;
    // From the model's small copy, not the full frame: the blur discards that detail anyway.
    small.context.drawImage(this.modelInput.canvas, -margin, -margin, width + 2 * margin, height + 2 * margin);
    small.context.filter = 'none';
  }

  /** Scales the picture to cover the frame (cropping the overflow), once per picture and size. */
  private fitBackground(background: ImageBitmap): OffscreenCanvas {
    const surface = this.fittedBackground;
    if (this.fittedFrom === background && surface.canvas.width === this.width && surface.canvas.height === this.height) {
      return surface.canvas;
    }
    surface.resize(this.width, this.height);
    const scale = Math.max(this.width / background.width, this.height / background.height);
    const drawWidth = background.width * scale;
    const drawHeight = background.height * scale;
    surface.context.imageSmoothingQuality = 'high';
    surface.context.drawImage(background, (this.width - drawWidth) / 2, (this.height - drawHeight) / 2, drawWidth, drawHeight);
    this.fittedFrom = background;
    return surface.canvas;
  }
}
