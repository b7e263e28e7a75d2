/**
 * A schema issue as a short sentence. Valibot quotes the value it received, and that
 * value comes from outside (a message, an imported file): a 10,000-character string must
 * not travel back whole into an error reply that a view shows.
 */
import type * as v from 'valibot';

const MAX_QUOTED = 40;

export function issueText(issue: v.BaseIssue<unknown>): string {
  const received = issue.received;
  if (received.length <= MAX_QUOTED) return issue.message;
  const quoted = received.length >= 2 && received.startsWith('"') && received.endsWith('"');
  const short = quoted ? `a text of ${received.length - 2} characters` : `${received.slice(0, MAX_QUOTED)}…`;
  return issue.message.split(received).join(short);
}
