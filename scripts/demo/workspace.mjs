/**
 * The demo workspace, as an export file (docs/export-format.md): a stays marketplace
 * whose North Star is nights booked, with input and team metrics, a ranked backlog
 * linked to demo Jira tickets, and weekly values of the North Star and revenue. Each part
 * of the team loop adds its own block below (a function of its own), laid over the base.
 */
const DAY = 86_400_000;

/** YYYY-MM-DD of the day `weeksAgo` weeks before `now`. */
const weeksBefore = (now, weeksAgo) => new Date(now - weeksAgo * 7 * DAY).toISOString().slice(0, 10);

/**
 * Values on the tree and the metric page (issue 17, point 3): 26 weekly values of the
 * North Star (the base has the last 20) and of the inputs listings and nights (conversion's
 * come with its key result below; repeat guests is left without values, so the OKR checks
 * have a key result whose metric has none), with one clear anomaly
 * (a week in which Bookable listings fell to half, a calendar-sync outage), targets and
 * thresholds chosen so the tree shows green, amber and red, and three shipped items whose
 * ship dates mark the charts.
 */
function metricValuesBlock(now, at) {
  const weeks = 26;
  const wobble = [0, 0.6, -0.4, 0.9, -0.8, 0.3, -0.2, 0.7, -0.6, 0.1, 0.5, -0.9, 0.4];
  const noise = (w) => wobble[w % wobble.length];
  const inputs = {
    'm-listings': (w) => (w === 19 ? 4120 : Math.round(8150 + 42 * w + 60 * noise(w))),
    'm-nights': (w) => Math.round((2.6 + 0.004 * w + 0.05 * noise(w + 7)) * 100) / 100,
  };
  const observations = [];
  for (const [metricId, valueAt] of Object.entries(inputs)) {
    for (let w = 0; w < weeks; w++) {
      observations.push({
        id: `o-${metricId.slice(2)}-${w}`,
        metricId,
        at: weeksBefore(now, weeks - w),
        value: valueAt(w),
        sourceUrl: '',
        note: metricId === 'm-listings' && w === 19 ? 'Calendar sync outage: listings hidden for three days' : '',
        updatedAt: at,
      });
    }
  }
  // The base records the North Star's last 20 weeks; these are the 6 before them.
  for (let w = 0; w < 6; w++) {
    observations.push({
      id: `o-n-early-${w}`,
      metricId: 'm-nsm',
      at: weeksBefore(now, weeks - w),
      value: Math.round(37200 + 420 * w + 900 * noise(w)),
      sourceUrl: '',
      note: '',
      updatedAt: at,
    });
  }
  return {
    observations,
    metricFields: {
      'm-nsm': { target: 52000 },
      'm-listings': { target: 9500, unit: 'listings' },
      // Conversion's values are the OKR block's (this quarter's weeks, on its key result's scale).
      'm-conversion': { target: 35, unit: '%' },
      'm-nights': { target: 2.8, unit: 'nights' },
    },
    thresholds: [
      { metricId: 'm-nsm', direction: 'up', amberWithin: 0.1 },
      { metricId: 'm-listings', direction: 'up', amberWithin: 0.05 },
      { metricId: 'm-conversion', direction: 'up', amberWithin: 0.05 },
      { metricId: 'm-nights', direction: 'up', amberWithin: 0.1 },
    ],
    shipped: { 'i-3': weeksBefore(now, 14), 'i-6': weeksBefore(now, 9), 'i-4': weeksBefore(now, 5) },
  };
}

/** Lays the metric-values block over the base workspace. */
function withMetricValues(workspace, now, at) {
  const block = metricValuesBlock(now, at);
  const treeId = 'demo-tree';
  return {
    ...workspace,
    metrics: workspace.metrics.map((m) => ({ ...m, ...block.metricFields[m.id] })),
    observations: [...workspace.observations, ...block.observations],
    items: workspace.items.map((i) => (block.shipped[i.id] ? { ...i, status: 'shipped' } : i)),
    thresholds: [...workspace.thresholds, ...block.thresholds],
    shipments: [
      ...workspace.shipments,
      ...Object.entries(block.shipped).map(([itemId, day]) => ({
        id: `s-${itemId}`,
        treeId,
        itemId,
        at: day,
        updatedAt: at,
      })),
    ],
  };
}

