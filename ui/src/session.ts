// Annotation-session state: project settings (clitic default), the clitic toggle, sticky label, the focused span.

import type { Settings } from './bindings';
import type { CliticMode, Cuts } from './clitics';

export const session = {
  settings: { guidelines: '', clitics: 'exclude', blind: false } as Settings,
  /** Set by the clitic key: applies to the next selection only, then goes back to the project default. */
  cliticOverride: null as CliticMode | null,
  /** The open article's clitic cuts from the core (word start → stem start, code points). */
  cuts: new Map() as Cuts,
  /** Sticky-label mode: every new selection gets this label at once (null = off). */
  sticky: null as string | null,
  /** The span the keyboard acts on (resize, delete, edit, all occurrences); null = none. */
  focusId: null as number | null,
  /** Listeners for any change above (the palette bar shows the state). */
  listeners: [] as (() => void)[],
};

/** The clitic mode the next selection will use. */
export function cliticMode(): CliticMode {
  return session.cliticOverride ?? (session.settings.clitics === 'include' ? 'include' : 'exclude');
}

export function changed(): void {
  for (const f of session.listeners) f();
}
