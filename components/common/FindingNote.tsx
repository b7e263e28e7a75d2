/** One framework check that failed: what is wrong and why it matters, beside what it concerns. */
import { LINT_TITLES, type Finding } from '../../lib/domain/lint';

const ICONS = { error: '!', warning: '!', info: 'i' } as const;
const SEVERITY_WORDS = { error: 'Problem', warning: 'Warning', info: 'Suggestion' } as const;

export function FindingNote({ finding }: { finding: Finding }) {
  return (
    <div class={`finding ${finding.severity}`} data-lint={finding.id}>
      <span class="finding-icon" aria-hidden="true">
        {ICONS[finding.severity]}
      </span>
      <span class="finding-title">
        <span class="visually-hidden">{SEVERITY_WORDS[finding.severity]}: </span>
        {LINT_TITLES[finding.id]}
      </span>
      <p class="finding-message">{finding.message}</p>
    </div>
  );
}
