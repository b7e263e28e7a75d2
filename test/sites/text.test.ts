// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, cleanText, firstText, pickTitle } from '../../lib/sites/text';

function page(body: string, title = ''): Document {
  const doc = new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head></head><body>${body}</body></html>`,
    'text/html',
  );
  doc.title = title;
  return doc;
}

describe('titles read from a host page', () => {
  it('are trimmed and have their whitespace collapsed to single spaces', () => {
    expect(cleanText('  Fix\n\tthe   login \u00a0 flow  ')).toBe('Fix the login flow');
  });

  it('are capped in length', () => {
    expect(cleanText('x'.repeat(MAX_TITLE_LENGTH + 50))).toHaveLength(MAX_TITLE_LENGTH);
  });

  it('are not cut in the middle of an emoji', () => {
    const title = cleanText(`${'x'.repeat(MAX_TITLE_LENGTH - 1)}😀 and more`);
    expect(title).toBe('x'.repeat(MAX_TITLE_LENGTH - 1));
  });

  it('are text only: markup in the page arrives as its text, never as HTML', () => {
    const doc = page('<h1>Ship <img src=x onerror="alert(1)"><b>now</b> &lt;script&gt;</h1>');
    expect(firstText(doc, ['h1'])).toBe('Ship now <script>');
  });

  it('come from the first selector that has text, skipping blank elements', () => {
    const doc = page('<h2 class="a">  </h2><h2 class="b">Second</h2><h1>Heading</h1>');
    expect(firstText(doc, ['.a', '.b', 'h1'])).toBe('Second');
    expect(firstText(doc, ['.missing', 'h1'])).toBe('Heading');
  });

  it('read what is typed in an editable title field', () => {
    const doc = page('<textarea aria-label="Task Name">Old</textarea>');
    const field = doc.querySelector('textarea') as HTMLTextAreaElement;
    field.value = 'Renamed task';
    expect(firstText(doc, ['textarea'])).toBe('Renamed task');
  });

  it('fall back to the cleaned document title, then to the key', () => {
    const strip = (title: string) => title.replace(/ - Site$/, '');
    expect(pickTitle(page('', 'Thing - Site'), 'K-1', ['h1'], strip)).toBe('Thing');
    expect(pickTitle(page('', ' - Site'), 'K-1', ['h1'], (title) => title.replace(/^- Site$/, ''))).toBe('K-1');
  });
});
