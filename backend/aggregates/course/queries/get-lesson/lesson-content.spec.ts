import { describe, expect, it } from 'vitest';
import { renderLessonMarkdown } from './lesson-content.js';

const render = (markdown: string, imageHosts: string[] = []) => renderLessonMarkdown(markdown, { imageHosts });

describe('lesson markdown', () => {
  it('gives external links rel="noopener noreferrer", and a target only together with it', () => {
    expect(render('[docs](https://docs.example.com)')).toContain(
      '<a href="https://docs.example.com" rel="noopener noreferrer">docs</a>',
    );
    expect(render('<a href="https://x.example.com" target="_blank" rel="opener">x</a>')).toContain(
      '<a href="https://x.example.com" target="_blank" rel="noopener noreferrer">x</a>',
    );
    expect(render('<a href="/courses" target="_blank">in</a>')).toContain(
      '<a href="/courses" target="_blank" rel="noopener noreferrer">in</a>',
    );
    expect(render('<a href="/courses" target="_top">in</a>')).toContain('<a href="/courses">in</a>');
  });

  it('keeps images only over https from the configured hosts', () => {
    expect(render('![pixel](http://tracker.example.com/p.gif)', ['tracker.example.com'])).not.toContain('<img');
    expect(render('![pixel](https://tracker.example.com/p.gif)')).not.toContain('<img');
    expect(render('![x](//cdn.example.com/a.png)', ['cdn.example.com'])).not.toContain('<img');
    expect(render('![x](data:image/png;base64,AAAA)')).not.toContain('<img');
    expect(render('![diagram](https://cdn.example.com/a.png)', ['cdn.example.com'])).toContain(
      '<img src="https://cdn.example.com/a.png" alt="diagram" />',
    );
  });

  it('still strips scripts, handlers and javascript: links', () => {
    const html = render('<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))');
    expect(html).toContain('<a>x</a>');
    expect(html).not.toMatch(/<script|onerror|href="javascript/);
  });
});
