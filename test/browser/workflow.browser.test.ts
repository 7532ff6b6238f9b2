/**
 * The steps after 校验 in a real browser (demo, simulated Excel through the real gateway): validate a clean example,
 * sign as collector, be refused as the same person checking, sign as another checker, see the status and the
 * verified log, print the slip, export (the demo keeps the saved files) — then on the defective example load a 学籍
 * file, see a mismatch side by side, adopt the 学籍 value for a non-key field and see a key field refused.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { DemoServer } from '../../src/demo/server';
import { openWorkbook } from '../../src/node/signedWorkbook';
import { ARTIFACTS, buildDemoOnce, eventually, launchChromium, ROOT, serveDemo, type DemoWindow } from './demo';
import { recordsOf, writeXuejiFile } from './xuejiFile';

jest.setTimeout(300_000);

const demo = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).degreeDataDemo.saved.map((f) => ({ name: f.name, method: f.method, size: f.bytes.length })));

async function openExample(page: Page, name: string): Promise<void> {
  await page.getByTestId('example-picker').selectOption(name);
  await page.waitForFunction((expected) => document.title.startsWith(expected), name, { timeout: 60_000 });
  await page.getByTestId('start').waitFor();
}

async function validate(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '校验' }).click();
  await page.getByTestId('start').click();
  await page.getByTestId('count-error').waitFor({ timeout: 120_000 });
}

async function signAs(page: Page, name: string, staffId: string, role: '采集人' | '校核人' | '学位办审核'): Promise<string> {
  await page.getByTestId('signer-name').fill(name);
  await page.getByTestId('signer-staff').fill(staffId);
  await page.getByRole('radio', { name: role }).check();
  const before = await page.getByTestId('signoff-notice').count();
  if (before) await page.getByTestId('signoff-notice').getByRole('button').click();
  await page.getByTestId('sign').click();
  await page.getByTestId('signoff-notice').waitFor({ timeout: 30_000 });
  return (await page.getByTestId('signoff-notice').textContent()) ?? '';
}

describe('the steps after 校验 in Chromium (demo, simulated Excel)', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildDemoOnce();
    server = await serveDemo();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('request', (request) => {
      const url = request.url();
      requests.push(url);
      if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
    });
    await page.goto(`${server.url}?example=g2-sample.xlsx`);
    await page.getByTestId('start').waitFor();
    // window.print() opens a dialog a headless browser cannot show: count the calls instead.
    await page.evaluate(() => {
      const scope = window as unknown as { printed: number };
      scope.printed = 0;
      window.print = () => void scope.printed++;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('validates the clean example without errors', async () => {
    await validate(page);
    expect(await page.getByTestId('count-error').locator('[data-count]').getAttribute('data-count')).toBe('0');
  });

  it('signs as collector, refuses and logs the same person as checker, then signs as another checker', async () => {
    await page.getByRole('tab', { name: '签核' }).click();
    await page.getByTestId('signoff-status').waitFor();
    expect(await page.getByTestId('signer-note').textContent()).toContain('由本人填写');
    expect(await page.locator('[data-sheet-status]').getAttribute('data-sheet-status')).toBe('notSigned');

    expect(await signAs(page, '李采集', 'T001', '采集人')).toContain('已签核：采集人');
    await eventually(async () => expect(await page.locator('[data-sheet-status]').getAttribute('data-sheet-status')).toBe('collected'));

    const refused = await signAs(page, '李采集', 'T001', '校核人');
    expect(refused).toContain('校核与采集须由不同人员完成');
    expect(refused).toContain('已记入审计记录');
    expect(await page.locator('[data-sheet-status]').getAttribute('data-sheet-status')).toBe('collected');

    expect(await signAs(page, '王校核', 'T002', '校核人')).toContain('已签核：校核人');
    await eventually(async () => expect(await page.locator('[data-sheet-status]').getAttribute('data-sheet-status')).toBe('checked'));
    expect(await page.getByTestId('current-signers').textContent()).toMatch(/李采集[\s\S]*王校核/);
    await page.getByTestId('taskpane').screenshot({ path: path.join(ARTIFACTS, 'signoff.png') });
  });

  it('prints the sign-off slip with the signers, the data digest and the chain head', async () => {
    const head = (await page.getByTestId('chain-head').textContent())!.trim();
    const digest = (await page.getByTestId('data-digest').textContent())!.trim();
    // The pane's worker hashes with WebAssembly (its chunk was loaded), `audit sign` with Node's SHA-256: the same
    // data, the same digest.
    expect(requests.some((url) => /hash-wasm/.test(url))).toBe(true);
    expect(digest).toBe((await openWorkbook(path.join(ROOT, 'examples', 'g2-sample.xlsx'))).digest.digest);
    await page.getByTestId('print-slip').click();
    await eventually(async () => expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1));
    const slip = page.getByTestId('print-root');
    expect((await slip.getByTestId('slip-head').textContent())!.replace(/\s/g, '')).toBe(head);
    expect((await slip.getByTestId('slip-digest').textContent())!.replace(/\s/g, '')).toBe(digest);
    expect(await slip.textContent()).toMatch(/李采集[\s\S]*王校核/);
    // The slip is hidden on screen and is all that prints.
    expect(await slip.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await slip.isVisible()).toBe(true);
    expect(await page.getByTestId('taskpane').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, 'signoff-slip.png') });
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the audit log verified, every event marked', async () => {
    await page.getByRole('tab', { name: '记录' }).click();
    const status = page.getByTestId('chain-status');
    await eventually(async () => expect(await status.getAttribute('data-ok')).toBe('true'));
    const actions = await page.getByTestId('audit-log').locator('li[data-action]').evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
    expect(actions).toEqual(['校核通过', '签核被拒绝', '采集完成']);
    expect(await page.getByTestId('audit-log').locator('[data-marks]').count()).toBe(0);
    expect(await page.getByTestId('since-signoff').textContent()).toContain('没有改动');
  });

  it('exports: the gate lets it through, the files are saved and the export is recorded with the baseline', async () => {
    await page.getByRole('tab', { name: '导出' }).click();
    await page.locator('[data-gate="ok"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('export').click();
    await page.getByTestId('export-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('export-notice').textContent()).toContain('已导出');
    const saved = await demo(page);
    expect(saved.map((f) => f.name)).toEqual(['12608_2023-2_学士学位授予信息.xlsx', '12608_2023-2_学士学位授予信息.xlsx.manifest.json']);
    expect(saved.every((f) => f.method === 'download' && f.size > 0)).toBe(true);

    // The upload file read back: the template's columns, one row per record, every value text.
    const bytes = await page.evaluate(() => (window as unknown as DemoWindow).degreeDataDemo.saved[0].bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const records = await recordsOf(path.join(ROOT, 'examples', 'g2-sample.xlsx'));
    expect(sheet.rowCount).toBe(records.length + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('XM');
    expect(sheet.getRow(2).getCell(1).value).toBe(records[0].values.XM);

    await page.getByRole('tab', { name: '记录' }).click();
    await eventually(async () =>
      expect(await page.getByTestId('audit-log').locator('li[data-action]').evaluateAll((items) => items.map((item) => item.getAttribute('data-action')))).toEqual([
        '基线建立',
        '导出上报文件',
        '校核通过',
        '签核被拒绝',
        '采集完成',
      ]),
    );
    expect(await page.getByTestId('chain-status').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('baseline').textContent()).toContain(`${records.length} 条记录`);
    await page.getByTestId('taskpane').screenshot({ path: path.join(ARTIFACTS, 'records.png') });
  });

  it('on the defective example with a 学籍 file: shows a mismatch side by side and adopts the 学籍 value for a non-key field', async () => {
    const example = path.join(ROOT, 'examples', 'defective.xlsx');
    const records = await recordsOf(example);
    const file = path.join(ARTIFACTS, '学籍导出.xlsx');
    const target = records.findIndex((record) => record.values.ZYMC && record.values.ZJHM);
    const keyTarget = records.findIndex((record, index) => index > target && record.values.XM && record.values.ZJHM);
    await writeXuejiFile(file, records, { [target]: { ZYMC: '国际经济与贸易' }, [keyTarget]: { XM: '欧阳修改' } });

    await openExample(page, 'defective.xlsx');
    await validate(page);
    await page.getByRole('tab', { name: '学籍比对' }).click();
    await page.getByTestId('xueji-file').setInputFiles(file);
    const summary = page.getByTestId('reconcile-summary');
    await summary.waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('xueji-source').textContent()).toContain('学籍导出.xlsx');
    expect(Number(await page.getByTestId('xueji-matched').locator('[data-count]').getAttribute('data-count'))).toBeGreaterThan(0);

    // The 专业名称 mismatch: open its group and select it.
    const group = page.locator('[data-testid="xueji-groups"] section[data-rule="xueji.majorName"]');
    const header = group.locator('h3 button');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const row = String(records[target].excelRow);
    await group.locator(`[role="option"][data-row="${row}"]`).click();
    const pair = page.getByTestId('xueji-pair');
    await pair.waitFor();
    const current = pair.locator('tr[data-current]');
    expect(await current.getAttribute('data-field')).toBe('ZYMC');
    expect(await current.locator('[data-side="degree"]').textContent()).toBe(records[target].values.ZYMC);
    expect(await current.locator('[data-side="xueji"]').textContent()).toBe('国际经济与贸易');
    await page.getByTestId('taskpane').screenshot({ path: path.join(ARTIFACTS, 'reconcile.png') });

    // The signer is remembered on this computer from the sign-off.
    await page.getByTestId('xueji-apply').click();
    await eventually(async () => expect(await page.getByTestId('reconcile-notice').textContent()).toContain('已采用学籍值 1 处'), 60_000);
    await eventually(async () => expect(await page.locator('[data-testid="xueji-groups"] section[data-rule="xueji.majorName"]').count()).toBe(0), 120_000);
    // The grid shows the new value in the record's row.
    const cells = await page
      .locator('[data-testid="grid"] [data-cell]')
      .evaluateAll((nodes, excelRow) => nodes.filter((node) => new RegExp(`^[A-Z]+${excelRow}$`).test(node.getAttribute('data-cell') ?? '')).map((node) => node.textContent), row);
    expect(cells).toContain('国际经济与贸易');

    // A key field is never changed by one click.
    const names = page.locator('[data-testid="xueji-groups"] section[data-rule="xueji.name"]');
    const nameHeader = names.locator('h3 button');
    if ((await nameHeader.getAttribute('aria-expanded')) !== 'true') await nameHeader.click();
    await names.locator(`[role="option"][data-row="${records[keyTarget].excelRow}"]`).click();
    expect(await page.getByTestId('xueji-key').textContent()).toContain('第十五条');
    expect(await page.getByTestId('xueji-apply').count()).toBe(0);

    // The adoption is in the audit log, verified.
    await page.getByRole('tab', { name: '记录' }).click();
    await eventually(async () => expect(await page.getByTestId('audit-log').locator('li[data-action="采用学籍值"]').count()).toBe(1));
    expect(await page.getByTestId('chain-status').getAttribute('data-ok')).toBe('true');
  });

  it('says so when Excel refuses to protect the record sheets (AccessDenied on some builds), and the trail still verifies', async () => {
    await openExample(page, 'g3-sample.xlsx');
    await page.evaluate(() => {
      const host = (window as unknown as { degreeDataDemo: { host: { faults: Record<string, string> } } }).degreeDataDemo.host;
      host.faults.protect = 'AccessDenied';
    });
    await validate(page);
    await page.getByRole('tab', { name: '签核' }).click();
    expect(await signAs(page, '李采集', 'T001', '采集人')).toContain('已签核');
    const notice = page.locator('[data-store-notice="protectFailed"]').first();
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('AccessDenied');
    await page.getByRole('tab', { name: '记录' }).click();
    await eventually(async () => expect(await page.getByTestId('chain-status').getAttribute('data-ok')).toBe('true'));
  });

  it('made no request outside the demo server, broke no Content-Security-Policy and raised no error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
