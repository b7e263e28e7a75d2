/**
 * The number the user last selected on the host page, remembered because clicking into
 * the panel may collapse the page's selection before the click lands.
 */
import { signal } from '@preact/signals-core';
import { parseNumberText } from '../../domain/number-text';

export const pageSelection = signal<number | null>(null);

export function rememberSelection(selectedText: string): void {
  if (selectedText.trim() === '') return;
  pageSelection.value = selectedText.length > 40 ? null : parseNumberText(selectedText);
}
