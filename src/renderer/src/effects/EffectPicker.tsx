/**
 * Chooses the video effect: a radio group (arrow keys move between
 * options, as with any native radio group) of none, two blurs, the shipped
 * backgrounds with thumbnails, and a picture from disk.
 */
import { useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { SHIPPED_BACKGROUNDS, type ShippedBackground } from './background-catalog';
import { effectFromKey, effectKey, type Effect } from './effect-model';
import '../buttons.css';
import './effect-picker.css';

/** Formats the <img> path can decode everywhere Cam-Party runs. */
export const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

export interface EffectPickerProps {
  value: Effect;
  onChange(effect: Effect): void;
  backgrounds?: readonly ShippedBackground[];
  disabled?: boolean;
  /** Heading text; the group is labelled by it. */
  label?: string;
}

/** Checks a file from disk before it is used; returns the problem in words, or null. */
export function checkImageFile(file: { type: string; size: number }): string | null {
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) return 'Pick a PNG, JPEG or WebP picture.';
  if (file.size > MAX_IMAGE_BYTES) return 'That picture is larger than 15 MB. Pick a smaller one.';
  if (file.size === 0) return 'That file is empty.';
  return null;
}

function BlurSwatch({ strength }: { strength: 'light' | 'strong' }) {
  return <span className={`effect-picker__swatch effect-picker__swatch--blur-${strength}`} aria-hidden="true" />;
}

export function EffectPicker({
  value,
  onChange,
  backgrounds = SHIPPED_BACKGROUNDS,
  disabled = false,
  label = 'Background',
}: EffectPickerProps) {
  const groupName = useId();
  const headingId = `${groupName}-heading`;
  const [custom, setCustom] = useState<{ image: Blob; name: string } | null>(
    value.kind === 'custom-background' ? { image: value.image, name: value.name } : null,
  );
  const [fileError, setFileError] = useState<string | null>(null);
  const customThumbnail = useMemo(() => (custom ? URL.createObjectURL(custom.image) : null), [custom]);
  useEffect(
    () => () => {
      if (customThumbnail) URL.revokeObjectURL(customThumbnail);
    },
    [customThumbnail],
  );

  const selected = effectKey(value);
  const choose = (key: string): void => onChange(effectFromKey(key, custom ?? undefined));

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = checkImageFile(file);
    setFileError(problem);
    if (problem) return;
    const picked = { image: file, name: file.name };
    setCustom(picked);
    onChange({ kind: 'custom-background', ...picked });
  };

  const options: Array<{ key: string; text: string; visual: React.ReactNode }> = [
    { key: 'none', text: 'None', visual: <span className="effect-picker__swatch effect-picker__swatch--none" aria-hidden="true" /> },
    { key: 'blur:light', text: 'Light blur', visual: <BlurSwatch strength="light" /> },
    { key: 'blur:strong', text: 'Strong blur', visual: <BlurSwatch strength="strong" /> },
    ...backgrounds.map((background) => ({
      key: `background:${background.id}`,
      text: background.label,
      visual: <img className="effect-picker__thumb" src={background.thumbnailUrl} alt="" width={80} height={45} />,
    })),
  ];
  if (custom && customThumbnail) {
    options.push({
      key: 'custom',
      text: `Your picture (${custom.name})`,
      visual: <img className="effect-picker__thumb" src={customThumbnail} alt="" width={80} height={45} />,
    });
  }

  return (
    <section className="effect-picker" aria-labelledby={headingId}>
      <h2 id={headingId} className="effect-picker__heading">
        {label}
      </h2>
      <div role="radiogroup" aria-labelledby={headingId} className="effect-picker__options">
        {options.map((option) => (
          <label key={option.key} className="effect-picker__option" data-checked={selected === option.key}>
            <input
              type="radio"
              name={groupName}
              value={option.key}
              checked={selected === option.key}
              disabled={disabled}
              onChange={() => choose(option.key)}
              className="effect-picker__radio"
            />
            {option.visual}
            <span className="effect-picker__text">{option.text}</span>
          </label>
        ))}
      </div>
      <div className="effect-picker__file">
        <label className="button button--secondary effect-picker__file-label">
          Pick an image from disk
          <input
            type="file"
            accept={ACCEPTED_IMAGE_TYPES.join(',')}
            onChange={onFile}
            disabled={disabled}
            className="effect-picker__file-input"
          />
        </label>
        {fileError ? (
          <p role="alert" className="effect-picker__error">
            {fileError}
          </p>
        ) : null}
      </div>
    </section>
  );
}
