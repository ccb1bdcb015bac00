import type { ReactNode } from 'react';
import './top-bar.css';

/** The bar across the top of every screen: the brand, and whatever the screen adds on the right. */
export function TopBar({ children }: { children?: ReactNode }) {
  return (
    <header className="topbar">
      <span className="brand" aria-label="Cam-Party">
        <span className="brand__dot" aria-hidden="true" />
        Cam-Party
      </span>
      <div className="topbar__end">{children}</div>
    </header>
  );
}
