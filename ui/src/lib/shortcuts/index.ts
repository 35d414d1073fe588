import { isApple } from '../platform';
import { shortcutsFor } from './keys';

export { isTextField, type ShortcutAction } from './keys';

/** The shortcuts as this computer presses and writes them. */
export const shortcuts = shortcutsFor(typeof navigator !== 'undefined' && isApple(navigator.userAgent));
