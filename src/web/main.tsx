import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/index.ts';
import './ui/styles.css';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
// A language chunk that fails to load falls back to English rather than to a blank page.
if (root)
  void i18nReady
    .catch(() => undefined)
    .finally(() => {
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    });
