// The shared styles first: components import their own, which come after these and may refine them.
import 'katex/dist/katex.min.css';
import './styles/tokens.css';
import './styles/controls.css';
import './styles/app.css';
import './styles/layout.css';
import './styles/markdown.css';
import './styles/thread.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectWorkbench } from './api/connect';
import { warmUpRenderer } from './markdown/warm-up';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={connectWorkbench()} />
    </StrictMode>,
  );
  warmUpRenderer();
}
