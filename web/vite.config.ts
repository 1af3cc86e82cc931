import { defineConfig } from 'vite';

/**
 * One build, two outputs: the clinician viewer (index.html) and panels.js, the one script a host
 * page loads to embed any panel (as a module; served with CORS so another origin may load it).
 */
export default defineConfig({
  plugins: [
    {
      // The design system's webfont comes from the NHS's own servers: offline, and in a clinical
      // network that may not reach them, the stack's fallback (Arial) is used instead.
      name: 'nhsuk-frontend-offline',
      enforce: 'pre',
      transform(code, id) {
        if (id.includes('nhsuk-frontend') && /\.css($|\?)/.test(id)) return code.replace(/@font-face\{[^}]*\}/g, '');
        return undefined;
      },
    },
  ],
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
