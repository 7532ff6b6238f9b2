/// <reference types="office-js" />
/** Takes the user to a cell: activates its sheet and selects (and so scrolls to) the cell. */
import type { Issue } from '../core/model/types';
import { issueAddress } from './issuesSheet';
import { GatewayError, errors } from './messages';

/**
 * Activates `sheet` and selects `target`: an address ("C5", "5:5", "C5:D9"), or an issue's row and column
 * (a whole row or column when one of them is null); A1 when there is no target. One sync.
 */
export async function selectCell(sheet: string, target?: string | Pick<Issue, 'row' | 'column'>): Promise<void> {
  const address = target === undefined ? 'A1' : typeof target === 'string' ? target : issueAddress(target);
  try {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ItemNotFound') throw errors.sheetNotFound(sheet);
    if (code === 'InvalidOperation' || code === 'InvalidSelection') throw errors.sheetHidden(sheet);
    throw errors.excel(error);
  }
}
