import type { Category, Generation } from '../model/types';

const THESIS_FIELDS = ['DSXM', 'LWLX', 'LWTM', 'LWGJC', 'LWYJFX', 'LWZXYZ', 'LWXTLY'];
const G2_MARKERS = ['XXXSM', 'XXXS', 'JYBH', 'GBM', 'QQHM', 'WXZH', 'DZYX', 'YXDM', 'WYKSNY'];
const CODE_COLUMNS_G3_DROPPED = ['XBM', 'MZM', 'ZJLXM', 'GBM'];

/**
 * The template generation a header set belongs to: thesis fields or names without their code columns mean G3,
 * the G2 additions (学习形式, 决议编号, contact columns) mean G2, anything else is the handbook layout G1.
 */
export function detectGeneration(codes: ReadonlySet<string>): Generation {
  const hasThesis = THESIS_FIELDS.some((code) => codes.has(code));
  const nameValued = codes.has('XB') && !CODE_COLUMNS_G3_DROPPED.some((code) => codes.has(code));
  if (hasThesis || nameValued) return 'G3';
  if (G2_MARKERS.some((code) => codes.has(code))) return 'G2';
  return 'G1';
}

export interface CategoryEvidence {
  /** 通过英语水平考试年月 is a column of the adult template only. */
  hasAdultExamColumn: boolean;
  adultExamFilled: number;
  rows: number;
  /** Rows whose country is neither China nor 港澳台, and rows with a passport as ID. */
  foreignRows: number;
}

/** 来华留学 when most rows are foreign nationals, 成人 when the adult exam column is used, otherwise 普通. */
export function detectCategory(evidence: CategoryEvidence): Category {
  if (evidence.rows > 0 && evidence.foreignRows * 2 > evidence.rows) return '来华留学';
  if (evidence.hasAdultExamColumn && (evidence.rows === 0 || evidence.adultExamFilled > 0)) return '成人';
  return '普通';
}

/** Accepts the CLI's and the pane's spellings of a category. */
export function parseCategory(text: string): Category | undefined {
  const folded = text.trim().toLowerCase();
  const table: Record<string, Category> = {
    普通: '普通', 普通本科: '普通', general: '普通', regular: '普通',
    成人: '成人', 成人本科: '成人', 自考: '成人', adult: '成人',
    来华留学: '来华留学', 留学生: '来华留学', international: '来华留学', foreign: '来华留学',
  };
  return table[folded] ?? table[text.trim()];
}

export function parseGeneration(text: string): Generation | undefined {
  const folded = text.trim().toUpperCase();
  return folded === 'G1' || folded === 'G2' || folded === 'G3' ? folded : undefined;
}
