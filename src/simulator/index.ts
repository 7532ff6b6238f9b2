/**
 * An in-memory Excel for tests and the demo: the part of the Excel JavaScript API the gateway uses, with
 * Office.js semantics (proxies, load/sync, PropertyNotLoaded, null objects, 5 MB payload limit). Not Office.js.
 */
export { installSimulator, type InstalledSimulator } from './install';
export {
  PAYLOAD_LIMIT_BYTES,
  ADDRESS_LIST_LIMIT,
  READ_CELL_LIMIT,
  type SimulatorOptions,
  type Platform,
  type SimFaults,
  type SimSavedFile,
  type SimHost,
} from './api';
export { SimWorkbook, SimWorksheet, type SimFill, type SimCellValue, type SyncRecord, type SheetVisibility } from './model';
export { workbookFromGrids, workbookFromXlsx, addGridSheet } from './load';
export { workbookToXlsx } from './save';
export { parseAddress, formatAddress, formatRect, type Rect } from './address';
export { SimulatedOfficeError } from './errors';
