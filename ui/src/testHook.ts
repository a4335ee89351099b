// A tiny hook for end-to-end tests: select a code-point range exactly as a mouse drag would, in the visible view.

import { textView } from './article';
import { selectCp } from './geometry';
import { rv } from './reviewState';
import { state } from './state';

declare global {
  interface Window {
    hashiya?: { selectRange(startCp: number, endCp: number): void };
  }
}

export function installTestHook(): void {
  window.hashiya = {
    selectRange(startCp: number, endCp: number) {
      const view = state.mode === 'review' ? rv.text : textView();
      if (!view) throw new Error('no article is open');
      selectCp(view, startCp, endCp);
    },
  };
}
