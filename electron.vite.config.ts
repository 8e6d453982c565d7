// One build for the three Electron targets. The preload is CommonJS because
// sandboxed preloads cannot load ES modules.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve('main/electron/index.ts'), formats: ['es'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // The renderer's code is split (main.tsx loads it in stages, ECharts on
      // demand); its styles stay one stylesheet the page links, as before.
      cssCodeSplit: false,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
