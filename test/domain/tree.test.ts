import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  inputMetricsOf,
  metricById,
  nsmOf,
  nsmsOf,
  pathToNsm,
  resolveInputLink,
  shortName,
} from '../../lib/domain/tree';
import { metric } from './builders';

const nsm = metric({ id: 'nsm', role: 'nsm', name: 'Weekly active teams' });
const messaging = metric({ id: 'in1', role: 'input', parentId: 'nsm', name: 'Messages sent', leverage: 2 });
const invites = metric({ id: 'in2', role: 'input', parentId: 'nsm', name: 'Invites accepted' });
const composer = metric({ id: 'team1', role: 'team', parentId: 'in1', name: 'Composer speed', leverage: 0.5 });
const revenue = metric({ id: 'out1', role: 'output', parentId: 'nsm', name: 'MRR' });
const tree = [nsm, messaging, invites, composer, revenue];

describe('finding metrics in a tree', () => {
  it('finds the single North Star', () => {
    expect(nsmsOf(tree)).toEqual([nsm]);
    expect(nsmOf(tree)).toBe(nsm);
  });

  it('has no single North Star when there is none or several', () => {
    expect(nsmOf([messaging])).toBeNull();
    expect(nsmOf([nsm, { ...nsm, id: 'nsm2' }])).toBeNull();
    expect(nsmsOf([nsm, { ...nsm, id: 'nsm2' }])).toHaveLength(2);
  });

  it('lists input metrics only, not team or output metrics', () => {
    expect(inputMetricsOf(tree)).toEqual([messaging, invites]);
  });

  it('lists the children of a metric', () => {
    expect(childrenOf(tree, 'nsm')).toEqual([messaging, invites, revenue]);
    expect(childrenOf(tree, 'in1')).toEqual([composer]);
    expect(childrenOf(tree, 'in2')).toEqual([]);
  });

  it('indexes metrics by id', () => {
    const byId = metricById(tree);
    expect(byId.get('team1')).toBe(composer);
    expect(byId.size).toBe(tree.length);
  });
});

describe('pathToNsm', () => {
  it('walks from a team metric through its input metric to the North Star', () => {
    expect(pathToNsm(tree, 'team1').map((m) => m.id)).toEqual(['team1', 'in1', 'nsm']);
  });

  it('is just the NSM for the NSM, and empty for an unknown metric', () => {
    expect(pathToNsm(tree, 'nsm')).toEqual([nsm]);
    expect(pathToNsm(tree, 'missing')).toEqual([]);
  });

  it('stops where a parent is missing', () => {
    const orphan = metric({ id: 'orphan', role: 'team', parentId: 'gone' });
    expect(pathToNsm([...tree, orphan], 'orphan')).toEqual([orphan]);
  });

  it('does not loop forever on a cycle in broken data', () => {
    const a = metric({ id: 'a', role: 'input', parentId: 'b' });
    const b = metric({ id: 'b', role: 'team', parentId: 'a' });
    expect(pathToNsm([a, b], 'a').map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('resolveInputLink', () => {
  const byId = metricById(tree);

  it('links an item tagged with an input metric to that metric, at its leverage', () => {
    expect(resolveInputLink(byId, 'in1')).toEqual({ metric: messaging, input: messaging, leverage: 2 });
  });

  it('carries a team metric through its input metric, multiplying both leverages', () => {
    expect(resolveInputLink(byId, 'team1')).toEqual({ metric: composer, input: messaging, leverage: 1 });
  });

  it('gives no link for no tag, an unknown metric, or a metric that is not an input path', () => {
    expect(resolveInputLink(byId, null)).toBeNull();
    expect(resolveInputLink(byId, 'deleted')).toBeNull();
    expect(resolveInputLink(byId, 'nsm')).toBeNull();
    expect(resolveInputLink(byId, 'out1')).toBeNull();
  });

  it('gives no link for a team metric that does not hang under an input metric', () => {
    const underOutput = metric({ id: 'team2', role: 'team', parentId: 'out1' });
    const orphan = metric({ id: 'team3', role: 'team', parentId: null });
    const withTeams = metricById([...tree, underOutput, orphan]);
    expect(resolveInputLink(withTeams, 'team2')).toBeNull();
    expect(resolveInputLink(withTeams, 'team3')).toBeNull();
  });
});

describe('shortName', () => {
  it('keeps a short name as it is', () => {
    expect(shortName({ name: 'Nights booked' })).toBe('Nights booked');
    expect(shortName({ name: 'Exactly eighteen c' })).toBe('Exactly eighteen c');
  });

  it('cuts a long name with an ellipsis, within the limit', () => {
    const short = shortName({ name: 'Weekly active teams sending messages' });
    expect(short).toBe('Weekly active tea…');
    expect(Array.from(short)).toHaveLength(18);
    expect(shortName({ name: 'Invites accepted per week' }, 10)).toBe('Invites a…');
    expect(shortName({ name: 'Invites accepted' }, 9)).toBe('Invites…');
  });

  it('collapses stray whitespace before measuring', () => {
    expect(shortName({ name: '  Nights \n booked  ' })).toBe('Nights booked');
  });

  it('never cuts an emoji in half', () => {
    const short = shortName({ name: '🚀🚀🚀🚀🚀' }, 3);
    expect(short).toBe('🚀🚀…');
  });
});
