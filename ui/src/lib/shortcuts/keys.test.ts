import { describe, expect, it } from 'vitest';
import { isTextField, shortcutsFor, type KeyPress } from './keys';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcuts elsewhere than on Apple systems', () => {
  const keys = shortcutsFor(false);

  it('reads Ctrl with a letter, whatever its case', () => {
    expect(keys.match(press('f', { ctrlKey: true }), false)).toBe('filter');
    expect(keys.match(press('F', { ctrlKey: true }), false)).toBe('filter');
    expect(keys.match(press('r', { ctrlKey: true }), true)).toBe('refresh');
    expect(keys.match(press('e', { ctrlKey: true }), true)).toBe('export');
  });

  it('reads the letter from where the key is when the layout types Hangul', () => {
    expect(keys.match(press('ㄹ', { code: 'KeyF', ctrlKey: true }), false)).toBe('filter');
    expect(keys.match(press('ㄱ', { code: 'KeyR', ctrlKey: true }), false)).toBe('refresh');
    expect(keys.match(press('ㄷ', { code: 'KeyE', ctrlKey: true }), false)).toBe('export');
    // A Latin layout other than QWERTY keeps its own letters.
    expect(keys.match(press('f', { code: 'KeyY', ctrlKey: true }), false)).toBe('filter');
  });

  it('takes F5 and Escape alone', () => {
    expect(keys.match(press('F5'), true)).toBe('refresh');
    expect(keys.match(press('Escape'), false)).toBe('closeDetails');
    expect(keys.match(press('F5', { ctrlKey: true }), false)).toBeNull();
  });

  it('leaves other modifiers and plain letters alone', () => {
    expect(keys.match(press('f', { metaKey: true }), false)).toBeNull();
    expect(keys.match(press('f'), false)).toBeNull();
    expect(keys.match(press('r', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(keys.match(press('e', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(keys.match(press('x', { ctrlKey: true }), false)).toBeNull();
  });

  it('takes ? (typed with Shift or not) only outside text fields', () => {
    expect(keys.match(press('?', { shiftKey: true }), false)).toBe('help');
    expect(keys.match(press('?'), false)).toBe('help');
    expect(keys.match(press('?', { shiftKey: true }), true)).toBeNull();
    expect(keys.match(press('?', { ctrlKey: true }), false)).toBeNull();
  });

  it('writes the keys with Ctrl', () => {
    expect(keys.labels('filter')).toEqual(['Ctrl+F']);
    expect(keys.labels('refresh')).toEqual(['F5', 'Ctrl+R']);
    expect(keys.labels('closeDetails')).toEqual(['Esc']);
    expect(keys.labels('help')).toEqual(['?']);
    expect(keys.withKeys('Refresh', 'refresh')).toBe('Refresh (F5 / Ctrl+R)');
    expect(keys.aria('refresh')).toBe('F5 Control+R');
    expect(keys.aria('export')).toBe('Control+E');
  });

  it('lists every action once', () => {
    expect(keys.actions).toEqual(['filter', 'refresh', 'export', 'closeDetails', 'help']);
  });
});

describe('shortcuts on Apple systems', () => {
  const keys = shortcutsFor(true);

  it('reads Cmd, not Ctrl', () => {
    expect(keys.match(press('f', { metaKey: true }), false)).toBe('filter');
    expect(keys.match(press('e', { metaKey: true }), false)).toBe('export');
    expect(keys.match(press('f', { ctrlKey: true }), false)).toBeNull();
    expect(keys.match(press('r', { metaKey: true, ctrlKey: true }), false)).toBeNull();
  });

  it('writes the keys with ⌘', () => {
    expect(keys.labels('refresh')).toEqual(['F5', '⌘R']);
    expect(keys.withKeys('Export CSV', 'export')).toBe('Export CSV (⌘E)');
    expect(keys.aria('filter')).toBe('Meta+F');
  });
});

describe('isTextField', () => {
  it('tells text fields from other controls', () => {
    expect(isTextField({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTextField({ tagName: 'INPUT' })).toBe(true);
    expect(isTextField({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextField({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextField({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(isTextField({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
