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
    // Content-Security-Policy of every page; SvelteKit adds a nonce (or hash) for its own bootstrap script.
    // Styles may be inline (Svelte and app.html use style attributes); lesson images are vetted by the server.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'https:'],
        'media-src': ['self', 'https:'],
        // Lesson videos from the allow-listed players (frontend/src/lib/video.ts) play inline.
        'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
        'connect-src': ['self'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
    // Server-rendered pages carry their styles inline: the first paint waits for no stylesheet request.
    inlineStyleThreshold: 64 * 1024,
  },
};

export default config;
