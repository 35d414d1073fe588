import './app.css';
import { askAtLaunch } from './lib/launch';

async function start(): Promise<void> {
  performance.mark('aitems:script'); // start-up milestones, read by tests/bench/desktop.mjs
  // Only the mock build (VITE_MOCK_IPC=1) contains the fake backend: this branch is
  // removed at build time otherwise, together with the dynamic import.
  if (import.meta.env.VITE_MOCK_IPC === '1') {
    const { installMock } = await import('./mock/install');
    installMock();
  }
  askAtLaunch();
  const { mountApp } = await import('./mountApp');
  mountApp();
}

void start();
