import { describe, expect, it } from 'vitest';
import { EMPTY_SETTINGS } from '../../lib/domain/types';
import { createTree, getSettings, updateSettings } from '../../lib/storage';
import { freshDb } from './fresh-db';

describe('settings', () => {
  it('are the empty settings before anything is saved', async () => {
    const db = await freshDb();
    expect(await getSettings(db)).toEqual(EMPTY_SETTINGS);
  });

  it('change only in the fields a patch gives, and persist', async () => {
    const db = await freshDb();
    await updateSettings(db, { disabledSites: ['trello'] });
    const saved = await updateSettings(db, { customDomains: [{ origin: 'https://jira.acme.com/*', site: 'jira' }] });
    expect(saved).toEqual({
      activeTreeId: null,
      disabledSites: ['trello'],
      customDomains: [{ origin: 'https://jira.acme.com/*', site: 'jira' }],
    });
    expect(await getSettings(db)).toEqual(saved);
  });

  it('treat a field given as undefined as not given', async () => {
    const db = await freshDb();
    await updateSettings(db, { disabledSites: ['trello'] });
    await updateSettings(db, { disabledSites: undefined });
    expect((await getSettings(db)).disabledSites).toEqual(['trello']);
  });

  it('accept an existing tree as the active tree, and no tree', async () => {
    const db = await freshDb();
    await createTree(db, { name: 'A' });
    const b = await createTree(db, { name: 'B' });
    expect((await updateSettings(db, { activeTreeId: b.id })).activeTreeId).toBe(b.id);
    expect((await updateSettings(db, { activeTreeId: null })).activeTreeId).toBeNull();
  });

  it('refuse an active tree that does not exist, saving nothing', async () => {
    const db = await freshDb();
    await expect(updateSettings(db, { activeTreeId: 'gone', disabledSites: ['jira'] })).rejects.toMatchObject({
      code: 'invalid',
      path: 'activeTreeId',
    });
    expect(await getSettings(db)).toEqual(EMPTY_SETTINGS);
  });

  it('refuse an unknown site', async () => {
    const db = await freshDb();
    await expect(updateSettings(db, { disabledSites: ['myspace' as 'jira'] })).rejects.toMatchObject({
      code: 'invalid',
      path: 'disabledSites[0]',
    });
  });

  it('hand out a copy: changing the returned object changes nothing stored', async () => {
    const db = await freshDb();
    (await getSettings(db)).disabledSites.push('jira');
    expect(await getSettings(db)).toEqual(EMPTY_SETTINGS);
    expect(EMPTY_SETTINGS.disabledSites).toEqual([]);
  });
});
