import { format, MESSAGES, placeholders } from './messages';

describe('the pane message catalogue', () => {
  const zh = MESSAGES['zh-CN'];
  const en = MESSAGES['en-US'];

  it('has an English text for every Chinese key, and no English key without a Chinese one', () => {
    const missing = Object.keys(zh).filter((key) => !(key in en) || !(en as Record<string, string>)[key].trim());
    const extra = Object.keys(en).filter((key) => !(key in zh));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(zh).filter(
      (key) => placeholders(zh[key as keyof typeof zh]).join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders, grouping counts but not identifiers passed as text', () => {
    expect(format('zh-CN', 'group.showAll', { count: 50000 })).toBe('显示全部 50,000 条');
    expect(format('en-US', 'issue.row', { row: '12345' })).toBe('Row 12345');
    expect(format('zh-CN', 'run.failed')).toBe('校验没有完成：{message}');
  });

  it('never tells the user a step is merely "coming later"', () => {
    const all = [...Object.values(zh), ...Object.values(en)].join('\n');
    expect(all).not.toMatch(/后续版本|敬请期待|coming (soon|in a later release)|TODO/i);
  });
});
