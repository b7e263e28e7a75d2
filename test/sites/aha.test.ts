// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { aha } from '../../lib/sites/aha';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://acme.aha.io/products/APP/feature_cards');

describe('Aha! adapter', () => {
  describe('recognises features and ideas by their reference', () => {
    it.each([
      ['https://acme.aha.io/features/APP-123', 'APP-123', 'https://acme.aha.io/features/APP-123'],
      [
        'https://acme.aha.io/features/app-123?reference-class=Feature#requirement_65',
        'APP-123',
        'https://acme.aha.io/features/APP-123',
      ],
      ['https://acme.aha.io/ideas/ideas/APP-I-45', 'APP-I-45', 'https://acme.aha.io/ideas/ideas/APP-I-45'],
      [
        'https://caseys-company.use3.aha.io/ideas/ideas/DEMO-I-26',
        'DEMO-I-26',
        'https://caseys-company.use3.aha.io/ideas/ideas/DEMO-I-26',
      ],
      ['https://vcf.ideas.aha.io/ideas/VCF-I-979', 'VCF-I-979', 'https://vcf.ideas.aha.io/ideas/VCF-I-979'],
      ['https://acme.aha.io/features/PRJ1-1', 'PRJ1-1', 'https://acme.aha.io/features/PRJ1-1'],
    ])('%s is %s', (href, key, url) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'aha', key, url });
    });
  });

  describe('ignores lists, boards and forms', () => {
    it.each([
      'https://acme.aha.io/features/new',
      'https://acme.aha.io/features',
      'https://acme.aha.io/ideas/overview',
      'https://acme.aha.io/ideas/ideas/APP-45',
      'https://acme.aha.io/products/APP/feature_cards',
      'https://acme.aha.io/features/APP-123/extra',
      'https://aha.io.example.com/features/APP-1',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  it('reads the record title as the title', () => {
    const page = entityOnPage(new URL('https://acme.aha.io/features/APP-123'), loadFixture('aha-feature.html'));
    expect(page).toEqual({
      site: 'aha',
      key: 'APP-123',
      url: 'https://acme.aha.io/features/APP-123',
      title: 'Usage-based billing',
      kind: 'ticket',
    });
  });

  it('falls back to the document title without the reference and the Aha! suffix', () => {
    expect(aha.titleFrom(documentTitled('APP-123 Usage-based billing | Aha!'), 'APP-123')).toBe('Usage-based billing');
  });

  it('finds exactly the feature and idea links on a list', () => {
    const doc = loadFixture('aha-features-list.html');
    const links = entityLinksIn(doc, aha.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual(['APP-123', 'APP-124', 'APP-I-46']);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });
});
