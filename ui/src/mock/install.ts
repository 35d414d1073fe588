// Installs the fake backend. Imported only when built with VITE_MOCK_IPC=1 (see main.ts).
import { mockIPC } from '@tauri-apps/api/mocks';
import type { NoticeTarget } from '../lib/bindings';
import { createBackend, SCENARIOS, type Call, type Scenario } from './backend';

declare global {
  interface Window {
    __mockCalls?: Call[];
    /** Clicks a desktop notice that opens `target` (browser tests). */
    __mockClickNotice?: (target: NoticeTarget) => void;
  }
}

export function installMock(): void {
  const asked = new URLSearchParams(window.location.search).get('scenario') ?? 'default';
  const scenario = (SCENARIOS as readonly string[]).includes(asked) ? (asked as Scenario) : 'default';
  const backend = createBackend(scenario);
  window.__mockCalls = backend.calls;
  window.__mockClickNotice = backend.clickNotice;
  mockIPC((cmd, payload) => backend.handle(cmd, (payload ?? {}) as Record<string, unknown>), { shouldMockEvents: true });
}
