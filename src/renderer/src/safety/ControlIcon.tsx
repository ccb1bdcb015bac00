/** Line icons for the call controls, drawn here so they look the same on every system (no emoji fonts). */
export type ControlIconName =
  'background' | 'mic' | 'mic-off' | 'camera' | 'camera-off' | 'skip' | 'stop' | 'flag' | 'block' | 'alert' | 'keyboard';

const PATHS: Record<ControlIconName, string[]> = {
  mic: ['M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3'],
  'mic-off': [
    'M9 9v3a3 3 0 0 0 5.1 2.1',
    'M15 10V6a3 3 0 0 0-5.7-1.3',
    'M5 11a7 7 0 0 0 11.4 5.4',
    'M19 11a7 7 0 0 1-.6 2.8',
    'M12 18v3',
    'M3 3l18 18',
  ],
  camera: ['M3 7h12v10H3z', 'M15 10l6-3v10l-6-3'],
  'camera-off': ['M3 7h9', 'M15 11v6H3V7', 'M15 10l6-3v10l-6-3', 'M3 3l18 18'],
  skip: ['M5 5l9 7-9 7z', 'M18 5v14'],
  stop: ['M6 6h12v12H6z'],
  flag: ['M5 21V4', 'M5 4h11l-2 4 2 4H5'],
  block: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M5.6 5.6l12.8 12.8'],
  alert: ['M12 3l10 18H2z', 'M12 10v5', 'M12 18v.5'],
  background: ['M3 5h18v14H3z', 'M3 15l5-5 4 4 3-3 6 6', 'M12 9a1.5 1.5 0 1 0 0-.01'],
  keyboard: ['M3 6h18v12H3z', 'M7 10h.01M11 10h.01M15 10h.01M7 14h10'],
};

export function ControlIcon({ name }: { name: ControlIconName }) {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
