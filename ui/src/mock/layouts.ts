// Table layouts as the Rust side keeps them: per profile and service, in the settings file
// (here the page's localStorage, so a reload finds them as a restart of the app would),
// and in memory for the demo profile.
import type { TableLayout } from '../lib/bindings';
import { fail } from './fail';

const STORAGE_KEY = 'aitems-mock-table-layouts';

export function createLayouts() {
  const demo = new Map<string, TableLayout>();
  const saved = (): Record<string, TableLayout> => {
    try {
      return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, TableLayout>;
    } catch {
      return {};
    }
  };
  const key = (profile: string, serviceId: string) => `${profile}\n${serviceId.trim()}`;

  return {
    get(profile: string, serviceId: string, isDemo: boolean): TableLayout | null {
      const k = key(profile, serviceId);
      const layout = isDemo ? demo.get(k) : saved()[k];
      return layout?.version === 1 ? structuredClone(layout) : null;
    },
    set(profile: string, serviceId: string, layout: TableLayout | null, isDemo: boolean): null {
      if (!serviceId.trim()) fail('invalid_input', 'The service id is empty.', 'Check what you entered and try again.', null, true);
      if (layout && layout.version !== 1) fail('invalid_input', 'Only table layouts of version 1 can be saved.', 'Check what you entered and try again.', null, true);
      const k = key(profile, serviceId);
      if (isDemo) {
        if (layout) demo.set(k, structuredClone(layout));
        else demo.delete(k);
        return null;
      }
      const all = saved();
      if (layout) all[k] = layout;
      else delete all[k];
      localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
      return null;
    },
  };
}
