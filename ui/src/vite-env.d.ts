/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_MOCK_IPC?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
