/**
 * The four RICE inputs with Intercom's scales. Shared by the in-page panel and the
 * dashboard's backlog. It renders text it is given and reports what the user types;
 * where drafts live and when they are saved is the caller's business.
 */
import { CONFIDENCE_LEVELS, IMPACT_LEVELS } from '../../lib/domain/rice';
import { listedOptions } from '../common/listed-options';

export type RiceFieldName = 'reach' | 'impact' | 'confidence' | 'effort';

interface Props {
  /** Text per field: reach and effort as typed, impact as its value, confidence in percent. */
  text: Record<RiceFieldName, string>;
  errors?: Partial<Record<RiceFieldName, string>>;
  onInput(field: RiceFieldName, text: string): void;
  /** Called when a field loses focus: a good moment to save at once. */
  onCommit?(field: RiceFieldName): void;
  idPrefix: string;
  reachUnit?: string;
  /** False in a row of a long list not yet reached: the impact select lists only its chosen option. */
  allOptions?: boolean;
}

const IMPACT_OPTIONS = [
  { value: '', label: 'Not estimated' },
  ...IMPACT_LEVELS.map((level) => ({ value: String(level.value), label: `${level.value} · ${level.label}` })),
];

export function RiceFields({ text, errors = {}, onInput, onCommit, idPrefix, reachUnit, allOptions = true }: Props) {
  const id = (field: RiceFieldName) => `${idPrefix}-${field}`;
  const described = (field: RiceFieldName) => (errors[field] ? `${id(field)}-error` : `${id(field)}-hint`);
  const field = (name: RiceFieldName, label: string, hint: string, control: preact.JSX.Element) => (
    <div class={`rice-field${errors[name] ? ' has-error' : ''}`}>
      <label for={id(name)}>{label}</label>
      {control}
      {errors[name] ? (
        <p class="field-error" id={`${id(name)}-error`} role="alert">
          {errors[name]}
        </p>
      ) : (
        <p class="field-hint" id={`${id(name)}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );

  const numberInput = (name: RiceFieldName) => (
    <input
      id={id(name)}
      inputMode="decimal"
      autoComplete="off"
      value={text[name]}
      aria-invalid={Boolean(errors[name])}
      aria-describedby={described(name)}
      onInput={(e) => onInput(name, e.currentTarget.value)}
      onBlur={() => onCommit?.(name)}
    />
  );

  return (
    <div class="rice-fields">
      {field(
        'reach',
        'Reach',
        reachUnit ? `${reachUnit} per period` : 'people or events per period',
        numberInput('reach'),
      )}
      {field(
        'impact',
        'Impact on the metric',
        'Intercom scale',
        <select
          id={id('impact')}
          value={text.impact}
          aria-invalid={Boolean(errors.impact)}
          aria-describedby={described('impact')}
          onChange={(e) => {
            onInput('impact', e.currentTarget.value);
            onCommit?.('impact');
          }}
        >
          {listedOptions(IMPACT_OPTIONS, allOptions, (o) => o.value === text.impact).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>,
      )}
      {field(
        'confidence',
        'Confidence %',
        CONFIDENCE_LEVELS.map((l) => `${l.value * 100} ${l.label.toLowerCase()}`).join(' · '),
        numberInput('confidence'),
      )}
      {field('effort', 'Effort', 'person-months', numberInput('effort'))}
    </div>
  );
}
