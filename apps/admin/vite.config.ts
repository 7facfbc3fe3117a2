import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const apiOrigin = process.env.GONGJIAN_API_ORIGIN ?? 'http://localhost:4000';

// In production the API process serves this build at /admin/; in dev Vite proxies the API.
export default defineConfig({
  base: '/admin/',
  // Precompressed copies (.br, .gz) beside each file, served by the API as the browser accepts them.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The shell with the antd parts it needs (layout, menu, login form) minifies to about 870 kB (290 kB gzipped).
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // React changes less often than our code: its own chunk stays cached across releases. antd is left
        // to the automatic split, so a page's tables, forms and drawers load with that page's mechanism.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': apiOrigin,
      '/healthz': apiOrigin,
      '/identification': apiOrigin,
      '/funds': apiOrigin,
      '/supervision': apiOrigin,
      '/assistance': apiOrigin,
      '/export': apiOrigin,
    },
  },
});
