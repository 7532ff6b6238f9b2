import fc from 'fast-check';
import type { Category, Generation } from '../model/types';
import { validRecord } from '../testing/fixtures';
import { templateColumns } from '../template/generations';
import { RowChecker, type FieldFinding } from './rowSchema';

/** The findings of the row schema itself, parsed as one zod object. */
function parsedFindings(checker: RowChecker, values: Record<string, string>): FieldFinding[] | undefined {
  const parsed = checker.schema.safeParse(values);
  return parsed.success ? undefined : parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), rule: issue.message }));
}

const CASES: [Generation, Category][] = [
  ['G2', '普通'],
  ['G2', '成人'],
  ['G3', '来华留学'],
];

describe.each(CASES)('RowChecker on %s %s rows', (generation, category) => {
  const columns = templateColumns(generation, category);
  const codes = columns.map((column) => column.code);
  /** A valid record with some fields replaced by values that break (or happen to pass) the field schemas. */
  const row = fc.record({
    index: fc.nat(5000),
    spoilt: fc.dictionary(
      fc.constantFrom(...codes),
      fc.oneof(
        fc.constant(''),
        fc.constantFrom('20230231', '202313', '19991301', '2024-06-30', '12608', '１２６０８', 'x'.repeat(200)),
        fc.stringMatching(/^\d{1,18}$/),
        fc.string({ maxLength: 12 }),
        // Characters outside the BMP: two UTF-16 units each, one character against the length limit.
        fc.string({ unit: 'binary', minLength: 10, maxLength: 80 }),
      ),
    ),
  });
  const values = ({ index, spoilt }: { index: number; spoilt: Record<string, string> }) => {
    const record = validRecord(index, generation, category);
    return Object.fromEntries(codes.map((code) => [code, spoilt[code] ?? record[code] ?? '']));
  };

  it('finds exactly what parsing the row schema finds, in the same order, on a long run of rows', () => {
    const checker = new RowChecker(columns, category);
    fc.assert(
      fc.property(row, (generated) => {
        const rowValues = values(generated);
        expect(checker.check(rowValues)).toEqual(parsedFindings(checker, rowValues));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps its verdicts right after a column of unique values stops being remembered', () => {
    const checker = new RowChecker(columns, category);
    for (let index = 0; index < 6000; index++) {
      const rowValues = values({ index, spoilt: index % 7 === 0 ? { XM: '', CSRQ: `2000${String(index % 1300).padStart(4, '0')}` } : {} });
      expect(checker.check(rowValues)).toEqual(parsedFindings(checker, rowValues));
    }
  });
});
