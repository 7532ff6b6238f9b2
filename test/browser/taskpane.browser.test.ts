/**
 * The add-in in a real browser, without Excel: the demo page (task pane + grid of a simulated workbook) in
 * Debian's Chromium via playwright-core. Opens the defective example, validates, compares the counts with the
 * engine run on the same file the way the CLI reads it, jumps to a cell, marks and clears, and saves a screenshot.
 */
import { mkdirSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadPinyin } from '../../src/core/rules/pinyinPort';
import { validateWorkbook } from '../../src/core/validate';
import type { DemoServer } from '../../src/demo/server';
import { readWorkbook } from '../../src/node/readWorkbook';
import { writeTroublesomeWorkbook, writeWorkbookWithoutTemplate } from './badInput';
import { ARTIFACTS, buildDemoOnce, eventually, launchChromium, ROOT, serveDemo, type DemoWindow } from './demo';

jest.setTimeout(300_000);

const EXAMPLE = 'defective.xlsx';

/**
 * The pane (after 校验 and 标记问题单元格) to test-artifacts/taskpane.png and the whole demo page to
 * test-artifacts/demo.png; `UPDATE_SCREENSHOTS=1 npx jest test/browser` also refreshes docs/images/taskpane.png.
 */
async function saveScreenshots(page: Page): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'demo.png') });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.getByTestId('taskpane').evaluate((element) => element.scrollTo(0, 0));
  const file = path.join(ARTIFACTS, 'taskpane.png');
  await page.getByTestId('taskpane').screenshot({ path: file });
  if (viewport) await page.setViewportSize(viewport);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
    copyFileSync(file, path.join(ROOT, 'docs', 'images', 'taskpane.png'));
  }
}

/** Opens an .xlsx through the demo's file input and waits for the pane of the new workbook. */
async function openFile(page: Page, file: string): Promise<void> {
  const name = path.basename(file);
  await page.getByTestId('file-input').setInputFiles(file);
  await page.waitForFunction((expected) => document.title.startsWith(expected), name, { timeout: 60_000 });
  await page.getByTestId('start').waitFor();
}

