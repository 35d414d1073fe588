/** The font stacks differ on Linux (see `:root[data-os]` in app.css). */
export type OsFamily = 'linux' | 'other';

/** Linux desktops (WebKitGTK), told apart from the rest by the web view's user agent. */
export function osFamily(userAgent: string): OsFamily {
  return /\bLinux\b/.test(userAgent) && !/\bAndroid\b/.test(userAgent) ? 'linux' : 'other';
}
