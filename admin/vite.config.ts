import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console is served by the hub at /admin; in `vite dev` the API calls go to a hub on port 4000. */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  // The domain rules the server applies (comparators, unit classes, reference dates), imported as they are.
  resolve: { alias: { '@domain': fileURLToPath(new URL('../server/shared/domain', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 5000, sourcemap: false },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/exports': 'http://localhost:4000' } },
});
