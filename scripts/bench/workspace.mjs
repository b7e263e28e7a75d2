/**
 * A generated workspace file (docs/export-format.md) of the size the budgets speak of:
 * one tree, 100 metrics (the NSM, 5 input metrics, 94 team metrics under them) and
 * 10,000 items (or as many as asked, with observations), each linked to a Jira ticket BENCH-<n>. Most items are tagged and
 * estimated, some are unlinked, as in a real backlog. Deterministic, so runs compare.
 */
export const JIRA = 'https://acme.atlassian.net';
export const INPUT_NAMES = [
  'Teams inviting a colleague',
  'Projects shared',
  'Boards created',
  'Weekly comments',
  'Integrations connected',
];

const AT = 1714550000000;
const TREE = 'tree-bench';

export function benchWorkspace({
  items: itemCount = 10_000,
  metrics: metricCount = 100,
  observations: observationCount = 0,
} = {}) {
  const metric = (id, role, parentId, name, ownerTeam = '') => ({
    id,
    treeId: TREE,
    role,
    parentId,
    name,
    definition: '',
    unit: '',
    period: role === 'nsm' ? 'week' : null,
    category: role === 'nsm' ? 'engagement' : null,
    ownerTeam,
    leverage: 1,
    sourceUrls: [],
    target: null,
    updatedAt: AT,
  });
  const inputs = INPUT_NAMES.map((name, i) => metric(`input-${i}`, 'input', 'nsm', name, `Team ${i}`));
  const teams = Array.from({ length: metricCount - 1 - inputs.length }, (_, i) =>
    metric(`team-${i}`, 'team', inputs[i % inputs.length].id, `Team metric ${i}`, `Team ${i % inputs.length}`),
  );
  const metrics = [metric('nsm', 'nsm', null, 'Weekly active teams'), ...inputs, ...teams];
  const taggable = [...inputs, ...teams];

  const items = Array.from({ length: itemCount }, (_, i) => {
    const n = i + 1;
    const unlinked = n > 3 && n % 7 === 0;
    return {
      id: `item-${n}`,
      treeId: TREE,
      title: `Backlog idea ${n}`,
      links: [{ site: 'jira', key: `BENCH-${n}`, url: `${JIRA}/browse/BENCH-${n}` }],
      // Tickets 1, 2 and 3 are the ones the bench opens: 1 and 3 move the first input, 2 the second.
      inputMetricId: unlinked ? null : n <= 3 ? inputs[n === 2 ? 1 : 0].id : taggable[n % taggable.length].id,
      rice: {
        reach: 100 + (n % 900),
        impact: [0.25, 0.5, 1, 2, 3][n % 5],
        confidence: [0.5, 0.8, 1][n % 3],
        effort: 1 + (n % 12),
      },
      status: 'idea',
      notes: '',
      createdAt: AT + n,
      updatedAt: AT + n,
    };
  });

  return {
    formatVersion: 1,
    exportedAt: new Date(AT).toISOString(),
    app: 'north-star-lens',
    trees: [{ id: TREE, name: 'Bench', game: 'productivity', createdAt: AT, updatedAt: AT }],
    metrics,
    observations: benchObservations(metrics, observationCount),
    items,
    reviews: [],
    history: [],
    settings: { activeTreeId: TREE, disabledSites: [], customDomains: [] },
  };
}

/**
 * `count` daily values spread evenly over the metrics, each metric's from 2000-01-01 on:
 * 500,000 over 100 metrics is 13.7 years of days each.
 */
function benchObservations(metrics, count) {
  const perMetric = Math.ceil(count / metrics.length);
  const day = 86_400_000;
  const start = Date.UTC(2000, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const metric = metrics[Math.floor(i / perMetric)];
    const k = i % perMetric;
    return {
      id: `obs-${i + 1}`,
      metricId: metric.id,
      at: new Date(start + k * day).toISOString().slice(0, 10),
      value: 1000 + ((i * 37) % 500),
      sourceUrl: '',
      note: '',
      updatedAt: AT,
    };
  });
}

/** The text the collapsed pill starts with once it shows a ticket's stored linkage. */
export const pillFor = (inputIndex) => `${INPUT_NAMES[inputIndex]} · `;
