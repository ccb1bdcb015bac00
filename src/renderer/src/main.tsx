import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The tokens and the page's base first: every feature's stylesheet (imported by its components) builds on them.
import './theme.css';
import './base.css';
import { App } from './App';
import { reportUncaughtErrors } from './report-errors';

reportUncaughtErrors();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
