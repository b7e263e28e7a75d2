import { describe, expect, it } from 'vitest';
import { sharedView } from '../../../lib/domain/sharing/view';
import { edit, MINUTE, pull, T, team } from './helpers';

describe('the view of a shared state', () => {
  it('of some items holds exactly those items, as the whole view shows them, with every metric', () => {
    const { ana, ben } = team();
    // Ben deletes the metric i2 is tagged to: i2's view is repaired (unlinked, with the reason).
    const merged = pull(ana, edit(ben, T + MINUTE, { kind: 'delete-metric', id: 'in2' }), T + 2 * MINUTE);
    const whole = sharedView(merged.state);
    const some = sharedView(merged.state, new Set(['i2', 'gone']));
    expect(some.tree).toEqual(whole.tree);
    expect(some.metrics).toEqual(whole.metrics);
    expect(some.items).toEqual(whole.items.filter((item) => item.id === 'i2'));
    expect(some.items[0]?.inputMetricId).toBeNull();
    expect(some.repairs).toEqual(whole.repairs.filter((repair) => repair.id === 'i2'));
    expect(some.repairs).toHaveLength(1);
  });
});
