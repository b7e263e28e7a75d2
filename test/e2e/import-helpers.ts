/** Waiting for what an import shows, as a user reads it. */
import type { Locator } from 'playwright-core';
import { eventually } from './harness';

/** Waits until the element holds the text (a substring, or a pattern). */
export async function shows(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

/** A form control's value once it is the expected one (or the last seen, for the assertion). */
export function controlValue(locator: Locator, expected: string): Promise<string> {
  return eventually(
    () => locator.inputValue(),
    (value) => value === expected,
    10_000,
  );
}
