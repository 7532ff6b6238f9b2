import { defineRules, type WorkbookCheck } from './rule';

export const uniqueRules = defineRules({});

export const checkUniqueness: WorkbookCheck = () => {};
