// The core's clitic model as the UI uses it: where each word of the open article starts its stem.
// The model itself lives in the core (src/clitics.rs); this only holds its answer (clitic_cuts).

export type CliticMode = 'exclude' | 'include';

/** Word start → stem start, in code points: where a selection of the word starts with 'exclude'. */
export type Cuts = Map<number, number>;

/** The cuts of the core's `clitic_cuts` answer. */
export function cutsFrom(list: [number, number][]): Cuts {
  return new Map(list.map(([word, stem]) => [word, stem]));
}
