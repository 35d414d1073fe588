// What the browser benchmarks share: the mock build served by `vite preview`, Debian's
// Chromium driven by playwright-core, and the summary statistics they print.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

/** Serves dist-mock on `port`, opens Chromium on it and runs `use(page, url)`; always cleans up. */
export async function withMockPage(port, use) {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--mode', 'mock', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let browser;
  try {
    // Wait until the preview server answers (its log is coloured, so poll rather than parse it).
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        if (res.ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error('vite preview did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    return await use(page, `http://127.0.0.1:${port}`);
  } finally {
    await browser?.close();
    server.kill();
  }
}

/** Median, p95, min and max of a list of numbers. */
export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1], n: s.length };
};

/** A time in ms, right-aligned in 7 characters. */
export const fmt = (x) => x.toFixed(1).padStart(7);
