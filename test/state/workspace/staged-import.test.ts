import { describe, expect, it } from 'vitest';
import { RequestError } from '../../../lib/messaging/client';
import { importKept, KeptPreview } from '../../../lib/state/workspace/staged-import';

const rows = [{ title: 'One' }];

describe('the preview the worker kept, as the dashboard uses it', () => {
  it('names the kept id only for exactly what was previewed', () => {
    const kept = new KeptPreview();
    kept.keep('kept-1', ['tree', rows, false]);
    expect(kept.idFor(['tree', rows, false])).toBe('kept-1');
    // A changed mapping makes new rows, equal or not; another tree or choice is another import.
    expect(kept.idFor(['tree', [{ title: 'One' }], false])).toBeNull();
    expect(kept.idFor(['other tree', rows, false])).toBeNull();
    expect(kept.idFor(['tree', rows, true])).toBeNull();
    kept.forget();
    expect(kept.idFor(['tree', rows, false])).toBeNull();
  });

  it('imports by the kept id when it still exists', async () => {
    const sent: string[] = [];
    const summary = await importKept(
      'kept-1',
      async (id) => (sent.push(`by id ${id}`), 'imported'),
      async () => (sent.push('with rows'), 'imported'),
    );
    expect([summary, sent]).toEqual(['imported', ['by id kept-1']]);
  });

  it('sends the rows again when the worker has forgotten the preview, so the person sees one import', async () => {
    const sent: string[] = [];
    const summary = await importKept(
      'kept-1',
      async () => {
        sent.push('by id');
        throw new RequestError({ code: 'not-found', message: 'The preview has expired', path: 'staged' });
      },
      async () => (sent.push('with rows'), 'imported'),
    );
    expect([summary, sent]).toEqual(['imported', ['by id', 'with rows']]);
  });

  it('sends the rows when there is no kept id, and passes any other refusal on', async () => {
    expect(
      await importKept(
        null,
        async () => 'by id',
        async () => 'with rows',
      ),
    ).toBe('with rows');
    const refusal = new RequestError({ code: 'invalid', message: 'rows[0].inputMetricId: no metric', path: 'x' });
    await expect(
      importKept(
        'kept-1',
        async () => Promise.reject(refusal),
        async () => 'with rows',
      ),
    ).rejects.toBe(refusal);
  });
});