export function demoWorkspace(now = Date.now()) {
  const at = now - 40 * DAY;
  return withMetricValues(baseWorkspace(now, at), now, at);
}

function baseWorkspace(now, at) {
  const t = 'demo-tree';
  const metric = (id, role, name, fields = {}) => ({
    id,
    treeId: t,
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
    updatedAt: at,
    ...fields,
  });
  const metrics = [
    metric('m-nsm', 'nsm', 'Nights booked', {
      definition: 'Nights booked by guests and not cancelled, counted on the night of the stay.',
      unit: 'nights',
      period: 'week',
      category: 'consumption',
      target: 52000,
      sourceUrls: ['https://app.amplitude.com/analytics/staydemo/chart/nights01'],
    }),
    metric('m-listings', 'input', 'Bookable listings', {
      parentId: 'm-nsm',
      ownerTeam: 'Host growth',
      period: 'week',
      leverage: 1.2,
      definition: 'Listings with open dates in the next 90 days.',
    }),
    metric('m-conversion', 'input', 'Search-to-book conversion', {
      parentId: 'm-nsm',
      unit: '%',
      ownerTeam: 'Guest experience',
      period: 'week',
      leverage: 1.5,
      definition: 'Share of searching guests who book within 7 days.',
    }),
    metric('m-repeat', 'input', 'Repeat guests', {
      parentId: 'm-nsm',
      ownerTeam: 'Loyalty',
      period: 'week',
      definition: 'Guests who book again within 12 months.',
    }),
    metric('m-nights', 'input', 'Average nights per booking', {
      parentId: 'm-nsm',
      ownerTeam: 'Trips',
      period: 'week',
      leverage: 0.8,
    }),
    metric('m-onboarded', 'team', 'Hosts completing onboarding', {
      parentId: 'm-listings',
      ownerTeam: 'Host growth',
      leverage: 0.9,
    }),
    metric('m-revenue', 'output', 'Revenue', { parentId: 'm-nsm', unit: 'EUR', definition: 'Booking fees, weekly.' }),
    metric('m-cancel', 'health', 'Host cancellation rate', {
      parentId: 'm-nsm',
      unit: '%',
      definition: 'Must not rise while we push bookings.',
    }),
  ];
  const jira = (key) => ({ site: 'jira', key, url: `https://staydemo.atlassian.net/browse/${key}` });
  const item = (id, title, inputMetricId, rice, status, links = []) => ({
    id,
    treeId: t,
    title,
    links,
    inputMetricId,
    rice,
    status,
    notes: '',
    createdAt: at,
    updatedAt: at,
  });
  const items = [
    item(
      'i-1',
      'Instant book for verified guests',
      'm-conversion',
      { reach: 42000, impact: 2, confidence: 0.8, effort: 3 },
      'planned',
      [jira('STAY-101')],
    ),
    item(
      'i-2',
      'Host onboarding checklist',
      'm-onboarded',
      { reach: 3500, impact: 3, confidence: 0.8, effort: 2 },
      'in-progress',
      [jira('STAY-102')],
    ),
    item(
      'i-3',
      'Saved searches with price alerts',
      'm-repeat',
      { reach: 18000, impact: 1, confidence: 0.5, effort: 2 },
      'idea',
      [jira('STAY-103')],
    ),
    item('i-4', 'Weekly-stay discount', 'm-nights', { reach: 9000, impact: 1, confidence: 0.8, effort: 1 }, 'idea', [
      jira('STAY-104'),
    ]),
    item(
      'i-5',
      'Map search on mobile',
      'm-conversion',
      { reach: 30000, impact: 1, confidence: 0.8, effort: 4 },
      'planned',
      [jira('STAY-105')],
    ),
    item(
      'i-6',
      'Calendar sync with other platforms',
      'm-listings',
      { reach: 6000, impact: 2, confidence: null, effort: 3 },
      'idea',
      [jira('STAY-106')],
    ),
    item('i-7', 'Redesign the footer', null, { reach: null, impact: null, confidence: null, effort: 1 }, 'idea', [
      jira('STAY-107'),
    ]),
    item(
      'i-8',
      'Migrate the admin to the new framework',
      null,
      { reach: null, impact: null, confidence: null, effort: 5 },
      'planned',
      [jira('STAY-108')],
    ),
  ];
  const observations = [];
  const weeks = 20;
  // Week-to-week swings on a gentle rise: revenue follows them two weeks later, so the
  // validation chart shows the North Star leading revenue.
  const swing = [
    0, 2600, -1800, 3100, -900, 1500, -2600, 800, 2900, -1400, 400, -3000, 2200, -600, 1700, -2100, 3300, -1200, 600,
    2400, -500, 1900,
  ];
  const nightsAt = (w) => Math.round(40000 + w * 500 + swing[(w + 2) % swing.length]);
  for (let w = 0; w < weeks; w++) {
    const day = new Date(now - (weeks - w) * 7 * DAY).toISOString().slice(0, 10);
    observations.push({
      id: `o-n-${w}`,
      metricId: 'm-nsm',
      at: day,
      value: nightsAt(w),
      sourceUrl: '',
      note: '',
      updatedAt: at,
    });
    const revenue = Math.round(nightsAt(w - 2) * 11.5 + (((w * 7) % 5) - 2) * 9000);
    observations.push({
      id: `o-r-${w}`,
      metricId: 'm-revenue',
      at: day,
      value: revenue,
      sourceUrl: '',
      note: '',
      updatedAt: at,
    });
  }
  const loop = discoveryAndOkrs(now, t);
  observations.push(...loop.observations);
  return {
    formatVersion: 2,
    exportedAt: new Date(now).toISOString(),
    app: 'north-star-lens',
    trees: [
      { id: t, name: 'Stays marketplace', game: 'transaction', createdAt: at, updatedAt: at },
      { id: 'demo-personal', name: 'My personal tree', game: 'productivity', createdAt: at, updatedAt: at },
    ],
    metrics: [
      ...metrics,
      {
        ...metric('p-nsm', 'nsm', 'Deep-work hours', { period: 'week', category: 'engagement' }),
        treeId: 'demo-personal',
      },
    ],
    observations,
    items,
    reviews: [
      {
        id: 'r-1',
        treeId: t,
        at: now - 30 * DAY,
        note: 'Revenue follows nights booked by about two weeks.',
        answers: {
          customerValue: true,
          leadsRevenue: true,
          reflectsStrategy: true,
          understandable: true,
          measurable: true,
          actionable: false,
        },
        updatedAt: now - 30 * DAY,
      },
    ],
    history: [],
    worksheets: loop.worksheets,
    keyResults: loop.keyResults,
    thresholds: [],
    shipments: [],
    experiments: [],
    settings: { activeTreeId: t, disabledSites: [], customDomains: [] },
  };
}

