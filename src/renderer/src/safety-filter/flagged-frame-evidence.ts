/**
 * Turns the frame that triggered an explicit flag into a JPEG Blob, the form
 * a report can carry. It stays in memory on the device; it leaves only if
 * the person agrees to attach it to a report.
 */
export async function encodeFlaggedFrame(frame: ImageBitmap): Promise<Blob> {
  try {
    const canvas = new OffscreenCanvas(frame.width, frame.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D context to encode the flagged frame');
    context.drawImage(frame, 0, 0);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  } finally {
    frame.close();
  }
}
