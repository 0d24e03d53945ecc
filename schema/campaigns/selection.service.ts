// The selection: the proposal (selection.ts) and its confirmation. (Being built.)
export {};
