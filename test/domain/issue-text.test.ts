import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { issueText } from '../../lib/domain/issue-text';

const firstIssue = (schema: v.GenericSchema, value: unknown) => {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) throw new Error('expected an issue');
  return parsed.issues[0];
};

describe('issueText', () => {
  it("keeps valibot's message when the value it quotes is short", () => {
    expect(issueText(firstIssue(v.number(), 'twelve'))).toBe('Invalid type: Expected number but received "twelve"');
  });

  it('says how long a long text was instead of quoting it back', () => {
    const text = issueText(firstIssue(v.array(v.string()), `<img src=x onerror=alert(1)>${'x'.repeat(10_000)}`));
    expect(text).toBe('Invalid type: Expected Array but received a text of 10028 characters');
  });

  it('leaves a message that quotes nothing alone', () => {
    expect(issueText(firstIssue(v.pipe(v.string(), v.url('must be a URL')), 'y'.repeat(100)))).toBe('must be a URL');
  });
});