const day = (time) => new Date(time).toISOString().slice(0, 10);

/** The first and last day of the quarter `time` falls in, and the share of it that has passed. */
function quarterOfTime(time) {
  const d = new Date(time);
  const q = Math.floor(d.getUTCMonth() / 3);
  const start = Date.UTC(d.getUTCFullYear(), q * 3, 1);
  const end = Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0);
  return { label: `${d.getUTCFullYear()}-Q${q + 1}`, start, end, elapsed: (time - start) / (end - start) };
}

/**
 * Discovery and OKRs (issue 17): the worksheet that chose "Nights booked" among three
 * candidates, and this quarter's key results: one on track, one behind, one without
 * values, and the Trips team's input left without one, so every OKR lint has a case.
 */
function discoveryAndOkrs(now, t) {
  const ratings = (frequency, measurability, growthCorrelation) => ({ frequency, measurability, growthCorrelation });
  const valueEvents = [
    { id: 've-stay', text: 'A guest checks in to a stay they booked', ratings: ratings(4, 5, 5) },
    { id: 've-match', text: 'A search shows a place that fits the dates and budget', ratings: ratings(5, 3, 4) },
    { id: 've-payout', text: 'A host receives the payout for a stay', ratings: ratings(3, 5, 4) },
    { id: 've-review', text: 'A guest leaves a five-star review', ratings: ratings(2, 4, 3) },
    { id: 've-rebook', text: 'A guest books the same host again', ratings: ratings(2, 4, 4) },
    { id: 've-message', text: 'A host answers a question within the hour', ratings: ratings(4, 3, 2) },
  ];
  const scores = (values) =>
    Object.fromEntries(
      [
        'customerValue',
        'leadsGrowth',
        'reflectsStrategy',
        'expressesValue',
        'representsStrategy',
        'leadingIndicator',
        'actionable',
        'understandable',
        'measurable',
      ].map((k, i) => [k, values[i] ?? null]),
    );
  const candidate = (id, name, fields) => ({
    id,
    name,
    definition: '',
    unit: '',
    period: null,
    category: null,
    valueEventIds: [],
    teams: [],
    scores: scores([]),
    ...fields,
  });
  const candidates = [
    candidate('c-nights', 'Nights booked', {
      definition: 'Nights booked by guests and not cancelled, counted on the night of the stay.',
      unit: 'nights',
      period: 'week',
      category: 'consumption',
      valueEventIds: ['ve-stay', 've-rebook'],
      teams: ['Host growth', 'Guest experience', 'Loyalty', 'Trips'],
      scores: scores([5, 5, 4, 5, 4, 4, 4, 5, 5]),
    }),
    candidate('c-searches', 'Searches', {
      period: 'week',
      valueEventIds: ['ve-match'],
      teams: ['Guest experience'],
      scores: scores([2, 3, 3, 2, 3, 4, 5, 5, 5]),
    }),
    candidate('c-revenue', 'Monthly revenue', {
      unit: 'EUR',
      period: 'month',
      category: 'revenue',
      valueEventIds: ['ve-payout'],
      teams: ['Host growth', 'Guest experience'],
      scores: scores([2, 2, 4, 2, 4, 1, 2, 5, 5]),
    }),
  ];
  const worksheets = [
    { id: 'ws-demo', treeId: t, valueEvents, candidates, chosenCandidateId: 'c-nights', updatedAt: now - 35 * DAY },
  ];
  const quarter = quarterOfTime(now);
  const due = day(quarter.end);
  const keyResult = (id, metricId, team, baseline, target) => ({
    id,
    treeId: t,
    quarter: quarter.label,
    metricId,
    team,
    baseline,
    target,
    due,
    updatedAt: quarter.start,
  });
  const keyResults = [
    keyResult('kr-conversion', 'm-conversion', 'Guest experience', 22, 35),
    keyResult('kr-listings', 'm-listings', 'Host growth', 8200, 11000),
    keyResult('kr-repeat', 'm-repeat', 'Loyalty', 18, 24),
  ];
  // Weekly conversion values since the quarter began, ahead of the clock; listings' 26 weeks
  // come from the metric-values block above and fall behind the 11,000 its key result asks.
  const observations = [];
  for (let time = quarter.start, w = 0; time <= now; time += 7 * DAY, w++) {
    const passed = (time - quarter.start) / (quarter.end - quarter.start);
    const value = (id, metricId, v) =>
      observations.push({ id, metricId, at: day(time), value: v, sourceUrl: '', note: '', updatedAt: now });
    value(`o-okr-c-${w}`, 'm-conversion', Math.round((22 + 13 * Math.min(1, passed * 1.1)) * 10) / 10);
  }
  return { worksheets, keyResults, observations };
}
