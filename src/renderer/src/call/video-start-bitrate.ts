/**
 * WebRTC starts a video call at 300 kbps and feels its way up. At that rate
 * the first keyframe of a 640x480 picture is paced out over a good part of
 * a second, or the encoder drops the first frames to fit, and the stranger's
 * face takes that long to appear. Chromium reads a start rate from the
 * codec's fmtp line (`x-google-start-bitrate`, in kbps); both sides put it
 * in their descriptions, so each sender starts there. Congestion control
 * still adapts from there down when the network cannot carry it.
 */
const VIDEO_CODECS = new Set(['VP8', 'VP9', 'H264', 'AV1', 'H265']);

export function withVideoStartBitrate(sdp: string, kbps: number): string {
  if (!Number.isInteger(kbps) || kbps <= 0) throw new RangeError(`A start bitrate is a positive whole number of kbps, got ${kbps}`);
  const newline = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(newline);
  const out: string[] = [];
  let inVideo = false;
  const withFmtp = new Set<string>();
  // First pass: which video payloads already have an fmtp line (the parameter is appended to it).
  for (const line of lines) {
    if (line.startsWith('m=')) inVideo = line.startsWith('m=video');
    else if (inVideo && line.startsWith('a=fmtp:')) withFmtp.add(line.slice(7, line.indexOf(' ')));
  }
  inVideo = false;
  const codecPayloads = new Set<string>();
  for (const line of lines) {
    if (line.startsWith('m=')) inVideo = line.startsWith('m=video');
    if (!inVideo) {
      out.push(line);
      continue;
    }
    const rtpmap = /^a=rtpmap:(\d+) ([\w-]+)\//.exec(line);
    if (rtpmap && VIDEO_CODECS.has(rtpmap[2]!.toUpperCase())) {
      codecPayloads.add(rtpmap[1]!);
      out.push(line);
      if (!withFmtp.has(rtpmap[1]!)) out.push(`a=fmtp:${rtpmap[1]} x-google-start-bitrate=${kbps}`);
      continue;
    }
    const fmtp = /^a=fmtp:(\d+) (.*)$/.exec(line);
    if (fmtp && codecPayloads.has(fmtp[1]!) && !fmtp[2]!.includes('x-google-start-bitrate')) {
      out.push(`${line};x-google-start-bitrate=${kbps}`);
      continue;
    }
    out.push(line);
  }
  return out.join(newline);
}
