// The page's language as libraries read it. WebKitGTK reports the POSIX locale's name when the
// app runs under LANG=C or C.UTF-8 (minimal Linux installs, WSL): `navigator.language` is then
// "C", which is no BCP 47 tag, and every Intl constructor given it throws. uPlot builds a number
// format from it while its module loads, so the timeline could not load at all there.

/**
 * Makes `navigator.language` a tag Intl accepts: when it is not one, the page reads `fallback`
 * (the app's own locale) instead. Call it before loading a library that reads it (uPlot).
 */
export function ensurePageLanguage(fallback: string): void {
  try {
    Intl.getCanonicalLocales(navigator.language);
  } catch {
    Object.defineProperty(navigator, 'language', { value: fallback, configurable: true });
  }
}
