import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectWorkbench } from './api/connect';
import { warmUpRenderer } from './markdown/warm-up';
import 'katex/dist/katex.min.css';
import './styles/tokens.css';
import './styles/controls.css';
import './styles/app.css';
import './styles/layout.css';
import './styles/markdown.css';
import './styles/thread.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={connectWorkbench()} />
    </StrictMode>,
  );
  warmUpRenderer();
}
