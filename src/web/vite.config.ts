/**
 * Builds the web app into dist/web, which the platform's own server serves (routes/webAssets.ts).
 * Everything the page needs is bundled: no CDN, no web font service, no runtime fetch of code.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.//', import.meta.url));

export default defineConfig({
  // Always React's production build, even when a test runner has set NODE_ENV=test.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  mode: 'production',
  root: here,
  base: '/',
  plugins: [react()],
  // Keep Vite from looking for a public/ folder or writing a cache into src/.
  publicDir: false,
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite-web', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Inline nothing as data: URLs so the Content-Security-Policy can stay strict.
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  logLevel: 'warn',
});
