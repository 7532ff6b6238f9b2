import { CHINA_CODE, HK_MO_TW_CODES } from '../codes/tables/country';
import { defineRules, type RowCheck, type RowContext } from './rule';

/**
 * Nationality against the bachelor category: 来华留学 records are foreign nationals, 普通 and 成人 records are
 * Chinese citizens (mainland or 港澳台), and 政治面貌 applies to mainland residents only. The 来华留学 sheet's
 * empty 民族 and 政治面貌 are field.mustBeEmpty (the row schema).
 */
export const categoryRules = defineRules({
  'category.foreignIsChina': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '来华留学生的国籍不能是中国',
        why: '来华留学学位只授予外国国籍的留学生；国籍为中国的记录要么国籍填错，要么不应按来华留学上报。',
        fix: '按护照填写学生的国籍；若该生是中国公民，请把记录移到普通或成人学位的表中上报。',
        message: (p) => `${p.category}学位记录的${p.label}是“${p.value}”（中国），应填学生护照上的国籍`,
      },
      'en-US': {
        title: 'International student with Chinese nationality',
        why: 'International (来华留学) degrees go to foreign nationals only; a record with Chinese nationality either has the wrong country or belongs to another category.',
        fix: 'Enter the nationality from the student’s passport; if the student is a Chinese citizen, report the record in the regular or adult sheet.',
        message: (p) => `${p.label} of an ${p.category} degree record is “${p.value}” (China); enter the nationality on the student’s passport`,
      },
    },
  },
  'category.foreignCountry': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '普通或成人学位记录的国籍是外国',
        why: '普通和成人学士学位的获得者是中国公民（含港澳台居民）；外国国籍的学生通常按来华留学上报，国籍也可能填错了。',
        fix: '核对学生的国籍和证件；外国籍学生请移到来华留学的表中上报，中国公民请把国家或地区改为“中国”（港澳台居民填所在地区）。',
        message: (p) => `${p.category}学位记录的${p.label}是“${p.value}”（${p.country}），外国籍学生一般按来华留学上报，请核对`,
      },
      'en-US': {
        title: 'Foreign nationality on a regular or adult degree record',
        why: 'Regular and adult bachelor’s degrees go to Chinese citizens (including 港澳台 residents); foreign nationals are normally reported as international students, or the country is wrong.',
        fix: 'Check the student’s nationality and ID; report foreign nationals in the international sheet, and set Chinese citizens to 中国 (港澳台 residents: their region).',
        message: (p) =>
          `${p.label} of ${p.category === 'adult' ? 'an' : 'a'} ${p.category} degree record is “${p.value}” (${p.country}); foreign nationals are normally reported as international students, please check`,
      },
    },
  },
  'category.politicalNonMainland': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '港澳台居民不填政治面貌',
        why: '政治面貌只适用于内地（大陆）居民；港澳台居民的政治面貌应为空。',
        fix: '清空政治面貌（码和名称）；若该生实为内地居民，请改正国家或地区。',
        message: (p) => `国家或地区为“${p.region}”的记录不填${p.label}，应为空`,
      },
      'en-US': {
        title: 'Political status given for a 港澳台 resident',
        why: 'Political status applies to mainland residents only; it stays empty for residents of Hong Kong, Macao and Taiwan.',
        fix: 'Clear the political status (code and name); if the student is a mainland resident, correct the country or region.',
        message: (p) => `${p.label} must be empty for a record whose country or region is ${p.region}`,
      },
    },
  },
});

interface Country {
  code: string;
  name: string;
  /** The column that says so: the code when it is valid, else the name. */
  field: 'GBM' | 'GB';
}

/** The row's country, from 国家或地区码 when it is a valid code, else from the name (G3 has the name only). */
function countryOf(row: RowContext): Country | undefined {
  const lookup = row.sheet.codes.country;
  const code = row.sheet.has('GBM') ? row.get('GBM') : '';
  const byCode = code ? lookup.byCode(code) : undefined;
  if (byCode) return { code: byCode.code, name: byCode.name, field: 'GBM' };
  const name = row.sheet.has('GB') ? row.get('GB') : '';
  const byName = name ? lookup.byName(name)?.entry : undefined;
  return byName ? { code: byName.code, name: byName.name, field: 'GB' } : undefined;
}

const POLITICAL_FIELDS = ['ZZMMM', 'ZZMM'] as const;

export const checkCategory: RowCheck = (row) => {
  const { category } = row.sheet;
  const country = countryOf(row);
  const mainland = category !== '来华留学' && (!country || country.code === CHINA_CODE);
  if (mainland) {
    for (const field of POLITICAL_FIELDS) {
      if (row.sheet.presence(field) === 'conditional' && row.sheet.has(field) && !row.get(field)) row.report('field.required', field);
    }
  }
  if (!country) return;
  if (category === '来华留学') {
    if (country.code === CHINA_CODE) row.report('category.foreignIsChina', country.field, { category });
    return;
  }
  if (HK_MO_TW_CODES.has(country.code)) {
    for (const field of POLITICAL_FIELDS) {
      if (row.sheet.has(field) && row.get(field)) row.report('category.politicalNonMainland', field, { region: country.name });
    }
    return;
  }
  if (country.code !== CHINA_CODE) row.report('category.foreignCountry', country.field, { category, country: country.name });
};
