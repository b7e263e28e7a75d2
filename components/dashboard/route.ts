/** Which dashboard section is open, kept in the URL hash so reload and back keep the place. */
import { signal } from '@preact/signals';

export const SECTIONS = [
  { id: 'tree', label: 'Metric tree' },
  { id: 'backlog', label: 'Backlog' },
  { id: 'alignment', label: 'Alignment' },
  { id: 'validation', label: 'Validation' },
  { id: 'weekly-review', label: 'Weekly review' },
  { id: 'outcomes', label: 'Outcomes' },
  { id: 'data', label: 'Data' },
  { id: 'sites', label: 'Sites' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

function fromHash(): SectionId {
  const id = location.hash.replace(/^#\/?/, '');
  return SECTIONS.some((s) => s.id === id) ? (id as SectionId) : 'tree';
}

export const section = signal<SectionId>(fromHash());

export function startRouting(): void {
  window.addEventListener('hashchange', () => {
    section.value = fromHash();
  });
}

export function go(id: SectionId): void {
  location.hash = `#${id}`;
  section.value = id;
}
