import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const apiOrigin = process.env.GONGJIAN_API_ORIGIN ?? 'http://localhost:4000';

export default defineConfig({
  base: '/ide/',
  // Precompressed copies (.br, .gz) beside each file, served by the API as the browser accepts them.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco (GraphiQL's editor) is large by nature; the IDE is a developer tool, not a staff page.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React-compiler output carries "use no memo" directives the bundler can drop safely.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5175,
    strictPort: true,
    proxy: { '/graphql': apiOrigin, '/healthz': apiOrigin },
  },
});
