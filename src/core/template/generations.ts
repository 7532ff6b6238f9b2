import type { Category, Generation } from '../model/types';
import { FIELDS, type FieldDefinition } from './fields';

/**
 * required: must be filled; optional: may be empty; empty: must stay empty (来华留学 民族);
 * conditional: a rule decides (thesis details); absent: the column is not part of this category's template.
 */
export type Presence = 'required' | 'optional' | 'empty' | 'conditional' | 'absent';

export interface TemplateColumn {
  code: string;
  definition: FieldDefinition;
  presence: Readonly<Record<Category, Presence>>;
}

export interface TemplateGeneration {
  id: Generation;
  title: { 'zh-CN': string; 'en-US': string };
  /** Award dates (YYYYMMDD) the generation is meant for; a row outside them gets a warning. */
  awardedFrom?: string;
  awardedUntil?: string;
  /** Template order, which the upload file keeps. */
  columns: readonly TemplateColumn[];
}

type PresenceOverrides = Partial<Record<Category, Presence>>;

function column(code: string, base: Presence = 'required', overrides: PresenceOverrides = {}): TemplateColumn {
  const definition = FIELDS[code];
  if (!definition) throw new Error(`Unknown field ${code} in a template table`);
  return { code, definition, presence: { 普通: base, 成人: base, 来华留学: base, ...overrides } };
}

const CHINESE_ONLY: PresenceOverrides = { 来华留学: 'empty' };
/**
 * 政治面貌 is for mainland Chinese only: required for them, empty for 港澳台 residents (category.ts decides per row,
 * since the country is a per-row value) and for 来华留学.
 */
const MAINLAND_ONLY: PresenceOverrides = { 来华留学: 'empty' };

/** G1 — the 2012/2014/2018 handbook, as schools exported it (34-column dBASE layout with name companions). */
const G1: TemplateGeneration = {
  id: 'G1',
  title: { 'zh-CN': '手册版（代码值，2012–2018）', 'en-US': 'Handbook edition (code-valued, 2012–2018)' },
  columns: [
    column('XM'), column('XMPY'), column('XBM'), column('XB', 'optional'),
    column('MZM', 'required', CHINESE_ONLY), column('MZ', 'optional', CHINESE_ONLY),
    column('ZZMMM', 'conditional', MAINLAND_ONLY), column('ZZMM', 'optional', CHINESE_ONLY),
    column('CSRQ'), column('ZJLXM'), column('ZJLX', 'optional'), column('ZJHM'),
    column('XWSYDWM'), column('XWSYDW', 'optional'), column('XZXM'), column('ZXXM'),
    column('PYDWM'), column('PYDW', 'optional'), column('XWLBM'), column('XWLB', 'optional'),
    column('ZYDM'), column('ZYMC', 'optional'), column('ZSZYMC', 'optional'), column('KSH'), column('RXNY'), column('XH'),
    column('XZ'), column('BYNY'), column('HXWRQ'), column('SFDEXW', 'optional'), column('SFFXXW', 'optional'),
    column('XWZSBH'), column('ZP', 'optional'), column('BZ', 'optional'),
  ],
};

/** G2 — the template in use until mid-2024 (OpenURP export, 2023): 40 columns, 41 for 成人 with WYKSNY. */
const G2: TemplateGeneration = {
  id: 'G2',
  title: { 'zh-CN': '2024年6月前模板（代码值＋名称）', 'en-US': 'Template until May 2024 (codes + names)' },
  awardedUntil: '20240531',
  columns: [
    column('XM'), column('XMPY'), column('XBM'), column('XB'), column('GBM'),
    column('MZM', 'required', CHINESE_ONLY), column('MZ', 'required', CHINESE_ONLY),
    column('ZZMMM', 'conditional', MAINLAND_ONLY), column('ZZMM', 'conditional', MAINLAND_ONLY),
    column('CSRQ'), column('ZJLXM'), column('ZJLX'), column('ZJHM'),
    column('XWSYDWM'), column('XWSYDW'), column('XZXM'), column('ZXXM'), column('PYDWM'), column('PYDW'),
    column('XWLBM'), column('XWLB'), column('ZYDM'), column('ZYMC'), column('ZSZYMC'), column('KSH'),
    column('RXNY'), column('XH'), column('XZ'), column('XXXSM'), column('XXXS'),
    column('WYKSNY', 'absent', { 成人: 'required' }),
    column('BYNY'), column('HXWRQ'), column('XWZSBH'), column('JYBH'), column('ZP'), column('BZ', 'optional'),
    column('QQHM', 'optional'), column('WXZH', 'optional'), column('DZYX', 'optional'), column('YXDM', 'optional'),
  ],
};

/**
 * G3 — degrees awarded from 2024-06-01: 性别, 民族, 证件类型 and 国家 as names, other codes stay codes, plus the
 * thesis fields. Union of the two known exporters (OpenURP without XH, BISTU without MZ): 28 columns.
 */
const G3: TemplateGeneration = {
  id: 'G3',
  title: { 'zh-CN': '2024年6月起模板（名称值＋论文信息）', 'en-US': 'Template from June 2024 (names + thesis)' },
  awardedFrom: '20240601',
  columns: [
    column('XM'), column('XB'), column('CSRQ'), column('MZ', 'optional', CHINESE_ONLY), column('ZJLX'), column('ZJHM'),
    column('GB'), column('KSH'), column('XH', 'optional'), column('PYDWM'), column('PYDW'), column('ZYDM'), column('ZYMC'),
    column('XWSYDWM'), column('XWSYDW'), column('XZXM'), column('ZXXM'), column('XWLBM'), column('XWLB'),
    column('HXWRQ'), column('XWZSBH'),
    column('DSXM', 'conditional'), column('LWLX'), column('LWTM', 'conditional'), column('LWGJC', 'conditional'),
    column('LWXTLY', 'optional'), column('LWYJFX', 'conditional'), column('LWZXYZ', 'conditional'),
  ],
};

export const TEMPLATES: Readonly<Record<Generation, TemplateGeneration>> = { G1, G2, G3 };

/** The columns of a generation that exist for a category, in template order. */
export function templateColumns(generation: Generation, category: Category): TemplateColumn[] {
  return TEMPLATES[generation].columns.filter((c) => c.presence[category] !== 'absent');
}
