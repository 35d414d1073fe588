// The entry script (src/main.ts) asks the backend its first questions, then imports the
// app. This plugin lets the page fetch the app's script, the chunks it imports and its
// styles while the entry script runs, instead of only once it asks for them: it links them
// from index.html (`modulepreload` and `stylesheet`).
import type { Plugin } from 'vite';

/** The file name, in the source, of the module the entry script imports dynamically. */
const APP_MODULE = 'src/mountApp.ts';

/** Links the app module's chunk, the chunks it imports and its styles from index.html. */
export function preloadApp(): Plugin {
  return {
    name: 'aitems-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(APP_MODULE));
        if (!app) throw new Error(`preloadApp: no chunk for ${APP_MODULE}`);
        // The entry chunk, which the app imports too, is already the page's script.
        const entries = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
        const scripts = [app.fileName, ...app.imports.filter((file) => !entries.has(file))];
        const styles = [...(app.viteMetadata?.importedCss ?? [])];
        return [
          ...scripts.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          ...styles.map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
