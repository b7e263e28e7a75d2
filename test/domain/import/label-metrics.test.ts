import { describe, expect, it } from 'vitest';
import { metricForLabels } from '../../../lib/domain/import/label-metrics';
import type { Metric } from '../../../lib/domain/types';

function metric(id: string, role: Metric['role'], name: string): Metric {
  return {
    id,
    treeId: 't',
    role,
    parentId: null,
    name,
    definition: '',
    unit: '',
    period: null,
    category: null,
    ownerTeam: '',
    leverage: 1,
    sourceUrls: [],
    target: null,
    updatedAt: 0,
  };
}

const metrics = [
  metric('nsm', 'nsm', 'Weekly active teams'),
  metric('act', 'input', 'Activated teams'),
  metric('msg', 'input', 'Messages sent per active team each week'),
  metric('inv', 'team', 'Invites'),
  metric('rev', 'output', 'Revenue'),
];

describe('metricForLabels', () => {
  it("matches a label equal to an input metric's name, ignoring case", () => {
    expect(metricForLabels(['bug', 'ACTIVATED TEAMS'], metrics)).toEqual({
      kind: 'one',
      metricId: 'act',
      label: 'ACTIVATED TEAMS',
    });
  });

  it('matches the short name a badge shows', () => {
    expect(metricForLabels(['Messages sent per…'], metrics)).toEqual({
      kind: 'one',
      metricId: 'msg',
      label: 'Messages sent per…',
    });
  });

  it('reads dashes and underscores as spaces, since Jira labels cannot hold spaces', () => {
    expect(metricForLabels(['activated-teams'], metrics)).toMatchObject({ kind: 'one', metricId: 'act' });
    expect(metricForLabels(['activated_teams'], metrics)).toMatchObject({ kind: 'one', metricId: 'act' });
  });

  it('lets an nsm: label win over a label that merely shares a name', () => {
    expect(metricForLabels(['Invites', 'nsm: Activated teams'], metrics)).toEqual({
      kind: 'one',
      metricId: 'act',
      label: 'nsm: Activated teams',
    });
  });

  it('matches team metrics, but never the NSM or an output metric', () => {
    expect(metricForLabels(['invites'], metrics)).toMatchObject({ kind: 'one', metricId: 'inv' });
    expect(metricForLabels(['Weekly active teams', 'revenue'], metrics)).toEqual({ kind: 'none' });
  });

  it('guesses nothing when labels name different metrics', () => {
    expect(metricForLabels(['Invites', 'Activated teams'], metrics)).toEqual({
      kind: 'several',
      metricIds: ['inv', 'act'],
    });
  });

  it('finds nothing for unrelated labels', () => {
    expect(metricForLabels(['frontend', 'nsm:unknown'], metrics)).toEqual({ kind: 'none' });
  });
});
