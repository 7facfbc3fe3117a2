import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiOrigin = process.env.GONGJIAN_API_ORIGIN ?? 'http://localhost:4000';

// In production the API process serves this build at /admin/; in dev Vite proxies the API.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone minifies to about 820 kB (265 kB gzipped); the budget is watched in the report instead.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': apiOrigin, '/healthz': apiOrigin, '/identification': apiOrigin },
  },
});
