import { defineRules, type RowCheck, type RowContext } from './rule';

/**
 * The awarding institution against the school profile (code, name, the names printed on the certificate), the
 * training institution's name against its code, and the photo file name against the ID number.
 */
export const institutionRules = defineRules({
  'unit.codeMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '学位授予单位码不是本单位',
        why: '学位授予信息由学位授予单位报送，学位授予单位码必须是本单位的代码；其他单位的代码说明记录混入或代码录错。',
        fix: '改为本单位的学位授予单位码；若记录属于其他单位，请删除该行；若学校配置有误，请修改学校配置。',
        message: (p) => `${p.label} ${p.value} 不是本单位的代码 ${p.unitCode}（${p.unitName}）`,
      },
      'en-US': {
        title: 'Awarding institution is not this institution',
        why: 'Degree records are reported by the awarding institution, so the code must be this institution’s; another code means a foreign record or a typo.',
        fix: 'Use this institution’s code; delete the row if it belongs to another institution, or correct the school profile if it is wrong.',
        message: (p) => `${p.label} ${p.value} is not this institution’s code ${p.unitCode} (${p.unitName})`,
      },
    },
  },
  'unit.nameMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '学位授予单位名称不符',
        why: '学位授予单位名称必须是本单位的规范全称，与单位码一致；简称、旧称或错字会在上报核对时被退回。',
        fix: '改为学校配置中的单位规范全称（建议值）。',
        message: (p) => `${p.label}“${p.value}”与单位码 ${p.unitCode} 的名称“${p.suggestion}”不一致`,
      },
      'en-US': {
        title: 'Awarding institution name differs',
        why: 'The name must be the institution’s full official name that goes with its code; short, old or misspelt names are sent back.',
        fix: 'Use the official name from the school profile (the suggestion).',
        message: (p) => `${p.label} “${p.value}” is not the name of institution ${p.unitCode}, “${p.suggestion}”`,
      },
    },
  },
  'unit.presidentMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '校长姓名与学校配置不符',
        why: '学位授予单位校长姓名必须与学位证书上签署的姓名一致。',
        fix: '改为学校配置中的校长姓名；若证书签署人已变更，请更新学校配置。',
        message: (p) => `${p.label}“${p.value}”与学校配置的“${p.suggestion}”不一致`,
      },
      'en-US': {
        title: "President's name differs from the profile",
        why: "The president's name must be the one signed on the degree certificate.",
        fix: "Use the president's name from the school profile; update the profile if the signatory changed.",
        message: (p) => `${p.label} “${p.value}” differs from “${p.suggestion}” in the school profile`,
      },
    },
  },
  'unit.chairMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '学位评定委员会主席姓名与学校配置不符',
        why: '学位评定委员会主席姓名必须与学位证书上签署的姓名一致。',
        fix: '改为学校配置中的主席姓名；若证书签署人已变更，请更新学校配置。',
        message: (p) => `${p.label}“${p.value}”与学校配置的“${p.suggestion}”不一致`,
      },
      'en-US': {
        title: 'Committee chair differs from the profile',
        why: "The degree committee chair's name must be the one signed on the degree certificate.",
        fix: "Use the chair's name from the school profile; update the profile if the signatory changed.",
        message: (p) => `${p.label} “${p.value}” differs from “${p.suggestion}” in the school profile`,
      },
    },
  },
  'unit.trainingNameMismatch': {
    severity: 'warning',
    text: {
      'zh-CN': {
        title: '培养单位名称与单位码不符',
        why: '培养单位码与学位授予单位码相同时，两者是同一单位，培养单位名称应与学位授予单位名称相同。',
        fix: '把培养单位名称改为该单位码对应的规范全称（建议值）；若确为其他培养单位，请改正培养单位码。',
        message: (p) => `${p.label}“${p.value}”与培养单位码 ${p.code} 对应的名称“${p.suggestion}”不一致`,
      },
      'en-US': {
        title: 'Training institution name does not fit its code',
        why: 'When the training and awarding institution codes are equal, it is one institution and the two names must be equal too.',
        fix: 'Use the official name of that code (the suggestion); if another institution trained the student, correct the training code.',
        message: (p) => `${p.label} “${p.value}” is not the name of institution ${p.code}, “${p.suggestion}”`,
      },
    },
  },
  'photo.nameMismatch': {
    severity: 'error',
    text: {
      'zh-CN': {
        title: '照片文件名与证件号码不符',
        why: '学位照片按身份证件号码命名（可带 .jpg 扩展名），上报系统据此把照片与记录对应；名称不符的照片无法关联，记录不完整。',
        fix: '把照片文件名称改为本人的身份证件号码（建议值），照片文件也按此命名。',
        message: (p) => `${p.label}“${p.value}”与${p.otherLabel} ${p.suggestion} 不一致`,
      },
      'en-US': {
        title: 'Photo file name differs from the ID number',
        why: 'Degree photos are named by the ID number (optionally with .jpg); the system links photo and record by it, so a mismatched name leaves the record incomplete.',
        fix: 'Rename the photo entry to the ID number (the suggestion) and name the photo file the same way.',
        message: (p) => `${p.label} “${p.value}” does not match the ${p.otherLabel} ${p.suggestion}`,
      },
    },
  },
});

const UNIT_CODE = /^\d{5}$/;

function checkAwardingUnit(row: RowContext): void {
  const { profile } = row.sheet;
  const code = row.get('XWSYDWM');
  if (!UNIT_CODE.test(code)) return;
  const params = { unitCode: profile.unitCode, unitName: profile.unitName };
  if (code !== profile.unitCode) {
    row.report('unit.codeMismatch', 'XWSYDWM', params, profile.unitCode);
    return;
  }
  const name = row.get('XWSYDW');
  if (name && name !== profile.unitName) {
    row.report('unit.nameMismatch', 'XWSYDW', { ...params, suggestion: profile.unitName }, profile.unitName);
  }
}

function checkSignatory(row: RowContext, field: string, rule: string, expected: string | undefined): void {
  const value = row.get(field);
  if (expected && value && value !== expected) row.report(rule, field, { suggestion: expected }, expected);
}

/**
 * The training institution's name against the name its code stands for: the profile's name for the school's own
 * code, otherwise the awarding institution's name when both codes are equal.
 */
function checkTrainingUnit(row: RowContext): void {
  const code = row.get('PYDWM');
  const name = row.get('PYDW');
  if (!UNIT_CODE.test(code) || !name) return;
  const { profile } = row.sheet;
  const expected = code === profile.unitCode ? profile.unitName : code === row.get('XWSYDWM') ? row.get('XWSYDW') : '';
  if (expected && name !== expected) {
    row.report('unit.trainingNameMismatch', 'PYDW', { code, suggestion: expected }, expected);
  }
}

const JPG_EXTENSION = /\.jpg$/i;

function checkPhoto(row: RowContext): void {
  const photo = row.get('ZP');
  const id = row.get('ZJHM');
  if (!photo || !id) return;
  const base = JPG_EXTENSION.test(photo) ? photo.slice(0, -4) : photo;
  if (base !== id && base.toUpperCase() !== id.toUpperCase()) {
    row.report('photo.nameMismatch', 'ZP', { suggestion: id, otherField: 'ZJHM' }, id);
  }
}

export const checkInstitution: RowCheck = (row) => {
  const { profile } = row.sheet;
  checkAwardingUnit(row);
  checkSignatory(row, 'XZXM', 'unit.presidentMismatch', profile.president);
  checkSignatory(row, 'ZXXM', 'unit.chairMismatch', profile.committeeChair);
  checkTrainingUnit(row);
  checkPhoto(row);
};
