import { degreeTypeTable, DISCIPLINE_DEGREE } from './degreeType';
import { MAJOR_CATALOGUE_EDITION, MAJORS } from './majors';

const degreesOf = (code: string) => MAJORS.find((major) => major.code === code)?.degrees;

describe('major catalogue (《普通高等学校本科专业目录（2024年）》)', () => {
  it('holds all 816 majors of the 2024 edition in 93 专业类 and 12 门类', () => {
    expect(MAJORS).toHaveLength(816);
    expect(new Set(MAJORS.map((major) => major.code.slice(0, 4))).size).toBe(93);
    expect(new Set(MAJORS.map((major) => major.code.slice(0, 2))).size).toBe(12);
    for (const major of MAJORS) expect(major.catalogue).toBe(MAJOR_CATALOGUE_EDITION);
  });

  it('writes every code as 6 digits with an optional T/K/TK suffix, but for the catalogue’s four 7-digit languages', () => {
    const sevenDigit = MAJORS.filter((major) => !/^\d{6}(T|K|TK)?$/.test(major.code)).map((major) => major.code);
    expect(sevenDigit).toEqual(['0502100T', '0502101T', '0502102T', '0502103T']);
    for (const code of sevenDigit) expect(code).toMatch(/^0502\d{3}T$/);
  });

  it('has one entry per code and one name per code', () => {
    expect(new Set(MAJORS.map((major) => major.code)).size).toBe(MAJORS.length);
    expect(new Set(MAJORS.map((major) => major.code.replace(/[TK]+$/, ''))).size).toBe(MAJORS.length);
    expect(new Set(MAJORS.map((major) => major.name)).size).toBe(MAJORS.length);
    for (const major of MAJORS) expect(major.name).toMatch(/^[\u4e00-\u9fff、]+$/);
  });

  it('awards only degrees of the degree-type table, each at most once', () => {
    const known = new Set(degreeTypeTable.entries.map((entry) => entry.code));
    for (const major of MAJORS) {
      expect(major.degrees.length).toBeGreaterThan(0);
      expect(new Set(major.degrees).size).toBe(major.degrees.length);
      for (const degree of major.degrees) expect(known.has(degree)).toBe(true);
    }
  });

  it('lists the 门类’s own degree first whenever the major may award it', () => {
    for (const major of MAJORS) {
      const own = DISCIPLINE_DEGREE[major.code.slice(0, 2)];
      if (major.degrees.includes(own)) expect(major.degrees[0]).toBe(own);
    }
  });

  it.each([
    ['100701', ['407']], // 药学: 理学 only, although 门类 10 is 医学
    ['101101K', ['407']], // 护理学
    ['100402', ['407']], // 食品卫生与营养学
    ['101005', ['407']], // 康复治疗学 (医学技术类)
    ['100201K', ['410']], // 临床医学
    ['080901', ['408', '407']], // 计算机科学与技术: 工学 or 理学
    ['080904K', ['408', '407', '412']], // 信息安全
    ['040104', ['404', '407', '408']], // 教育技术学
    ['120801', ['412', '402', '408']], // 电子商务
    ['082803', ['408', '413']], // 风景园林
    ['071101', ['407', '404']], // 心理学
    ['120102', ['412', '408']], // 信息管理与信息系统
    ['040105', ['404', '413']], // 艺术教育
    ['082801', ['408', '444']], // 建筑学: 工学, or 建筑学学士专业学位
    ['090116TK', ['407']], // 生物育种科学: 理学 in 门类 09
    ['070803T', ['408']], // 防灾减灾科学与工程: 工学 in 门类 07
    ['050201', ['405']], // 英语
    ['120203K', ['412']], // 会计学
  ])('%s awards %j', (code, degrees) => {
    expect(degreesOf(code)).toEqual(degrees);
  });

  it('names the majors as the catalogue does', () => {
    const nameOf = (code: string) => MAJORS.find((major) => major.code === code)?.name;
    expect(nameOf('050262')).toBe('商务英语');
    expect(nameOf('082005')).toBe('飞行器环境与生命保障工程');
    expect(nameOf('0502100T')).toBe('语言学');
    expect(nameOf('130513TK')).toBe('珠宝首饰设计与工艺');
  });
});
