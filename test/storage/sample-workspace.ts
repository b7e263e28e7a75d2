import type { Metric, Workspace } from '../../lib/domain/types';

const T = 1_700_000_000_000;

/** A consistent workspace with one record or more in every store, as an older export or version would hold it. */
export function sampleWorkspace(): Workspace {
  return {
    trees: [{ id: 't1', name: 'Acme', game: 'productivity', createdAt: T, updatedAt: T }],
    metrics: [
      metric({ id: 'in1', role: 'input', parentId: 'nsm', name: 'Teams inviting a colleague' }),
      metric({ id: 'nsm', role: 'nsm', parentId: null, name: 'Weekly active teams' }),
      metric({ id: 'team1', role: 'team', parentId: 'in1', name: 'Invites sent' }),
    ],
    observations: [
      { id: 'o1', metricId: 'nsm', at: '2024-01-01', value: 120, sourceUrl: '', note: '', updatedAt: T },
      {
        id: 'o2',
        metricId: 'nsm',
        at: '2024-01-08',
        value: 130.5,
        sourceUrl: 'https://app.amplitude.com/chart/abc',
        note: 'launch',
        updatedAt: T,
      },
    ],
    items: [
      {
        id: 'i1',
        treeId: 't1',
        title: 'Invite from the share dialog',
        links: [
          { site: 'jira', key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' },
          { site: 'github', key: 'acme/app#42', url: 'https://github.com/acme/app/issues/42' },
        ],
        inputMetricId: 'in1',
        rice: { reach: 500, impact: 2, confidence: 0.8, effort: 1.5 },
        status: 'planned',
        notes: 'after the redesign',
        createdAt: T,
        updatedAt: T + 1,
      },
      {
        id: 'i2',
        treeId: 't1',
        title: 'Dark mode',
        links: [],
        inputMetricId: null,
        rice: { reach: null, impact: null, confidence: null, effort: null },
        status: 'idea',
        notes: '',
        createdAt: T,
        updatedAt: T,
      },
    ],
    reviews: [
      {
        id: 'r1',
        treeId: 't1',
        at: T,
        answers: {
          customerValue: true,
          leadsRevenue: true,
          reflectsStrategy: true,
          understandable: true,
          measurable: true,
          actionable: false,
        },
        note: '',
        updatedAt: T,
      },
    ],
    history: [{ id: 'h1', treeId: 't1', at: T, from: 'Sign-ups', to: 'Weekly active teams', updatedAt: T }],
    settings: {
      activeTreeId: 't1',
      disabledSites: ['trello'],
      customDomains: [{ origin: 'https://jira.acme.com/*', site: 'jira' }],
    },
  };
}

function metric(fields: Pick<Metric, 'id' | 'role' | 'parentId' | 'name'>): Metric {
  return {
    treeId: 't1',
    definition: '',
    unit: 'teams',
    period: 'week',
    category: 'engagement',
    ownerTeam: 'Growth',
    leverage: 1.5,
    sourceUrls: ['https://app.amplitude.com/chart/abc'],
    target: null,
    updatedAt: T,
    ...fields,
  };
}
