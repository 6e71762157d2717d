import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * The console is served by the hub at /admin; in `vite dev` the API calls go to a hub on port 4000. Pages load on
 * demand (lazy routes), and every asset is also written gzip- and brotli-compressed beside itself, which the hub
 * serves to browsers that accept them (`server/gateway/console-assets.ts`).
 */
export default defineConfig({
  base: '/admin/',
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 0 })],
  // The domain rules the server applies (comparators, unit classes, reference dates), imported as they are.
  resolve: { alias: { '@domain': fileURLToPath(new URL('../server/shared/domain', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/exports': 'http://localhost:4000' } },
});
