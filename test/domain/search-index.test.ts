import { describe, expect, it } from 'vitest';
import { matchingPlaces, searchIndex, searchTextOf } from '../../lib/domain/search-index';
import type { Item } from '../../lib/domain/types';
import { item } from './builders';

const jira = (key: string) => ({ site: 'jira' as const, key, url: `https://acme.atlassian.net/browse/${key}` });

/** Titles with accents, case, a capital I with a dot (two characters once lowercased), repeats and ticket keys. */
function generated(count: number): Item[] {
  const words = ['Idea', 'résumé', 'EXPORT', 'İstanbul', 'invite', 'idea 71', 'Straße', '', 'a b'];
  return Array.from({ length: count }, (_, i) =>
    item({
      id: `i${i}`,
      title: `${words[i % words.length]} ${i % 17} ${words[(i * 5) % words.length]}`,
      links: i % 4 === 0 ? [jira(`ABC-${i}`)] : i % 7 === 0 ? [jira(`ABC-${i}`), jira(`XYZ-${i * 3}`)] : [],
    }),
  );
}

/** The search box's meaning, item by item: its title or a ticket key holds the query, case aside. */
const oneByOne = (items: Item[], query: string) =>
  items.flatMap((x, place) => (searchTextOf(x).includes(query) ? [place] : []));

describe('the search index', () => {
  const items = generated(400);
  const index = searchIndex(items);

  it('finds the items whose title or ticket key holds the query, in the list’s order', () => {
    for (const query of ['idea', 'idea 7', 'résumé', 'abc-1', 'xyz-', 'i̇stanbul', 'e 1', 'straße', 'a b', 'nothing']) {
      expect(matchingPlaces(index, query)).toEqual(oneByOne(items, query));
    }
    expect(matchingPlaces(index, 'abc-12')).toEqual([12, 120, 124, 126, 128]);
  });

  it('finds a query once per item, however often the item holds it', () => {
    const twice = [item({ id: 'x', title: 'idea idea idea' }), item({ id: 'y', title: 'other' })];
    expect(matchingPlaces(searchIndex(twice), 'idea')).toEqual([0]);
  });

  it('never matches across two items or between a title and its key', () => {
    const pair = [item({ id: 'x', title: 'Invite', links: [jira('ABC-1')] }), item({ id: 'y', title: 'Export' })];
    const pairIndex = searchIndex(pair);
    expect(matchingPlaces(pairIndex, 'inviteexport')).toEqual([]);
    expect(matchingPlaces(pairIndex, 'inviteabc')).toEqual([]);
    expect(matchingPlaces(pairIndex, 'e\u0001e')).toEqual([]);
    expect(matchingPlaces(pairIndex, 'abc-1')).toEqual([0]);
  });

  it('of no item finds nothing', () => {
    expect(matchingPlaces(searchIndex([]), 'idea')).toEqual([]);
  });
});