describe('the task pane in Chromium (demo, simulated Excel)', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    await buildDemoOnce();
    server = await serveDemo();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
        foreignRequests.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // CSP violations and failed loads are reported as console errors.
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(`${server.url}?example=${EXAMPLE}`);
    await page.getByTestId('grid').waitFor();
    await page.getByTestId('start').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('validates the defective example and shows the counts the engine reports for the file', async () => {
    const grids = await readWorkbook(path.join(ROOT, 'examples', EXAMPLE));
    const expected = validateWorkbook(grids, { pinyin: await loadPinyin() });
    if (!expected.ok) throw new Error(`the engine found no template in ${EXAMPLE}`);

    await page.getByTestId('start').click();
    await page.getByTestId('count-error').waitFor({ timeout: 120_000 });
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        ['error', 'warning', 'info'].map((severity) => [
          severity,
          Number(document.querySelector(`[data-testid="count-${severity}"] [data-count]`)?.getAttribute('data-count')),
        ]),
      ),
    );
    expect(shown).toEqual(expected.report.counts);
    expect(await page.getByTestId('showing').textContent()).toContain(`/ ${expected.report.issues.length.toLocaleString('en-US')} 条问题`);
  });

  it('selects the cell of a clicked issue in the grid', async () => {
    const option = page.getByTestId('groups').getByRole('option').filter({ has: page.locator(':scope[data-column]') }).first();
    const sheet = await option.getAttribute('data-sheet');
    const row = await option.getAttribute('data-row');
    const column = await option.getAttribute('data-column');
    await option.click();
    await eventually(async () => expect(await page.getByTestId('grid').getAttribute('data-selection')).toBe(`${sheet}!${column}${row}`));
    await eventually(async () => expect(await page.getByTestId('grid').getAttribute('data-active-sheet')).toBe(sheet));
    const cell = page.locator(`[data-testid="grid"] [data-cell="${column}${row}"]`);
    await eventually(async () => expect(await cell.getAttribute('aria-selected')).toBe('true'));

    // Keyboard: Enter on the next example selects its cell too.
    const list = page.getByTestId('groups').getByRole('listbox').first();
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const active = list.locator('[aria-selected="true"]');
    const next = `${await active.getAttribute('data-sheet')}!${await active.getAttribute('data-column')}${await active.getAttribute('data-row')}`;
    if ((await active.getAttribute('data-column')) !== null)
      await eventually(async () => expect(await page.getByTestId('grid').getAttribute('data-selection')).toBe(next));
  });

  it('marks the issue cells, saves a screenshot, and clears the marks back to the original fills', async () => {
    const before = await page.evaluate(() => (window as unknown as DemoWindow).degreeDataDemo.fills());
    await page.getByTestId('action-mark').click();
    await eventually(async () => expect(await page.getByTestId('notice').textContent()).toMatch(/已标记 [\d,]+ 个单元格/));
    const marked = await page.evaluate(() => (window as unknown as DemoWindow).degreeDataDemo.fills());
    expect(Object.keys(marked).length).toBeGreaterThan(Object.keys(before).length);
    // The grid shows the marks: the selected issue cell now has a fill.
    expect(await page.locator('[data-testid="grid"] [data-fill]').count()).toBeGreaterThan(0);

    await saveScreenshots(page);

    await page.getByTestId('action-clear').click();
    await eventually(async () => expect(await page.getByTestId('notice').textContent()).toMatch(/已清除标记/));
    const after = await page.evaluate(() => (window as unknown as DemoWindow).degreeDataDemo.fills());
    expect(after).toEqual(before);
  });

  it('explains a workbook without a template sheet', async () => {
    const file = path.join(ARTIFACTS, 'no-template.xlsx');
    mkdirSync(ARTIFACTS, { recursive: true });
    await writeWorkbookWithoutTemplate(file);
    await openFile(page, file);
    await page.getByTestId('start').click();
    const findings = page.getByTestId('findings');
    await eventually(async () => expect(await findings.locator('[data-finding="noTemplate"]').count()).toBe(1));
    expect(await findings.textContent()).toContain('没有找到学位授予信息模板');
    expect(await page.getByTestId('count-error').count()).toBe(0);
  });

  it('explains a protected sheet, merged headers, formulas, hidden rows and filters — and changes nothing', async () => {
    const file = path.join(ARTIFACTS, 'troublesome.xlsx');
    await writeTroublesomeWorkbook(file);
    await openFile(page, file);
    const before = await page.evaluate(() => (window as unknown as DemoWindow).degreeDataDemo.fills());
    await page.getByTestId('start').click();
    await page.getByTestId('count-error').waitFor({ timeout: 120_000 });
    const kinds = await page.getByTestId('findings').locator('[data-finding]').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-finding')));
    expect(new Set(kinds)).toEqual(new Set(['protected', 'mergedHeader', 'formulas', 'hiddenRows', 'filtered']));
    await page.getByTestId('taskpane').screenshot({ path: path.join(ARTIFACTS, 'bad-input.png') });
    // Both college sheets were validated together.
    expect(await page.getByTestId('sheets').textContent()).toMatch(/学院甲[\s\S]*学院乙/);
    // Reading changed nothing; marking leaves the protected sheet alone and says so.
    expect(await page.evaluate(() => (window as unknown as DemoWindow).degreeDataDemo.fills())).toEqual(before);
    await page.getByTestId('action-mark').click();
    await eventually(async () => expect(await page.getByTestId('notice').textContent()).toContain('工作表「学院甲」受保护，未做标记'));
    const marked = await page.evaluate(() => (window as unknown as DemoWindow).degreeDataDemo.fills());
    expect(Object.keys(marked).filter((key) => key.startsWith('学院甲!'))).toEqual(Object.keys(before).filter((key) => key.startsWith('学院甲!')));
    await page.getByTestId('action-clear').click();
    await eventually(async () => expect(await page.getByTestId('notice').textContent()).toMatch(/已清除标记/));
    expect(await page.evaluate(() => (window as unknown as DemoWindow).degreeDataDemo.fills())).toEqual(before);
  });

  it('made no request outside the demo server, broke no Content-Security-Policy and raised no error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
