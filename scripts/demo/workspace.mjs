/**
 * The demo workspace, as an export file (docs/export-format.md): a stays marketplace
 * whose North Star is nights booked, with input and team metrics, a ranked backlog
 * linked to demo Jira tickets, and weekly values of the North Star and revenue.
 */
const DAY = 86_400_000;

export function demoWorkspace(now = Date.now()) {
  const t = 'demo-tree';
  const at = now - 40 * DAY;
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
    worksheets: [],
    keyResults: [],
    thresholds: [],
    shipments: loop.shipments,
    experiments: loop.experiments,
    reviewNotes: loop.reviewNotes,
    settings: { activeTreeId: t, disabledSites: [], customDomains: [] },
  };
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
 * conversion (a step up after instant search shipped, and an unusual jump this week),
 * 12 experiments of this quarter (10 concluded: 6 moved their input, 4 the North Star)
 * and the notes of the last two weekly reviews.
 */
function reviewAndOutcomes(t, now, at) {
  const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);
  const d = new Date(now);
  const quarterStart = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
  const inQuarter = (daysAgo) => dayOf(Math.max(quarterStart, now - daysAgo * DAY));
  const jira = (key) => ({ site: 'jira', key, url: `https://staydemo.atlassian.net/browse/${key}` });
  const shipped = [
    ['i-s1', 'Instant search results', 'm-conversion', 1, 'STAY-90', 63],
    ['i-s2', 'Host photo tips', 'm-onboarded', 0.8, 'STAY-91', 49],
    ['i-s3', 'Flexible dates filter', 'm-conversion', 0.5, 'STAY-92', 35],
    ['i-s4', 'Guest reviews reminder', 'm-repeat', 1, 'STAY-93', 3],
    ['i-s5', 'Price breakdown before checkout', 'm-conversion', 0.8, 'STAY-94', 2],
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
  // after, and 29% this week: outside its usual range, for the review to flag.
  const observations = [];
  for (let w = 0; w <= 20; w++) {
    const weeksAgo = 20 - w;
    const base = weeksAgo > 9 ? 21 : 23;
    const wobble = [0, 0.4, -0.3, 0.2, -0.4, 0.3, -0.1][w % 7];
    observations.push({
      id: `o-c-${w}`,
      metricId: 'm-conversion',
      at: dayOf(now - weeksAgo * 7 * DAY),
      value: weeksAgo === 0 ? 29 : Math.round((base + wobble) * 10) / 10,
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
  const note = (daysAgo, text) => {
    const heldOn = dayOf(now - daysAgo * DAY);
    return { id: `rn-${daysAgo}`, treeId: t, week: isoWeek(heldOn), heldOn, text, updatedAt: at };
  };
  const reviewNotes = [
    note(7, 'Nights booked back on trend. Flexible dates: keep running another week before calling it.'),
    note(14, 'Conversion still above 23% since instant search. Host photo tips: no clear effect yet.'),
  ];
  return { items, shipments, observations, experiments, reviewNotes };
}
