import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME_COLOR = '#b4532a';

export default defineConfig({
  base: '/app/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Keeping the crypto and the UI in one chunk avoids a request waterfall on slow phones.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Everything the start-up needs (sign-in and Today) in one file: one request, and
        // it compresses better than the many small shared chunks it would otherwise be
        // split into. Screens fetched later import what they share from it (decision 0046).
        codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] },
      },
    },
  },
  worker: { format: 'es' },
  // `npm run dev -w @hearth/web` against a local `hearth serve` on the default port.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  plugins: [
    preact(),
    VitePWA({
      registerType: 'autoUpdate',
      // Our own service worker (src/sw.ts) for Web Push; the plugin injects the precache list (decision 0026).
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // An external registerSW.js keeps the page free of inline scripts (CSP script-src 'self').
      injectRegister: 'script',
      scope: '/app/',
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/app/',
        name: 'Hearth',
        short_name: 'Hearth',
        description: 'A private space for the two of you.',
        start_url: '/app/',
        scope: '/app/',
        display: 'standalone',
        background_color: '#fbf6f1',
        theme_color: THEME_COLOR,
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The navigation fallback (never for /api/) and cache clean-up are in src/sw.ts.
        // The KDF worker inlines Argon2's WebAssembly, which makes it larger than the default cap.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
});
