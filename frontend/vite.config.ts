import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In production the api process serves this app on its own origin.
// In development `vite dev` forwards the API and the live socket to it.
const backend = process.env.EDU_BACKEND_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit()],
  ssr: {
    // Bundle every dependency into the server build. In this monorepo npm hoists
    // the backend's versions (e.g. cookie 2) to the root node_modules, where the
    // server output would otherwise resolve SvelteKit's own imports (cookie 0.6).
    noExternal: true,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/socket.io': { target: backend, ws: true },
    },
  },
});
