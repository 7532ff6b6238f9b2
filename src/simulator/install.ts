/**
 * Installs the simulator as the globals Office.js defines — `Excel`, `Office` and `OfficeExtension` — so the
 * gateway in src/excel runs unchanged in jest and in the demo page.
 */
import { compareVersions, createRun, resolveOptions, SimRequestContext, type SimHost, type SimSavedFile, type SimulatorOptions } from './api';
import { ErrorCodes, SimulatedOfficeError } from './errors';
import type { SimWorkbook } from './model';

export interface InstalledSimulator {
  workbook: SimWorkbook;
  host: SimHost;
  /** The object installed as the global `Excel`. */
  excel: Record<string, unknown>;
  /** The object installed as the global `Office`. */
  office: Record<string, unknown>;
  /** Restores the globals that were there before. */
  uninstall(): void;
  /**
   * Records a file as downloaded (in `host.downloads`): a stand-in for a Blob download that the demo or a test can
   * hand to the gateway's `setFileSaver`.
   */
  recordDownload(name: string, bytes: Uint8Array, mime?: string): void;
}

function base64ToBytes(base64: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return undefined;
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Excel.createWorkbook(base64) (ExcelApi 1.8): Excel opens the file as a new, unsaved workbook. The simulator keeps
 * the file in `host.createdWorkbooks`; anything but a zip package (.xlsx) is refused as Excel refuses it.
 */
function createWorkbookOf(host: SimHost): (base64?: string) => Promise<void> {
  return async (base64?: string) => {
    await Promise.resolve();
    if (compareVersions(host.apiVersion, '1.8') < 0) throw new SimulatedOfficeError('ApiNotFound', { location: 'Excel.createWorkbook' });
    if (host.faults.createWorkbook) throw new SimulatedOfficeError(host.faults.createWorkbook, { location: 'Excel.createWorkbook' });
    if (base64 === undefined || base64 === '') {
      host.createdWorkbooks.push({ bytes: new Uint8Array(0) });
      return;
    }
    const bytes = base64ToBytes(base64);
    // An .xlsx is a zip: PK\x03\x04.
    if (!bytes || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
      throw new SimulatedOfficeError('InvalidArgument', { location: 'Excel.createWorkbook' });
    }
    const file: SimSavedFile = { base64, bytes };
    host.createdWorkbooks.push(file);
  };
}

const HOST_TYPES = {
  Excel: 'Excel',
  Word: 'Word',
  PowerPoint: 'PowerPoint',
  Outlook: 'Outlook',
  OneNote: 'OneNote',
  Project: 'Project',
  Access: 'Access',
};

const PLATFORM_TYPES = {
  PC: 'PC',
  OfficeOnline: 'OfficeOnline',
  Mac: 'Mac',
  iOS: 'iOS',
  Android: 'Android',
  Universal: 'Universal',
};

/** A few of the Excel namespace's enums, with the string values Office.js uses. */
const EXCEL_ENUMS = {
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  SpecialCellType: {
    conditionalFormats: 'ConditionalFormats',
    dataValidations: 'DataValidations',
    blanks: 'Blanks',
    constants: 'Constants',
    formulas: 'Formulas',
    sameConditionalFormat: 'SameConditionalFormat',
    sameDataValidation: 'SameDataValidation',
    visible: 'Visible',
  },
  SpecialCellValueType: { all: 'All', errors: 'Errors', logical: 'Logical', numbers: 'Numbers', text: 'Text' },
  RangeValueType: {
    unknown: 'Unknown',
    empty: 'Empty',
    string: 'String',
    integer: 'Integer',
    double: 'Double',
    boolean: 'Boolean',
    error: 'Error',
    richValue: 'RichValue',
  },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks' },
  FillPattern: { none: 'None', solid: 'Solid', gray50: 'Gray50', gray75: 'Gray75', gray25: 'Gray25' },
  ErrorCodes,
};

type Globals = Record<string, unknown>;

/**
 * Defines `Excel`, `Office` and `OfficeExtension` on globalThis (window in a browser) backed by the workbook.
 * `Office.context.requirements.isSetSupported('ExcelApi', v)` answers from `options.apiVersion` (default 1.18).
 */
export function installSimulator(workbook: SimWorkbook, options: SimulatorOptions = {}): InstalledSimulator {
  const host = resolveOptions(workbook, options);
  const run = createRun(host);
  const excel: Record<string, unknown> = {
    run,
    createWorkbook: createWorkbookOf(host),
    RequestContext: function RequestContext() {
      return new SimRequestContext(host);
    },
    ...EXCEL_ENUMS,
  };
  const ready = { host: HOST_TYPES.Excel, platform: host.platform };
  const officeContext = {
    host: HOST_TYPES.Excel,
    platform: host.platform,
    displayLanguage: 'zh-CN',
    contentLanguage: 'zh-CN',
    diagnostics: { host: HOST_TYPES.Excel, platform: host.platform, version: '16.0.0.0 (simulated)' },
    requirements: {
      isSetSupported(name: string, minVersion?: string | number): boolean {
        if (name !== 'ExcelApi') return false;
        return minVersion === undefined || compareVersions(host.apiVersion, String(minVersion)) >= 0;
      },
    },
    officeTheme: {
      bodyBackgroundColor: '#FFFFFF',
      bodyForegroundColor: '#000000',
      controlBackgroundColor: '#FFFFFF',
      controlForegroundColor: '#000000',
      isDarkTheme: false,
    },
    document: { url: workbook.name },
  };
  const office: Record<string, unknown> = {
    HostType: HOST_TYPES,
    PlatformType: PLATFORM_TYPES,
    context: officeContext,
    initialize: undefined,
    onReady(callback?: (info: typeof ready) => void): Promise<typeof ready> {
      return Promise.resolve().then(() => {
        const initialize = office.initialize as ((reason?: string) => void) | undefined;
        if (typeof initialize === 'function') initialize('inserted');
        callback?.(ready);
        return ready;
      });
    },
    actions: {
      associate(_name: string, _action: unknown): void {
        // Ribbon commands don't exist in the simulator.
      },
    },
  };
  const officeExtension = {
    Error: SimulatedOfficeError,
    ErrorCodes,
  };
  const globals = globalThis as unknown as Globals;
  const previous = { Excel: globals.Excel, Office: globals.Office, OfficeExtension: globals.OfficeExtension };
  globals.Excel = excel;
  globals.Office = office;
  globals.OfficeExtension = officeExtension;
  return {
    workbook,
    host,
    excel,
    office,
    recordDownload(name: string, bytes: Uint8Array, mime?: string) {
      host.downloads.push({ name, mime, bytes: new Uint8Array(bytes) });
    },
    uninstall() {
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete globals[name];
        else globals[name] = value;
      }
    },
  };
}
