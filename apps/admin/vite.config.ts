import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiOrigin = process.env.GONGJIAN_API_ORIGIN ?? 'http://localhost:4000';

// In production the API process serves this build at /admin/; in dev Vite proxies the API.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': apiOrigin, '/healthz': apiOrigin },
  },
});
