import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console is served by the hub at /admin; in `vite dev` the API calls go to a hub on port 4000. */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 5000, sourcemap: false },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/exports': 'http://localhost:4000' } },
});
