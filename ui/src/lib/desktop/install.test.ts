import { describe, expect, it } from 'vitest';
import { installView } from './install';

const downloading = (downloaded: number, total: number | null) => ({ step: 'downloading' as const, progress: { downloaded, total } });

describe('installView', () => {
  it('shows nothing when no install is under way, or after one failed', () => {
    expect(installView({ step: 'none' }, '0.2.0')).toBeNull();
    const error = { code: 'network' as const, message: 'm', hint: 'h', detail: null, specific: true };
    expect(installView({ step: 'failed', error }, '0.2.0')).toBeNull();
  });

  it('shows the percentage, rounded down, when the size is known', () => {
    expect(installView(downloading(2_999_999, 6_000_000), '0.2.0')).toEqual({
      percent: 49,
      text: 'update.downloading',
      params: { version: '0.2.0', percent: 49 },
    });
  });

  it('shows a bar without a value and the megabytes so far when the size is unknown', () => {
    expect(installView(downloading(2_500_000, null), '0.2.0')).toEqual({
      percent: null,
      text: 'update.downloadingSize',
      params: { version: '0.2.0', size: '2.5' },
    });
    expect(installView({ step: 'downloading', progress: null }, '0.2.0')?.params).toEqual({ version: '0.2.0', size: '0.0' });
  });

  it('says it installs once the whole package is in', () => {
    expect(installView(downloading(6_000_000, 6_000_000), '0.2.0')).toMatchObject({ percent: 100, text: 'update.installing' });
  });

  it('says it restarts, without a bar, once installed', () => {
    expect(installView({ step: 'restarting' }, '0.2.0')).toEqual({ percent: undefined, text: 'update.restarting', params: {} });
  });
});
