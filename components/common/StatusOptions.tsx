import { ITEM_STATUSES, type ItemStatus } from '../../lib/domain/types';
import { listedOptions } from './listed-options';
import { STATUS_LABELS } from './labels';

/**
 * The item statuses as <option>s, in workflow order, for any status <select>; `only` lists
 * just that one, for a row of a long list not yet reached (see listed-options.ts).
 */
export function StatusOptions({ only }: { only?: ItemStatus } = {}) {
  const statuses = only === undefined ? ITEM_STATUSES : listedOptions(ITEM_STATUSES, false, (s) => s === only);
  return (
    <>
      {statuses.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
    </>
  );
}
