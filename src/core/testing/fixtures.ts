/**
 * Fictional degree records for tests, examples and benchmarks. Names are invented, ID numbers are generated with
 * valid check characters; none belongs to a real person.
 */
import type { Category, CellValue, Generation, SheetGrid } from '../model/types';
import { templateColumns } from '../template/generations';
import { makeResidentId } from '../util/residentId';

export type RecordValues = Record<string, string>;

const SURNAMES: [string, string][] = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'],
  ['周', 'Zhou'], ['吴', 'Wu'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'],
];
const GIVEN: [string, string][] = [
  ['小明', 'Xiaoming'], ['晓红', 'Xiaohong'], ['文静', 'Wenjing'], ['建国', 'Jianguo'], ['海燕', 'Haiyan'], ['思远', 'Siyuan'],
  ['雨欣', 'Yuxin'], ['子涵', 'Zihan'], ['浩然', 'Haoran'], ['佳怡', 'Jiayi'], ['明轩', 'Mingxuan'], ['欣怡', 'Xinyi'],
];
const MAJORS: { code: string; name: string; degree: string; degreeName: string }[] = [
  { code: '050201', name: '英语', degree: '405', degreeName: '文学学士学位' },
  { code: '050207', name: '日语', degree: '405', degreeName: '文学学士学位' },
  { code: '050262', name: '商务英语', degree: '405', degreeName: '文学学士学位' },
  { code: '080901', name: '计算机科学与技术', degree: '408', degreeName: '工学学士学位' },
  { code: '120203K', name: '会计学', degree: '412', degreeName: '管理学学士学位' },
];
const AREAS = ['500101', '500103', '500112', '510104', '110101', '320102'];

export const FIXTURE_UNIT = { code: '12608', name: '重庆外语外事学院', president: '李校长', chair: '李校长' };

/**
 * A valid record of the given index: deterministic, so that a test can rebuild it. Women get even sequence
 * digits, men odd ones, so the ID agrees with 性别.
 */
export function validRecord(index: number, generation: Generation = 'G2', category: Category = '普通'): RecordValues {
  const [surname, surnamePinyin] = SURNAMES[index % SURNAMES.length];
  const [given, givenPinyin] = GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length];
  const female = index % 2 === 1;
  const birthYear = 2000 + (index % 4);
  const birth = `${birthYear}${String((index % 12) + 1).padStart(2, '0')}${String((index % 28) + 1).padStart(2, '0')}`;
  const sequence = ((index * 2) % 998) + (female ? 2 : 1);
  const id = makeResidentId(AREAS[index % AREAS.length], birth, sequence % 1000 === 0 ? 1 : sequence % 1000);
  const major = MAJORS[index % MAJORS.length];
  const enrolYear = generation === 'G3' ? 2021 : 2019;
  const awardDate = generation === 'G3' ? '20250620' : '20230620';
  const serial = String(index + 1).padStart(6, '0');
  const record: RecordValues = {
    XM: surname + given,
    XMPY: `${surnamePinyin} ${givenPinyin}`,
    XBM: female ? '2' : '1',
    XB: female ? '女' : '男',
    GBM: '156',
    GB: '中国',
    MZM: '01',
    MZ: '汉族',
    ZZMMM: '03',
    ZZMM: '中国共产主义青年团团员',
    CSRQ: birth,
    ZJLXM: '01',
    ZJLX: generation === 'G3' ? '中华人民共和国居民身份证' : '居民身份证',
    ZJHM: id,
    XWSYDWM: FIXTURE_UNIT.code,
    XWSYDW: FIXTURE_UNIT.name,
    XZXM: FIXTURE_UNIT.president,
    ZXXM: FIXTURE_UNIT.chair,
    PYDWM: FIXTURE_UNIT.code,
    PYDW: FIXTURE_UNIT.name,
    XWLBM: major.degree,
    XWLB: major.degreeName,
    ZYDM: major.code,
    ZYMC: major.name,
    ZSZYMC: major.name,
    KSH: `${String(enrolYear).slice(2)}500101${String(100000 + index).slice(-6)}`,
    RXNY: `${enrolYear}09`,
    XH: `${enrolYear}${String(100000 + index).slice(-6)}`,
    XZ: '4',
    XXXSM: '01',
    XXXS: '全日制',
    WYKSNY: category === '成人' ? '202212' : '',
    BYNY: `${enrolYear + 4}06`,
    HXWRQ: awardDate,
    XWZSBH: `${FIXTURE_UNIT.code}4${awardDate.slice(0, 4)}${serial}`,
    JYBH: `重外学位〔${awardDate.slice(0, 4)}〕3号`,
    ZP: id,
    BZ: '',
    QQHM: '',
    WXZH: '',
    DZYX: '',
    YXDM: '01',
    SFDEXW: '否',
    SFFXXW: '否',
    DSXM: '陈老师',
    LWLX: '毕业论文',
    LWTM: `${major.name}专业人才培养研究之${index + 1}`,
    LWGJC: '人才培养；教学改革',
    LWXTLY: '',
    LWYJFX: '应用研究',
    LWZXYZ: '中文',
  };
  return record;
}

export interface GridOptions {
  name?: string;
  /** Title rows above the header. */
  titleRows?: string[];
  /** Header style: bare codes (default) or 汉字名称(CODE). */
  headerStyle?: 'code' | 'label';
  category?: Category;
}

/** A sheet in the template layout of a generation holding the given records (as text cells). */
export function gridFromRecords(generation: Generation, records: readonly RecordValues[], options: GridOptions = {}): SheetGrid {
  const columns = templateColumns(generation, options.category ?? '普通');
  const header = columns.map((column) =>
    options.headerStyle === 'label' ? `${column.definition.label}(${column.code})` : column.code,
  );
  const values: CellValue[][] = [
    ...(options.titleRows ?? []).map((title) => [title]),
    header,
    ...records.map((record) => columns.map((column) => record[column.code] ?? '')),
  ];
  return { name: options.name ?? '学位授予信息', startRow: 1, startColumn: 0, values };
}

/** The Excel row of a record in a grid made by gridFromRecords. */
export function excelRowOf(recordIndex: number, options: GridOptions = {}): number {
  return (options.titleRows?.length ?? 0) + 2 + recordIndex;
}
