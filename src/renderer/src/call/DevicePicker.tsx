import { useId } from 'react';
import type { MediaDevice } from './local-media';
import '../forms.css';

interface DevicePickerProps {
  label: string;
  devices: MediaDevice[];
  selectedId: string | null;
  onSelect(id: string): void;
  disabled?: boolean;
}

export function DevicePicker({ label, devices, selectedId, onSelect, disabled }: DevicePickerProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={selectedId ?? ''}
        disabled={disabled || devices.length === 0}
        onChange={(event) => onSelect(event.target.value)}
      >
        {devices.length === 0 && <option value="">No device found</option>}
        {devices.map((device) => (
          <option key={device.id} value={device.id}>
            {device.label}
          </option>
        ))}
      </select>
    </div>
  );
}
