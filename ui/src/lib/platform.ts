/** The font stacks differ on Linux (see `:root[data-os]` in app.css). */
export type OsFamily = 'linux' | 'other';

/** Linux desktops (WebKitGTK), told apart from the rest by the web view's user agent. */
export function osFamily(userAgent: string): OsFamily {
  return /\bLinux\b/.test(userAgent) && !/\bAndroid\b/.test(userAgent) ? 'linux' : 'other';
}

/** macOS (and other Apple systems), whose shortcuts use Cmd where the others use Ctrl. */
export function isApple(userAgent: string): boolean {
  return /\b(Macintosh|Mac OS X|iPhone|iPad)\b/.test(userAgent);
}
