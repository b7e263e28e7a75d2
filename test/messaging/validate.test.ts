import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../lib/messaging/validate';

const OURS = { id: 'our-extension' };
const check = (raw: unknown, sender: { id?: string } = OURS) => checkMessage(raw, sender, 'our-extension');

function refusal(raw: unknown, sender: { id?: string } = OURS) {
  const result = check(raw, sender);
  if (result.ok) throw new Error('expected a refusal');
  if (result.reply.ok) throw new Error('a refusal must be an error reply');
  return result.reply.error;
}

describe('the background message gate', () => {
  it('accepts a well-formed request from the extension itself', () => {
    const result = check({ type: 'item.update', id: 'i1', patch: { rice: { effort: 2 }, notes: 'ok' } });
    expect(result.ok).toBe(true);
  });

  it('refuses any sender that is not this extension, whatever the message', () => {
    expect(refusal({ type: 'snapshot.get' }, { id: 'another-extension' }).code).toBe('forbidden');
    expect(refusal({ type: 'snapshot.get' }, {}).code).toBe('forbidden');
  });

  it.each([
    ['not an object', 'hello', ''],
    ['no type', { id: 'x' }, 'type'],
    ['an unknown type', { type: 'workspace.drop' }, 'type'],
    ['a missing field', { type: 'item.update', patch: {} }, 'id'],
    ['a mistyped field', { type: 'item.update', id: 'i1', patch: { rice: { effort: 'two' } } }, 'patch.rice.effort'],
    ['an extra field', { type: 'item.delete', id: 'i1', cascade: true }, 'cascade'],
    ['an extra nested field', { type: 'item.update', id: 'i1', patch: { owner: 'me' } }, 'patch.owner'],
    ['a value out of range', { type: 'item.update', id: 'i1', patch: { status: 'done-ish' } }, 'patch.status'],
    ['a non-finite number', { type: 'observation.add', metricId: 'm', at: '2026-01-05', value: Infinity }, 'value'],
    ['an impossible date', { type: 'observation.add', metricId: 'm', at: '2026-13-45', value: 3 }, 'at'],
    ['an empty id', { type: 'item.delete', id: '' }, 'id'],
    [
      'a javascript: link',
      {
        type: 'item.create',
        treeId: 't',
        title: 'x',
        links: [{ site: 'jira', key: 'A-1', url: 'javascript:alert(1)' }],
      },
      'links[0].url',
    ],
    [
      'a prototype-pollution key',
      JSON.parse('{"type":"item.update","id":"i1","patch":{"__proto__":{"admin":true}}}'),
      'patch.__proto__',
    ],
  ])('refuses %s, naming where', (_, raw, path) => {
    const error = refusal(raw);
    expect(error.code).toBe('invalid');
    expect(error.path ?? '').toBe(path);
    expect(error.message.length).toBeGreaterThan(5);
  });
});

describe('dates', () => {
  it.each(['2024-02-30', '2026-04-31', '2025-02-29'])('refuses %s, a day that does not exist', (at) => {
    const error = refusal({ type: 'observation.add', metricId: 'm', at, value: 3 });
    expect(error.path).toBe('at');
    expect(error.message).toMatch(/exists/);
  });
  it('accepts a leap day', () => {
    expect(check({ type: 'observation.add', metricId: 'm', at: '2024-02-29', value: 3 }).ok).toBe(true);
  });
});
