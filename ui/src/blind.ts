// Blind annotation: the analyst's own choice (remembered per analyst on this computer) to see only their own
// spans and tags until they mark an article done. The project setting does the same for everyone; the core
// leaves the others' work out of the article it sends, so nothing here only hides it.

import { session } from './session';
import { state } from './state';

const key = () => `hashiya.blind.${state.analyst}`;

/** Whether this analyst chose to annotate blind. */
export function blindChosen(): boolean {
  try {
    return localStorage.getItem(key()) === 'on';
  } catch {
    return false;
  }
}

export function chooseBlind(on: boolean): void {
  try {
    localStorage.setItem(key(), on ? 'on' : 'off');
  } catch {
    // No storage: the choice does not outlive the page.
  }
}

/** Blind for this analyst: the project says so, or they chose it. */
export const blindOn = (): boolean => session.settings.blind || blindChosen();
