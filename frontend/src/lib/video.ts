/** How a lesson's video is shown: an allow-listed player inline, a video file inline, anything else as a link. */
export type VideoView =
  { kind: 'embed'; src: string; provider: string } | { kind: 'file'; src: string } | { kind: 'link'; href: string };

const YOUTUBE_ID = /^[\w-]{11}$/;

export function videoView(url: string): VideoView {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'link', href: url };
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const youtubeId =
    host === 'youtu.be'
      ? parsed.pathname.slice(1)
      : host === 'youtube.com' || host === 'm.youtube.com'
        ? parsed.pathname.startsWith('/embed/')
          ? parsed.pathname.slice('/embed/'.length)
          : parsed.searchParams.get('v')
        : null;
  if (youtubeId && YOUTUBE_ID.test(youtubeId)) {
    return { kind: 'embed', provider: 'YouTube', src: `https://www.youtube-nocookie.com/embed/${youtubeId}` };
  }
  const vimeoId = host === 'vimeo.com' ? parsed.pathname.match(/^\/(\d+)$/)?.[1] : undefined;
  if (vimeoId) return { kind: 'embed', provider: 'Vimeo', src: `https://player.vimeo.com/video/${vimeoId}` };
  if (/\.(mp4|webm|ogg)$/i.test(parsed.pathname)) return { kind: 'file', src: parsed.href };
  return { kind: 'link', href: parsed.href };
}
