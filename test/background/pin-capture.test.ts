import { describe, expect, it } from 'vitest';
import { captureJobFor } from '../../lib/background/pin-capture';
import type { NumberPin } from '../../lib/domain/pinned-number';
import { updateMetric, updateSettings } from '../../lib/storage';
import { freshDb, seedTree } from '../storage/fresh-db';

const CHART = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';
const pin = (autoRecord: boolean): NumberPin => ({
  sourceUrl: CHART,
  label: 'Weekly active teams',
  labelAfter: false,
  shape: { prefix: '', percent: false },
  gap: 1,
  autoRecord,
});

async function pinnedWorkspace(autoRecord: boolean) {
  const db = await freshDb();
  const { tree, nsm } = await seedTree(db);
  await updateSettings(db, { activeTreeId: tree.id });
  await updateMetric(db, nsm.id, { sourceUrls: [CHART], pins: [pin(autoRecord)] });
  return { db, nsm };
}

describe('which chart pages get the auto-capture script', () => {
  it('a chart whose metric has its number pinned with "record it on every visit" on, also at a longer address', async () => {
    const { db, nsm } = await pinnedWorkspace(true);
    const job = { metricId: nsm.id, sourceUrl: CHART, pin: pin(true) };
    expect(await captureJobFor(db, CHART)).toEqual(job);
    expect(await captureJobFor(db, `${CHART}/edit/o9xupwel?utm_source=mail`)).toEqual(job);
  });

  it('no page where the pin only offers the number, or there is no pin, or the site is switched off', async () => {
    expect(await captureJobFor((await pinnedWorkspace(false)).db, CHART)).toBeNull();
    const { db } = await pinnedWorkspace(true);
    expect(await captureJobFor(db, 'https://app.amplitude.com/analytics/acme/chart/other')).toBeNull();
    expect(await captureJobFor(db, 'https://acme.atlassian.net/browse/ABC-1')).toBeNull();
    await updateSettings(db, { disabledSites: ['amplitude'] });
    expect(await captureJobFor(db, CHART)).toBeNull();
  });
});
