import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Hosts lesson images may come from (https only); images from anywhere else are dropped. */
export interface LessonMarkdownOptions {
  imageHosts: readonly string[];
}

const EXTERNAL_LINK = /^https?:\/\//i;

function allowedImage(src: string | undefined, imageHosts: readonly string[]): boolean {
  if (!src || !URL.canParse(src)) return false;
  const url = new URL(src);
  return url.protocol === 'https:' && imageHosts.includes(url.hostname.toLowerCase());
}

function sanitizeOptions({ imageHosts }: LessonMarkdownOptions): sanitizeHtml.IOptions {
  return {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'h1', 'h2', 'del', 'input'],
    allowedAttributes: {
      ...sanitizeHtml.defaults.allowedAttributes,
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'title'],
      code: ['class'],
      input: ['type', 'checked', 'disabled'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowProtocolRelative: false,
    transformTags: {
      // A page opened from a lesson gets neither a handle on the lesson's window nor its address.
      a: (tagName, attribs) => {
        const { rel: _rel, target, ...rest } = attribs;
        const external = EXTERNAL_LINK.test(rest.href ?? '');
        if (target === '_blank') return { tagName, attribs: { ...rest, target, rel: 'noopener noreferrer' } };
        return { tagName, attribs: external ? { ...rest, rel: 'noopener noreferrer' } : rest };
      },
    },
    // Images from other hosts would let a teacher track who reads the lesson (tracking pixels).
    exclusiveFilter: (frame) => frame.tag === 'img' && !allowedImage(frame.attribs.src, imageHosts),
  };
}

/**
 * Teacher-written markdown as HTML that is safe to insert into a page: no scripts, handlers or javascript:
 * links; external links carry rel="noopener noreferrer"; images only over https from `imageHosts`.
 */
export function renderLessonMarkdown(markdown: string, options: LessonMarkdownOptions): string {
  return sanitizeHtml(marked.parse(markdown, { async: false, gfm: true }), sanitizeOptions(options));
}
