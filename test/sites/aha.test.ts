// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { aha } from '../../lib/sites/aha';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { isListPage } from '../../lib/sites/list-pages';
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

  // Real addresses: the 'url' of epics and initiatives in the Aha! API docs' examples
  // (https://www.aha.io/api/resources/epics, .../initiatives: company.aha.io/epics/PRJ3-E-3,
  // company.aha.io/initiatives/PRJ1-S-1); flywheel-io/bids-client README.md (flywheelio.aha.io/epics/FW-E-39);
  // Kong/docs.konghq.com's changelog (konghq.aha.io/epics/KP-E-65).
  describe('recognises epics and initiatives by their reference', () => {
    it.each([
      ['http://company.aha.io/epics/PRJ3-E-3', 'PRJ3-E-3', 'http://company.aha.io/epics/PRJ3-E-3'],
      ['https://flywheelio.aha.io/epics/FW-E-39', 'FW-E-39', 'https://flywheelio.aha.io/epics/FW-E-39'],
      ['https://konghq.aha.io/epics/KP-E-65', 'KP-E-65', 'https://konghq.aha.io/epics/KP-E-65'],
      ['http://company.aha.io/initiatives/PRJ1-S-1', 'PRJ1-S-1', 'http://company.aha.io/initiatives/PRJ1-S-1'],
      ['https://example.aha.io/initiatives/erp-s-1', 'ERP-S-1', 'https://example.aha.io/initiatives/ERP-S-1'],
    ])('%s is %s', (href, key, url) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'aha', key, url });
    });

    it.each([
      'https://acme.aha.io/epics/APP-123',
      'https://acme.aha.io/epics/APP-S-1',
      'https://acme.aha.io/initiatives/APP-E-1',
      'https://acme.aha.io/features/APP-E-1',
      // An Aha! API response of 2018 gave an initiative's numeric id: no reference to key it by.
      'https://ringcentral.aha.io/initiatives/6412771945909400418',
      'https://acme.aha.io/epics',
    ])('but not %s, whose reference is of another kind or missing', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  // Aha! Develop's own addresses carry a /develop prefix: ivrtg.aha.io/develop/features/INFR-1073 in a
  // public home-manager bookmark list, tcare.aha.io/develop/features/TC-1234 in a public Claude skill (code index).
  describe('recognises records under Aha! Develop’s /develop prefix, keeping it in the address', () => {
    it.each([
      [
        'https://ivrtg.aha.io/develop/features/INFR-1073',
        'INFR-1073',
        'https://ivrtg.aha.io/develop/features/INFR-1073',
      ],
      ['https://tcare.aha.io/develop/features/TC-1234', 'TC-1234', 'https://tcare.aha.io/develop/features/TC-1234'],
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

  // Real list addresses: bigblue.aha.io/products/ML/feature_cards (IBM docs in the code index),
  // example.com.aha.io/products/<PROJECT_NAME>/features (demisto/content Packs/AHA/Integrations/AHA/README.md),
  // litmos.aha.io/products/LIT/ideas_overview,
  // big.aha.io/develop/bookmarks/custom_pivots/6974441079258521389/6974442220647839574 (public files, code index).
  describe('takes boards, lists and saved views for list pages', () => {
    it.each([
      'https://bigblue.aha.io/products/ML/feature_cards',
      'https://example.com.aha.io/products/PRJ/features',
      'https://litmos.aha.io/products/LIT/ideas_overview',
      'https://big.aha.io/develop/bookmarks/custom_pivots/6974441079258521389/6974442220647839574',
      'https://acme.aha.io/ideas/ideas',
      'https://acme.aha.io/ideas/overview',
    ])('%s', (href) => {
      expect(isListPage(aha, new URL(href))).toBe(true);
    });

    it.each([
      'https://acme.aha.io/features/APP-123',
      'https://acme.aha.io/develop/features/APP-123',
      'https://bravura-security.aha.io/products/AL',
      'https://acme.aha.io/settings/account',
      'https://acme.aha.io/features/new',
    ])('but not %s', (href) => {
      expect(isListPage(aha, new URL(href))).toBe(false);
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

  it('finds exactly the feature, idea, epic and initiative links on a list', () => {
    const doc = loadFixture('aha-features-list.html');
    const links = entityLinksIn(doc, aha.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual(['APP-123', 'APP-124', 'APP-I-46', 'APP-E-7', 'APP-S-2']);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });
});
