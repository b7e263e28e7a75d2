/**
 * A table of things found in an imported file (labels, statuses), how many rows carry each,
 * and a choice per thing of what it becomes here. One row header, one count, one select.
 */
import type { ComponentChildren } from 'preact';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ChoiceRow {
  key: string;
  heading: ComponentChildren;
  rows: number;
  /** The select's accessible name: says which thing the choice is for. */
  choiceLabel: string;
  value: string;
  onChange: (value: string) => void;
}

export function ChoiceTable(props: {
  class: string;
  caption: string;
  headings: readonly [thing: string, count: string, choice: string];
  options: readonly ChoiceOption[];
  rows: readonly ChoiceRow[];
}) {
  const [thing, count, choice] = props.headings;
  return (
    <table class={`summary-table ${props.class}`}>
      <caption class="small">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{thing}</th>
          <th scope="col" class="num">
            {count}
          </th>
          <th scope="col">{choice}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.heading}</th>
            <td class="num">{row.rows}</td>
            <td>
              <select
                aria-label={row.choiceLabel}
                value={row.value}
                onChange={(e) => row.onChange(e.currentTarget.value)}
              >
                {props.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
