import { describe, expect, it } from 'vitest';
import { choicePolicy, parseChoiceConfig } from '../index.ts';

describe('choice config', () => {
  const valid = {
    id: 'digest',
    question: 'Which digest?',
    options: [
      { id: 'weekly', title: 'A: Weekly', text: 'One long email', image: { src: '/a.png', alt: 'A calendar' } },
      { id: 'daily', title: 'B: Daily' },
    ],
  };
  it('accepts scenarios with optional text and image and derives a single-choice policy', () => {
    const r = parseChoiceConfig({ ...valid, allowChange: true });
    expect(r.ok && choicePolicy(r.value)).toEqual({ options: ['weekly', 'daily'], multiple: false, change: true });
  });
  it.each([
    [{ ...valid, options: [valid.options[0]] }, 'options: a choice needs at least 2 scenarios'],
    [{ ...valid, options: [valid.options[1], valid.options[1]] }, 'scenario ids must be unique'],
    [{ ...valid, options: [{ ...valid.options[0], image: { src: 'javascript:x', alt: '' } }, valid.options[1]] }, 'options.0.image.src'],
    [{ ...valid, options: [{ ...valid.options[0], image: { src: '/a.png' } }, valid.options[1]] }, 'options.0.image.alt'],
  ])('says what is wrong: %#', (input, message) => {
    const r = parseChoiceConfig(input);
    expect(!r.ok && r.error).toContain(message);
  });

  const withImage = (src: string) => parseChoiceConfig({ ...valid, options: [{ ...valid.options[0], image: { src, alt: 'A' } }, valid.options[1]] });
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="#c8d6f5" transform="rotate(0)"/></svg>';
  it.each([
    ['an URL-encoded SVG', `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`],
    ['an URL-encoded SVG without a charset', `data:image/svg+xml,${encodeURIComponent(svg)}`],
    ['a base64 SVG', `data:image/svg+xml;base64,${btoa(svg)}`],
    ['a PNG', 'data:image/png;base64,iVBORw0KGgo='],
    ['an https picture', 'https://example.org/a.svg'],
  ])('accepts %s as an image source', (_, src) => {
    const r = withImage(src);
    expect(r.ok && r.value.options[0]!.image!.src).toBe(src);
  });
  it.each([
    ['an HTML document', 'data:text/html,%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['an HTML document in base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['a script link', 'javascript:alert(1)'],
    ['a script link in disguise', ' JavaScript:alert(1)'],
    ['a raw (not encoded) SVG', `data:image/svg+xml,${svg}`],
    ['an SVG that closes a CSS url()', `data:image/svg+xml,${encodeURIComponent(svg)}");background:red`],
    ['an SVG with a raw space', `data:image/svg+xml,${encodeURIComponent(svg).replace('%20', ' ')}`],
    ['an SVG with a fragment', `data:image/svg+xml,${encodeURIComponent(svg)}#x`],
    ['an SVG with characters outside base64', 'data:image/svg+xml;base64,PHN2Zz4=<script>'],
    ['an SVG of another type', 'data:image/svg;base64,PHN2Zz4='],
    ['an XHTML document', 'data:application/xhtml+xml,%3Chtml%3E'],
  ])('refuses %s as an image source', (_, src) => {
    const r = withImage(src);
    expect(!r.ok && r.error).toContain('options.0.image.src');
  });
});
