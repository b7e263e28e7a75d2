/**
 * A tracker's status text in the extension's five statuses. Trackers let teams name their
 * workflow states freely, so this knows the common names and leaves anything else to the
 * caller (null), which keeps the original text for the person to map.
 */
import type { ItemStatus } from '../types';

const NAMES: [ItemStatus, string[]][] = [
  [
    'shipped',
    ['done', 'closed', 'resolved', 'complete', 'completed', 'shipped', 'released', 'merged', 'fixed', 'live'],
  ],
  [
    'dropped',
    [
      'canceled',
      'cancelled',
      "won't do",
      'wont do',
      "won't fix",
      'wontfix',
      'rejected',
      'declined',
      'duplicate',
      'not planned',
      'obsolete',
      'abandoned',
    ],
  ],
  [
    'in-progress',
    [
      'in progress',
      'doing',
      'started',
      'in review',
      'review',
      'code review',
      'in development',
      'in dev',
      'testing',
      'in testing',
      'qa',
      'in qa',
      'blocked',
      'active',
      'wip',
    ],
  ],
  [
    'planned',
    [
      'to do',
      'todo',
      'planned',
      'ready',
      'ready for development',
      'selected for development',
      'next',
      'up next',
      'scheduled',
      'committed',
      'unstarted',
    ],
  ],
  ['idea', ['backlog', 'idea', 'ideas', 'triage', 'open', 'new', 'icebox', 'parking lot', 'someday', 'proposed']],
];

const BY_NAME = new Map(NAMES.flatMap(([status, names]) => names.map((name) => [name, status] as const)));

export function itemStatusFrom(text: string | null | undefined): ItemStatus | null {
  if (!text) return null;
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s_-]+/g, ' ');
  return BY_NAME.get(key) ?? null;
}
