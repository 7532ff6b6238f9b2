import { defineRules, type RowCheck } from './rule';

// Filled by its owner: see the rule catalogue plan in docs.
export const categoryRules = defineRules({});

export const checkCategory: RowCheck = () => {};
