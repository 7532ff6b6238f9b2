import { DEFAULT_PROFILE, parseProfile } from './profile';

describe('school profile', () => {
  it('defaults to 重庆外语外事学院 (12608)', () => {
    expect(DEFAULT_PROFILE).toMatchObject({ unitCode: '12608', unitName: '重庆外语外事学院', majors: [], ruleSeverity: {} });
  });

  it('accepts any 学位授予单位 with its own majors and reporting window', () => {
    const result = parseProfile({
      unitCode: '10001',
      unitName: '示例大学',
      president: '王某某',
      majors: [{ code: '050201', name: '英语', degrees: ['405'] }],
      reportingWindow: { from: '20260301', to: '20260831' },
    });
    expect(result.ok).toBe(true);
  });

  it('explains what is wrong with a bad profile instead of throwing', () => {
    const result = parseProfile({ unitCode: '1260', majors: [{ code: '5021', name: '英语', degrees: [] }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/unitCode: 学位授予单位码应为5位数字/);
    expect(result.problems.join('\n')).toMatch(/unitName/);
    expect(result.problems.join('\n')).toMatch(/majors\.0\.code/);
  });
});
