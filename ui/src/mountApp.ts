// The app itself, loaded by main.ts once the launch questions are asked.
import { mount } from 'svelte';
import App from './App.svelte';
import { locale } from './lib/i18n';
import { osFamily } from './lib/platform';

/** Mounts the app on `#app`. */
export function mountApp(): void {
  document.documentElement.lang = locale;
  document.documentElement.dataset.os = osFamily(navigator.userAgent);
  const target = document.getElementById('app');
  if (target) mount(App, { target });
}
