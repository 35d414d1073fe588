import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { locale } from './lib/i18n';
import { osFamily } from './lib/platform';

async function start(): Promise<void> {
  performance.mark('aitems:script'); // start-up milestones, read by tests/bench/desktop.mjs
  // Only the mock build (VITE_MOCK_IPC=1) contains the fake backend: this branch is
  // removed at build time otherwise, together with the dynamic import.
  if (import.meta.env.VITE_MOCK_IPC === '1') {
    const { installMock } = await import('./mock/install');
    installMock();
  }
  document.documentElement.lang = locale;
  document.documentElement.dataset.os = osFamily(navigator.userAgent);
  const target = document.getElementById('app');
  if (target) mount(App, { target });
}

void start();
