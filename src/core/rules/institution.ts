import { defineRules, type RowCheck } from './rule';

// Filled by its owner: see the rule catalogue plan in docs.
export const institutionRules = defineRules({});

export const checkInstitution: RowCheck = () => {};
