/** What a keyboard shortcut does on the main screen. */
export type ShortcutAction = 'filter' | 'refresh' | 'export' | 'closeDetails' | 'help';

/** One way to press a shortcut: a key, with Cmd (Apple) or Ctrl (elsewhere) when `mod`. */
type Combo = { key: string; mod?: true };

/** Every shortcut, in the order the shortcuts dialog lists them. */
const SHORTCUTS: readonly { action: ShortcutAction; combos: readonly Combo[] }[] = [
  { action: 'filter', combos: [{ key: 'F', mod: true }] },
  { action: 'refresh', combos: [{ key: 'F5' }, { key: 'R', mod: true }] },
  { action: 'export', combos: [{ key: 'E', mod: true }] },
  { action: 'closeDetails', combos: [{ key: 'Escape' }] },
  { action: 'help', combos: [{ key: '?' }] },
];

/** What of a key press decides its shortcut (a `KeyboardEvent` has it all). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * The Latin letter a key press stands for: its own key, or, where the layout types another
 * script there (Korean, say), the letter of its place on a QWERTY keyboard.
 */
function letterOf(press: KeyPress): string {
  if (/^[a-z]$/i.test(press.key)) return press.key.toUpperCase();
  return /^Key[A-Z]$/.test(press.code) ? press.code.slice(3) : '';
}

/** An element as far as telling a text field goes (an `HTMLElement` has it all). */
export type FocusTarget = { tagName: string; isContentEditable?: boolean; type?: string };

/** Input types that take no typed text: a plain key pressed there is no typing. */
const NOT_TEXT = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** Whether typing in `target` types text, so that a plain key such as `?` is a character there. */
export function isTextField(target: FocusTarget | null): boolean {
  if (!target) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || target.isContentEditable) return true;
  return tag === 'INPUT' && !NOT_TEXT.has((target.type ?? 'text').toLowerCase());
}

/** The shortcuts of one platform: Cmd on Apple systems, Ctrl elsewhere. */
export type PlatformShortcuts = {
  /** The shortcut a key press is, or `null`; `inText`: focus is in a text field. */
  match: (press: KeyPress, inText: boolean) => ShortcutAction | null;
  /** How each way to press a shortcut is written for people: `Ctrl+F`, `⌘F`, `F5`. */
  labels: (action: ShortcutAction) => string[];
  /** A control's tooltip with its shortcut's keys: `Refresh (F5 / Ctrl+R)`. */
  withKeys: (text: string, action: ShortcutAction) => string;
  /** The `aria-keyshortcuts` value of a shortcut: `F5 Control+R`. */
  aria: (action: ShortcutAction) => string;
  /** Every action, in the order the shortcuts dialog lists them. */
  actions: readonly ShortcutAction[];
};

const KEY_NAMES: Record<string, string> = { Escape: 'Esc' };

/** The shortcuts as pressed and written on Apple systems (`apple`) or on the others. */
export function shortcutsFor(apple: boolean): PlatformShortcuts {
  const combosOf = (action: ShortcutAction) => SHORTCUTS.find((s) => s.action === action)?.combos ?? [];

  function pressed(combo: Combo, press: KeyPress, inText: boolean): boolean {
    const mod = apple ? press.metaKey : press.ctrlKey;
    const otherMod = apple ? press.ctrlKey : press.metaKey;
    if (press.altKey || otherMod || mod !== (combo.mod === true)) return false;
    if (combo.key.length > 1) return press.key === combo.key && !press.shiftKey; // F5, Escape
    if (/[A-Z]/.test(combo.key)) return letterOf(press) === combo.key && !press.shiftKey;
    // A symbol: Shift is how many layouts type it, and in a text field it is typing.
    return press.key === combo.key && !inText;
  }

  const labels = (action: ShortcutAction) =>
    combosOf(action).map((c) => {
      const key = KEY_NAMES[c.key] ?? c.key;
      if (!c.mod) return key;
      return apple ? `⌘${key}` : `Ctrl+${key}`;
    });

  return {
    match: (press, inText) => SHORTCUTS.find((s) => s.combos.some((c) => pressed(c, press, inText)))?.action ?? null,
    labels,
    withKeys: (text, action) => `${text} (${labels(action).join(' / ')})`,
    aria: (action) =>
      combosOf(action)
        .map((c) => (c.mod ? `${apple ? 'Meta' : 'Control'}+${c.key}` : c.key))
        .join(' '),
    actions: SHORTCUTS.map((s) => s.action),
  };
}
