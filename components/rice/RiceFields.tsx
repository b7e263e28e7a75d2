/**
 * The four RICE inputs with Intercom's scales. Shared by the in-page panel and the
 * dashboard's backlog. It renders text it is given and reports what the user types;
 * where drafts live and when they are saved is the caller's business.
 */
import { CONFIDENCE_LEVELS, IMPACT_LEVELS } from '../../lib/domain/rice';
import { useDeferredOptions } from '../common/deferred-options';

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
  /** In a long list: the impact select lists its chosen option first, the scale soon after (deferred-options.ts). */
  deferOptions?: boolean;
}

function ImpactOptions() {
  return (
    <>
      <option value="">Not estimated</option>
      {IMPACT_LEVELS.map((level) => (
        <ImpactOption key={level.value} level={level} />
      ))}
    </>
  );
}

function ImpactOption({ level }: { level: (typeof IMPACT_LEVELS)[number] }) {
  return (
    <option value={String(level.value)}>
      {level.value} · {level.label}
    </option>
  );
}

/** The chosen impact alone, as the select lists it before the whole scale. */
function ChosenImpact({ text }: { text: string }) {
  const level = IMPACT_LEVELS.find((l) => String(l.value) === text);
  return level ? <ImpactOption level={level} /> : <option value="">Not estimated</option>;
}

export function RiceFields({ text, errors = {}, onInput, onCommit, idPrefix, reachUnit, deferOptions }: Props) {
  const impactOptions = useDeferredOptions(deferOptions);
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
          onFocus={impactOptions.list}
          onPointerDown={impactOptions.list}
          onKeyDown={impactOptions.list}
          onChange={(e) => {
            onInput('impact', e.currentTarget.value);
            onCommit?.('impact');
          }}
        >
          {impactOptions.listed ? <ImpactOptions /> : <ChosenImpact text={text.impact} />}
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
