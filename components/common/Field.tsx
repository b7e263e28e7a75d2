/**
 * Labelled form controls: every control has a visible label, and its hint or error is
 * tied to it with aria-describedby, so a screen reader hears why a value was refused.
 */
import type { ComponentChildren, JSX } from 'preact';

interface Described {
  id: string;
  label: ComponentChildren;
  hint?: string;
  error?: string;
  class?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

function Wrapper({ id, label, hint, error, class: extra, children }: Described & { children: ComponentChildren }) {
  return (
    <div class={`field${extra ? ` ${extra}` : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = Described & {
  value: string;
  onInput(text: string): void;
  onCommit?(): void;
  placeholder?: string;
  multiline?: boolean;
  inputMode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
};

export function TextField({
  id,
  label,
  hint,
  error,
  class: extra,
  value,
  onInput,
  onCommit,
  placeholder,
  multiline,
  inputMode,
}: InputProps) {
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    onBlur: () => onCommit?.(),
  };
  return (
    <Wrapper id={id} label={label} hint={hint} error={error} class={extra}>
      {multiline ? (
        <textarea {...common} rows={2} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          inputMode={inputMode}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    </Wrapper>
  );
}

type SelectProps = Described & {
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
};

export function SelectField({ id, label, hint, error, class: extra, value, options, onChange }: SelectProps) {
  return (
    <Wrapper id={id} label={label} hint={hint} error={error} class={extra}>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}
