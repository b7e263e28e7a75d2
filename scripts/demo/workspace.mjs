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
 * North Star (the base has the last 20) and of bookable listings (conversion's come with
 * the weekly review's block; repeat guests and nights are left without values, so the OKR
 * checks have a key result whose metric has none), with one clear anomaly
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
      // Conversion's values are the review block's (21 weeks in %, on its key result's scale).
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
  return behindTheClock(withMetricValues(baseWorkspace(now, at), now, at), now);
}

/**
 * The listings key result's target, set so its progress is 40% of the quarter gone: off
 * track once two fifths of the quarter have passed (at risk before), whatever the day the
 * demo is made, while its values stay those the metric page draws.
 */
function behindTheClock(workspace, now) {
  const latest = workspace.observations
    .filter((o) => o.metricId === 'm-listings')
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .at(-1).value;
  const { elapsed } = quarterOfTime(now);
  return {
    ...workspace,
    keyResults: workspace.keyResults.map((kr) =>
      kr.id === 'kr-listings'
        ? {
            ...kr,
            target: Math.round((kr.baseline + (latest - kr.baseline) / (0.4 * Math.max(elapsed, 0.05))) / 100) * 100,
          }
        : kr,
    ),
  };
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
  const okrs = discoveryAndOkrs(now, t);
  const loop = reviewAndOutcomes(t, now, at);
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
    observations: [...observations, ...loop.observations],
    items: [...items, ...loop.items],
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
    worksheets: okrs.worksheets,
    keyResults: okrs.keyResults,
    thresholds: [],
    shipments: loop.shipments,
    experiments: loop.experiments,
    reviewNotes: loop.reviewNotes,
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
    keyResult('kr-conversion', 'm-conversion', 'Guest experience', 21, 30),
    // Its target is set by behindTheClock below, from listings' values.
    keyResult('kr-listings', 'm-listings', 'Host growth', 8200, 11000),
    keyResult('kr-repeat', 'm-repeat', 'Loyalty', 18, 24),
  ];
  return { worksheets, keyResults };
}

