// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { genericWebEntity } from '../../lib/sites/index';
import { documentTitled } from './load-fixture';

describe('any other page linked by hand', () => {
  it('is identified by its origin and path, without query, fragment or trailing slash', () => {
    const page = genericWebEntity(
      new URL('https://blog.example.com/posts/north-star/?utm_source=x#part-2'),
      documentTitled('  Our North  Star '),
    );
    expect(page).toEqual({
      site: 'web',
      key: 'https://blog.example.com/posts/north-star',
      url: 'https://blog.example.com/posts/north-star',
      title: 'Our North Star',
      kind: 'ticket',
    });
  });

  it('is the same entity whether or not the address ends with a slash', () => {
    const doc = documentTitled('x');
    expect(genericWebEntity(new URL('https://example.com/a/'), doc)?.key).toBe(
      genericWebEntity(new URL('https://example.com/a'), doc)?.key,
    );
    expect(genericWebEntity(new URL('https://example.com/'), doc)?.key).toBe('https://example.com');
  });

  it('takes its address as title when the document has none', () => {
    expect(genericWebEntity(new URL('https://example.com/a'), documentTitled(''))?.title).toBe('https://example.com/a');
  });

  it('cannot be a browser page, a file, or an address too long to store', () => {
    const doc = documentTitled('x');
    expect(genericWebEntity(new URL('chrome://settings/'), doc)).toBeNull();
    expect(genericWebEntity(new URL('file:///tmp/a.html'), doc)).toBeNull();
    expect(genericWebEntity(new URL(`https://example.com/${'a'.repeat(600)}`), doc)).toBeNull();
  });
});
