import { defineConfig } from 'vite';

/**
 * One build, two outputs: the clinician viewer (index.html) and panels.js, the one script a host
 * page loads to embed any panel (as a module; served with CORS so another origin may load it).
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // nhsuk-frontend's stylesheet keeps old-browser hacks the default CSS minifier refuses.
    cssMinify: false,
    rollupOptions: {
      input: { viewer: 'index.html', panels: 'src/panels/index.ts' },
      output: { entryFileNames: (chunk) => (chunk.name === 'panels' ? 'panels.js' : 'assets/[name]-[hash].js') },
      preserveEntrySignatures: 'exports-only',
    },
  },
});