/** The ISO week label of a day: 2025-W11 (as lib/domain/correlation.ts's periodKey). */
function isoWeek(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The weekly review and outcomes: shipped items with ship dates, weekly search-to-book
 * conversion (a step up after instant search shipped, and an unusual jump last week),
 * 12 experiments of this quarter (10 concluded: 6 moved their input, 4 the North Star)
 * and the notes of the two reviews before. The review shows the last complete week by
 * default, whatever the weekday: its values are 1 week before `now` (the current week has
 * none yet), two items shipped in it, and the review before it was held on its Monday.
 */
function reviewAndOutcomes(t, now, at) {
  const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);
  const d = new Date(now);
  const quarterStart = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
  const inQuarter = (daysAgo) => dayOf(Math.max(quarterStart, now - daysAgo * DAY));
  // Days before `now` of the last complete week's Monday (6 to 12).
  const lastMonday = 6 + (d.getUTCDay() || 7);
  const jira = (key) => ({ site: 'jira', key, url: `https://staydemo.atlassian.net/browse/${key}` });
  const shipped = [
    ['i-s1', 'Instant search results', 'm-conversion', 1, 'STAY-90', 63],
    ['i-s2', 'Host photo tips', 'm-onboarded', 0.8, 'STAY-91', 49],
    ['i-s3', 'Flexible dates filter', 'm-conversion', 0.5, 'STAY-92', 35],
    ['i-s4', 'Guest reviews reminder', 'm-repeat', 1, 'STAY-93', lastMonday - 1],
    ['i-s5', 'Price breakdown before checkout', 'm-conversion', 0.8, 'STAY-94', lastMonday - 3],
  ];
  const items = shipped.map(([id, title, inputMetricId, confidence, key]) => ({
    id,
    treeId: t,
    title,
    links: [jira(key)],
    inputMetricId,
    // Done work ranks below what is still to do; its confidence is what outcomes compare.
    rice: { reach: 100, impact: 0.25, confidence, effort: 5 },
    status: 'shipped',
    notes: '',
    createdAt: at,
    updatedAt: at,
  }));
  const shipments = shipped.map(([id, , , , , daysAgo]) => ({
    id: `sh-${id}`,
    treeId: t,
    itemId: id,
    at: dayOf(now - daysAgo * DAY),
    updatedAt: at,
  }));
  // Conversion in %, weekly: about 21% until instant search shipped 9 weeks ago, about 23%
  // after, and 29% last week: outside its usual range, for the review to flag.
  const observations = [];
  for (let w = 0; w < 20; w++) {
    const weeksAgo = 20 - w;
    const base = weeksAgo > 9 ? 21 : 23;
    const wobble = [0, 0.4, -0.3, 0.2, -0.4, 0.3, -0.1][w % 7];
    observations.push({
      id: `o-c-${w}`,
      metricId: 'm-conversion',
      at: dayOf(now - weeksAgo * 7 * DAY),
      value: weeksAgo === 1 ? 29 : Math.round((base + wobble) * 10) / 10,
      sourceUrl: '',
      note: '',
      updatedAt: at,
    });
  }
  const result = (i) => (i < 6 ? 'yes' : i < 8 ? 'no' : 'unclear');
  const nsmResult = (i) => (i < 4 ? 'yes' : i < 7 ? 'no' : 'unclear');
  const ideas = [
    ['Instant search results', 'Moves search-to-book conversion by +2 pts', 'm-conversion', 'i-s1'],
    ['Host photo tips', 'Raises onboarding completion by 10%', 'm-listings', 'i-s2'],
    ['Flexible dates search', 'Moves search-to-book conversion by +1 pt', 'm-conversion', 'i-s3'],
    ['Price breakdown before checkout', 'Fewer abandoned checkouts: conversion +1 pt', 'm-conversion', 'i-s5'],
    ['Reviews reminder email', 'Repeat guests +5% within a quarter', 'm-repeat', 'i-s4'],
    ['Instant book for verified guests', 'Moves search-to-book conversion by +1.5 pts', 'm-conversion', 'i-1'],
    ['Map search on mobile', 'Moves mobile conversion by +1 pt', 'm-conversion', 'i-5'],
    ['Weekly-stay discount', 'Longer stays: +0.3 nights per booking', 'm-nights', 'i-4'],
    ['Saved searches with price alerts', 'Repeat guests +3%', 'm-repeat', 'i-3'],
    ['Calendar sync', 'Bookable listings +4%', 'm-listings', 'i-6'],
    ['Host referral bonus', 'Bookable listings +2% a month', 'm-listings', null],
    ['Trust badges on listings', 'Moves search-to-book conversion by +0.5 pts', 'm-conversion', null],
  ];
  const experiments = ideas.map(([title, hypothesis, inputMetricId, itemId], i) => {
    const concluded = i < 10;
    const startedAt = inQuarter(70 - i * 5);
    const ended = dayOf(Math.min(now, Date.parse(`${startedAt}T00:00:00Z`) + 14 * DAY));
    return {
      id: `ex-${i + 1}`,
      treeId: t,
      itemId,
      title,
      hypothesis,
      inputMetricId,
      startedAt,
      endedAt: concluded ? ended : null,
      movedInput: concluded ? result(i) : null,
      movedNsm: concluded ? nsmResult(i) : null,
      note: '',
      updatedAt: at,
    };
  });
  // A review held on a Monday looks back at the week before it.
  const note = (daysAgo, text) => {
    const heldOn = dayOf(now - daysAgo * DAY);
    const week = isoWeek(dayOf(now - (daysAgo + 7) * DAY));
    return { id: `rn-${daysAgo}`, treeId: t, week, heldOn, text, updatedAt: at };
  };
  const reviewNotes = [
    note(lastMonday, 'Nights booked back on trend. Flexible dates: keep running another week before calling it.'),
    note(lastMonday + 7, 'Conversion still above 23% since instant search. Host photo tips: no clear effect yet.'),
  ];
  return { items, shipments, observations, experiments, reviewNotes };
}
