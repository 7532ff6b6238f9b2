import { defineRules, type RowCheck } from './rule';

// Filled by its owner: see the rule catalogue plan in docs.
export const majorRules = defineRules({});

export const checkMajor: RowCheck = () => {};
