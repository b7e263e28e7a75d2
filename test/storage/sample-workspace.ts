import { NO_LOOP_RECORDS, type Metric, type Workspace } from '../../lib/domain/types';

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
    ...NO_LOOP_RECORDS,
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

const NO_RATINGS = { frequency: null, measurability: null, growthCorrelation: null };
const NO_SCORES = {
  customerValue: null,
  leadsGrowth: null,
  reflectsStrategy: null,
  expressesValue: null,
  representsStrategy: null,
  leadingIndicator: null,
  actionable: null,
  understandable: null,
  measurable: null,
};

/** The sample with one record or more of every team-loop kind, pointing at its tree, metrics and items. */
export function sampleLoopWorkspace(): Workspace {
  return {
    ...sampleWorkspace(),
    worksheets: [
      {
        id: 'w1',
        treeId: 't1',
        valueEvents: [{ id: 've1', text: 'A team ships its first board', ratings: { ...NO_RATINGS, frequency: 4 } }],
        candidates: [
          {
            id: 'c1',
            name: 'Weekly active teams',
            definition: 'Teams with 3 or more active members in a week',
            unit: 'teams',
            period: 'week',
            category: 'engagement',
            valueEventIds: ['ve1'],
            teams: ['Growth'],
            scores: { ...NO_SCORES, customerValue: 5 },
          },
        ],
        chosenCandidateId: 'c1',
        updatedAt: T,
      },
    ],
    keyResults: [
      {
        id: 'kr1',
        treeId: 't1',
        quarter: '2024-Q1',
        metricId: 'in1',
        team: 'Growth',
        baseline: 10,
        target: 25,
        due: '2024-03-31',
        updatedAt: T,
      },
    ],
    thresholds: [{ metricId: 'in1', direction: 'up', amberWithin: 0.2 }],
    shipments: [{ id: 's1', treeId: 't1', itemId: 'i1', at: '2024-01-15', updatedAt: T }],
    experiments: [
      {
        id: 'e1',
        treeId: 't1',
        itemId: 'i1',
        title: 'Invite from the empty board',
        hypothesis: 'An invite prompt on an empty board raises invites',
        inputMetricId: 'in1',
        startedAt: '2024-01-08',
        endedAt: '2024-01-29',
        movedInput: 'yes',
        movedNsm: 'unclear',
        note: '',
        updatedAt: T,
      },
    ],
    reviewNotes: [
      {
        id: 'rn1',
        treeId: 't1',
        week: '2024-W03',
        heldOn: '2024-01-15',
        text: 'Invites up after the prompt',
        updatedAt: T,
      },
    ],
  };
}
