/** Which dashboard section is open, kept in the URL hash so reload and back keep the place. */
import { batch, signal } from '@preact/signals';
import { shownMetricId } from '../../lib/state/workspace/metric-page';

export const SECTIONS = [
  { id: 'tree', label: 'Metric tree' },
  { id: 'discovery', label: 'Discovery' },
  { id: 'okrs', label: 'OKRs' },
  { id: 'backlog', label: 'Backlog' },
  { id: 'alignment', label: 'Alignment' },
  { id: 'validation', label: 'Validation' },
  { id: 'weekly-review', label: 'Weekly review' },
  { id: 'outcomes', label: 'Outcomes' },
  { id: 'data', label: 'Data' },
  { id: 'sites', label: 'Sites' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

/** A metric's page lives under the tree: `#metric/<id>`. */
const METRIC_PAGE = /^metric\/(.+)$/;

function fromHash(): SectionId {
  const id = location.hash.replace(/^#\/?/, '');
  return SECTIONS.some((s) => s.id === id) ? (id as SectionId) : 'tree';
}

function metricOfHash(): string | null {
  const match = METRIC_PAGE.exec(location.hash.replace(/^#\/?/, ''));
  return match ? decodeURIComponent(match[1]!) : null;
}

export const section = signal<SectionId>(fromHash());
shownMetricId.value = metricOfHash();

export function startRouting(): void {
  window.addEventListener('hashchange', () => {
    batch(() => {
      section.value = fromHash();
      shownMetricId.value = metricOfHash();
    });
  });
}

/** The address of a metric's page, for links on the tree. */
export function metricHref(id: string): string {
  return `#metric/${encodeURIComponent(id)}`;
}

export function go(id: SectionId): void {
  location.hash = `#${id}`;
  batch(() => {
    section.value = id;
    shownMetricId.value = null;
  });
}
