/**
 * The lobby-like preview of the effects lab: the real EffectPicker beside
 * the pipeline's output video. Plain JSX because tsconfig.node.json (which
 * covers tests/) compiles no JSX; the page logic is typed in effects-lab.ts.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EffectPicker } from '../../../../src/renderer/src/effects/EffectPicker';

function Preview({ bridge }) {
  const [effect, setEffect] = useState(bridge.effect);
  const [status, setStatus] = useState(bridge.status());
  useEffect(() => bridge.onStatusChange(() => setStatus(bridge.status())), [bridge]);
  const attach = (video) => {
    if (video && !video.srcObject) video.srcObject = new MediaStream([bridge.track]);
  };
  const choose = (next) => {
    setEffect(next);
    bridge.choose(next);
  };
  return (
    <main className="effects-lab">
      <div>
        <video ref={attach} autoPlay muted playsInline width={640} height={480} aria-label="Your camera preview with the effect" />
        <p role="status">Effect status: {status}</p>
      </div>
      <EffectPicker value={effect} onChange={choose} />
    </main>
  );
}

window.mountEffectsPreview = (bridge) => createRoot(document.getElementById('root')).render(<Preview bridge={bridge} />);
