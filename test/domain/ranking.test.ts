import { describe, expect, it } from 'vitest';
import { rankItems, rankOfScore, rankedScores } from '../../lib/domain/ranking';
import { item, metric } from './builders';

const nsm = metric({ id: 'nsm', role: 'nsm' });
const messaging = metric({ id: 'in1', role: 'input', parentId: 'nsm', leverage: 2 });
const invites = metric({ id: 'in2', role: 'input', parentId: 'nsm', leverage: 1 });
const composer = metric({ id: 'team1', role: 'team', parentId: 'in1', leverage: 0.5 });
const revenue = metric({ id: 'out1', role: 'output', parentId: 'nsm' });
const metrics = [nsm, messaging, invites, composer, revenue];

const ids = (entries: { item: { id: string } }[]) => entries.map((e) => e.item.id);

describe('rankItems', () => {
  it('orders linked, fully estimated items by score, highest first, with ranks from 1', () => {
    const ranking = rankItems(
      [
        item({ id: 'small', inputMetricId: 'in2', rice: { reach: 10 } }),
        item({ id: 'big', inputMetricId: 'in2', rice: { reach: 1000 } }),
        item({ id: 'mid', inputMetricId: 'in2', rice: { reach: 100 } }),
      ],
      metrics,
    );
    expect(ids(ranking.ranked)).toEqual(['big', 'mid', 'small']);
    expect(ranking.ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranking.ranked.map((r) => r.score)).toEqual([1000, 100, 10]);
  });

  it("weights each score by the linked input metric's leverage", () => {
    const ranking = rankItems(
      [
        item({ id: 'on-invites', inputMetricId: 'in2', rice: { reach: 150 } }),
        item({ id: 'on-messaging', inputMetricId: 'in1', rice: { reach: 100 } }),
      ],
      metrics,
    );
    expect(ids(ranking.ranked)).toEqual(['on-messaging', 'on-invites']);
    expect(ranking.ranked[0]?.score).toBe(200);
  });

  it('ranks items tagged with a team metric at team × input leverage, under their input metric', () => {
    const ranking = rankItems([item({ id: 'fast-composer', inputMetricId: 'team1', rice: { reach: 100 } })], metrics);
    expect(ranking.ranked[0]).toMatchObject({ score: 100, metric: composer, input: messaging });
  });

  it('keeps items serving no input metric apart as unlinked, not scored as zero', () => {
    const untagged = item({ id: 'untagged', inputMetricId: null });
    const deleted = item({ id: 'deleted-metric', inputMetricId: 'gone' });
    const onNsm = item({ id: 'on-nsm', inputMetricId: 'nsm' });
    const onOutput = item({ id: 'on-output', inputMetricId: 'out1' });
    const ranking = rankItems([untagged, deleted, onNsm, onOutput], metrics);
    expect(ranking.unlinked).toEqual([untagged, deleted, onNsm, onOutput]);
    expect(ranking.ranked).toEqual([]);
    expect(ranking.unscored).toEqual([]);
  });

  it('lists linked items with an incomplete or invalid estimate as unscored, with the reason', () => {
    const ranking = rankItems(
      [
        item({ id: 'no-effort', inputMetricId: 'in1', rice: { effort: null } }),
        item({ id: 'odd-impact', inputMetricId: 'in2', rice: { impact: 7 } }),
      ],
      metrics,
    );
    expect(ids(ranking.unscored)).toEqual(['no-effort', 'odd-impact']);
    expect(ranking.unscored[0]?.problem).toMatchObject({ field: 'effort', reason: 'missing' });
    expect(ranking.unscored[1]?.problem).toMatchObject({ field: 'impact', reason: 'invalid' });
    expect(ranking.unscored[0]?.metric).toBe(messaging);
  });

  it('breaks score ties by lower effort first', () => {
    const ranking = rankItems(
      [
        item({ id: 'slow', inputMetricId: 'in2', rice: { reach: 200, effort: 2 } }),
        item({ id: 'quick', inputMetricId: 'in2', rice: { reach: 100, effort: 1 } }),
      ],
      metrics,
    );
    expect(ranking.ranked.map((r) => r.score)).toEqual([100, 100]);
    expect(ids(ranking.ranked)).toEqual(['quick', 'slow']);
  });

  it('then by title, ignoring case, then by id, whatever the input order', () => {
    const tied = [
      item({ id: 'c', title: 'Beta', inputMetricId: 'in2' }),
      item({ id: 'b', title: 'alpha', inputMetricId: 'in2' }),
      item({ id: 'a', title: 'Alpha', inputMetricId: 'in2' }),
    ];
    expect(ids(rankItems(tied, metrics).ranked)).toEqual(['a', 'b', 'c']);
    expect(ids(rankItems([...tied].reverse(), metrics).ranked)).toEqual(['a', 'b', 'c']);
    expect(rankItems(tied, metrics).ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('gives the ranked scores highest first', () => {
    const ranking = rankItems(
      [
        item({ id: 'x', inputMetricId: 'in2', rice: { reach: 5 } }),
        item({ id: 'y', inputMetricId: 'in2', rice: { reach: 50 } }),
        item({ id: 'z', inputMetricId: null, rice: { reach: 500 } }),
      ],
      metrics,
    );
    expect(rankedScores(ranking)).toEqual([50, 5]);
  });
});

describe('rankOfScore', () => {
  const others = [900, 500, 500, 100, 10];

  it('is 1 above every other score and last below them all', () => {
    expect(rankOfScore(1000, others)).toBe(1);
    expect(rankOfScore(1, others)).toBe(6);
    expect(rankOfScore(42, [])).toBe(1);
  });

  it('places a score between the scores it falls between', () => {
    expect(rankOfScore(600, others)).toBe(2);
    expect(rankOfScore(50, others)).toBe(5);
  });

  it('places a score after the scores it only ties, so the preview never promises a better rank', () => {
    expect(rankOfScore(500, others)).toBe(4);
    expect(rankOfScore(900, others)).toBe(2);
    expect(rankOfScore(10, others)).toBe(6);
  });

  it('puts a missing (NaN) score last', () => {
    expect(rankOfScore(Number.NaN, others)).toBe(6);
  });

  it('agrees with a linear count over many random lists', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      const list = Array.from({ length: Math.floor(random() * 20) }, () => Math.floor(random() * 10)).sort(
        (a, b) => b - a,
      );
      const score = Math.floor(random() * 12) - 1;
      expect(rankOfScore(score, list)).toBe(list.filter((s) => s >= score).length + 1);
    }
  });
});
