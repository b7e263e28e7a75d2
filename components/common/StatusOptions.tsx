import { ITEM_STATUSES } from '../../lib/domain/types';
import { STATUS_LABELS } from './labels';

/** The item statuses as <option>s, in workflow order, for any status <select>. */
export function StatusOptions() {
  return (
    <>
      {ITEM_STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
    </>
  );
}
