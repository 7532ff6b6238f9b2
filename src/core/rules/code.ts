import type { CodeEntry, CodeLookup } from '../codes/codeTable';
import { FIELDS } from '../template/fields';
import { defineRules, type RowCheck, type RowContext } from './rule';

/** Code-table membership and the agreement of code/name column pairs (XBM ↔ XB). */
export const codeRules = defineRules({
  'code.unknown': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '不在代码表中',
        why: '上报系统只接受国家标准代码表中的值，表外的值会被拒收。',
        fix: '从代码表中选择正确的值；若有建议值，可直接采用。',
        message: (p) => `${p.label}“${p.value}”不在《${p.table}》代码表中${p.suggestion ? `，是否应为“${p.suggestion}”` : ''}`,
      },
      'en-US': {
        title: 'Not in the code table',
        why: 'The reporting system accepts only values of the national code tables and rejects others.',
        fix: 'Pick the right value from the code table; adopt the suggestion if one is given.',
        message: (p) =>
          `${p.label} “${p.value}” is not in the ${p.tableEn} code table${p.suggestion ? `; did you mean “${p.suggestion}”?` : ''}`,
      },
    },
  },
  'code.unconfirmed': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '不在本工具已知的代码表中',
        why: '该代码表的国家版本未公开，本工具的表可能不全；表外的值需要人工确认。',
        fix: '向省学位办确认该值；确认无误后可在学校配置中补充代码表。',
        message: (p) => `${p.label}“${p.value}”不在已知的《${p.table}》代码中，请确认`,
      },
      'en-US': {
        title: 'Not in the known code table',
        why: 'The national version of this code table is unpublished and ours may be incomplete; values outside it need a human check.',
        fix: 'Confirm the value with the provincial degree office, then add it to the school profile’s code table.',
        message: (p) => `${p.label} “${p.value}” is not among the known ${p.tableEn} codes; please confirm`,
      },
    },
  },
  'code.alias': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '简称或旧称',
        why: '简称、旧称（如“中共党员”“毛难族”“居民身份证”）不是代码表中的标准名称，上报系统可能不认。',
        fix: '改为代码表中的标准名称（建议值）。',
        message: (p) => `${p.label}“${p.value}”是简称或旧称，标准名称为“${p.suggestion}”`,
      },
      'en-US': {
        title: 'Short or legacy name',
        why: 'Short and legacy names (中共党员, 毛难族, 居民身份证) are not the standard names of the code table and may be refused.',
        fix: 'Use the standard name (the suggestion).',
        message: (p) => `${p.label} “${p.value}” is a short or legacy name; the standard name is “${p.suggestion}”`,
      },
    },
  },
  'code.nameMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '代码与名称不一致',
        why: '代码列与名称列说的不是同一个值，上报后以代码为准，名称列的错误会误导核对。',
        fix: '核对原始材料，改正代码或名称，使二者一致。',
        message: (p) => `${p.otherLabel}“${p.code}”对应“${p.suggestion}”，但${p.label}填的是“${p.value}”`,
      },
      'en-US': {
        title: 'Code and name disagree',
        why: 'The code column and the name column describe different values; the code is what gets reported, so the name misleads the review.',
        fix: 'Check the source documents and correct the code or the name so that they agree.',
        message: (p) => `${p.otherLabel} “${p.code}” means “${p.suggestion}”, but ${p.label} says “${p.value}”`,
      },
    },
  },
});

function reportUnknown(row: RowContext, field: string, lookup: CodeLookup, suggestion: string | undefined): void {
  const table = lookup.table;
  const params = { table: table.title['zh-CN'], tableEn: table.title['en-US'], suggestion };
  row.report(table.complete ? 'code.unknown' : 'code.unconfirmed', field, params, suggestion);
}

/** Checks a code-valued cell; returns the entry it names. */
function checkCode(row: RowContext, field: string, lookup: CodeLookup): CodeEntry | undefined {
  const value = row.get(field);
  if (!value) return undefined;
  const entry = lookup.byCode(value);
  if (entry) return entry;
  const length = lookup.table.codeLength;
  const padded = length && /^\d+$/.test(value) && value.length < length ? lookup.byCode(value.padStart(length, '0')) : undefined;
  const named = lookup.byName(value)?.entry;
  reportUnknown(row, field, lookup, (padded ?? named)?.code);
  return undefined;
}

/** Checks a name-valued cell; in a name-valued sheet (G3) an equivalent spelling is an alias too. */
function checkName(row: RowContext, field: string, lookup: CodeLookup, nameValued: boolean): CodeEntry | undefined {
  const value = row.get(field);
  if (!value) return undefined;
  const found = lookup.byName(value);
  if (!found) {
    reportUnknown(row, field, lookup, lookup.byCode(value)?.name);
    return undefined;
  }
  if (found.match === 'alias' || (found.match === 'equivalent' && nameValued)) {
    row.report('code.alias', field, { suggestion: found.entry.name }, found.entry.name);
  }
  return found.entry;
}

const CODE_FIELDS = Object.values(FIELDS).filter((definition) => definition.kind === 'code' && definition.codeTable);
const NAME_FIELDS = Object.values(FIELDS).filter((definition) => definition.kind === 'codeName' && definition.codeTable);

export const checkCodes: RowCheck = (row) => {
  const { sheet } = row;
  for (const definition of CODE_FIELDS) {
    if (sheet.has(definition.code)) checkCode(row, definition.code, sheet.codes[definition.codeTable!]);
  }
  for (const definition of NAME_FIELDS) {
    if (!sheet.has(definition.code)) continue;
    const lookup = sheet.codes[definition.codeTable!];
    const codeField = definition.companion;
    const nameValued = !codeField || !sheet.has(codeField);
    const entry = checkName(row, definition.code, lookup, nameValued);
    // The code column's entry, when its value is a known code (checkCode reports it otherwise).
    const coded = codeField && !nameValued ? lookup.byCode(row.get(codeField)) : undefined;
    if (entry && coded && entry.code !== coded.code) {
      // An unconfirmed table (学习形式) cannot prove the pair wrong, so the disagreement is only a warning there.
      const severity = lookup.table.complete ? undefined : 'warning';
      row.report('code.nameMismatch', definition.code, { code: coded.code, otherField: codeField, suggestion: coded.name }, coded.name, severity);
    }
  }
};
