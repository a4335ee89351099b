// A tiny hook for end-to-end tests: select a code-point range exactly as a mouse drag would.

import { textView } from './article';
import { selectCp } from './geometry';

declare global {
  interface Window {
    hashiya?: { selectRange(startCp: number, endCp: number): void };
  }
}

export function installTestHook(): void {
  window.hashiya = {
    selectRange(startCp: number, endCp: number) {
      const view = textView();
      if (!view) throw new Error('no article is open');
      selectCp(view, startCp, endCp);
    },
  };
}
