/**
 * Type to filter, arrows to move, Enter to pick: a small combobox over the tree's
 * metrics. `null` is offered as "Not linked" when `allowNone` is set.
 */
import { useComputed, useSignal } from '@preact/signals';
import type { Metric } from '../../lib/domain/types';

interface Props {
  id: string;
  label: string;
  metrics: Metric[];
  selectedId: string | null;
  allowNone?: boolean;
  describe?(metric: Metric): string;
  onPick(metricId: string | null): void;
}

interface Option {
  id: string | null;
  name: string;
  detail: string;
}

export function MetricPicker({ id, label, metrics, selectedId, allowNone, describe, onPick }: Props) {
  const query = useSignal('');
  const open = useSignal(false);
  const active = useSignal(0);
  const selected = metrics.find((m) => m.id === selectedId) ?? null;

  const options = useComputed<Option[]>(() => {
    const q = query.value.trim().toLowerCase();
    const matching = metrics
      .filter((m) => !q || m.name.toLowerCase().includes(q) || m.ownerTeam.toLowerCase().includes(q))
      .map((m) => ({ id: m.id, name: m.name, detail: describe?.(m) ?? m.ownerTeam }));
    return allowNone && !q
      ? [{ id: null, name: 'Not linked', detail: 'serves no input metric' }, ...matching]
      : matching;
  });

  const pick = (option: Option | undefined) => {
    if (!option) return;
    open.value = false;
    query.value = '';
    onPick(option.id);
  };

  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open.value}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open.value && options.value.length ? optionId(active.value) : undefined}
        autoComplete="off"
        placeholder={selected ? selected.name : 'Type to find an input metric'}
        value={query.value}
        onFocus={() => {
          open.value = true;
          active.value = 0;
        }}
        onBlur={() => {
          open.value = false;
        }}
        onInput={(e) => {
          query.value = e.currentTarget.value;
          open.value = true;
          active.value = 0;
        }}
        onKeyDown={(e) => {
          const count = options.value.length;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            open.value = true;
            active.value = count ? (active.value + 1) % count : 0;
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            active.value = count ? (active.value - 1 + count) % count : 0;
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(options.value[active.value]);
          } else if (e.key === 'Escape' && open.value) {
            e.stopPropagation();
            open.value = false;
          }
        }}
      />
      {open.value && (
        <ul id={listId} role="listbox" class="picker-list" aria-label={label}>
          {options.value.length === 0 && <li class="picker-empty">No metric matches “{query.value}”</li>}
          {options.value.map((option, index) => (
            <li
              key={option.id ?? 'none'}
              id={optionId(index)}
              role="option"
              aria-selected={option.id === selectedId}
              class={index === active.value ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option);
              }}
            >
              <span class="picker-name">{option.name}</span>
              <span class="picker-detail">{option.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
