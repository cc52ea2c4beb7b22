/// <reference types="vite/client" />
import type { WorkbenchBridge } from '../../shared/api/bridge';

declare global {
  interface Window {
    /** Present only in the desktop app, set by the preload script. */
    workbench?: WorkbenchBridge;
  }
}

declare module 'monaco-codicons.css';
