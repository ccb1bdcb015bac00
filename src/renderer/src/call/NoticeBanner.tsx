import type { Notice } from './call-machine';

interface NoticeBannerProps {
  notice: Notice | null;
  onDismiss(): void;
}

export function NoticeBanner({ notice, onDismiss }: NoticeBannerProps) {
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" className="notice__close" aria-label="Dismiss message" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
