import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
  },
  kit: {
    // build/index.js runs standalone; build/handler.js is mounted by the api process.
    adapter: adapter({ out: 'build', precompress: true }),
    // Absolute asset URLs (/_app/...), whatever the depth of the page.
    paths: { relative: false },
    // Server-rendered pages carry their styles inline: the first paint waits for no stylesheet request.
    inlineStyleThreshold: 64 * 1024,
  },
};

export default config;
