import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const apiOrigin = process.env.GONGJIAN_API_ORIGIN ?? 'http://localhost:4000';

// In production the API process serves this build at /leadership/; in dev Vite proxies the API.
export default defineConfig({
  base: '/leadership/',
  // Precompressed copies (.br, .gz) beside each file, served by the API as the browser accepts them.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
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
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/graphql': apiOrigin, '/healthz': apiOrigin },
  },
});
