/**
 * The simulated Excel JavaScript API: `Excel.run`, a RequestContext with a command queue, and proxy objects
 * with Office.js semantics — commands are queued and run at `context.sync()`, a property can be read only
 * after `load()` and a sync (PropertyNotLoaded otherwise), `*OrNullObject` methods give null objects,
 * `ClientResult.value` is there after the sync (ValueNotLoaded before). Each sync is counted with the JSON
 * size of what it wrote (request) and read (response); over the payload limit it fails as Excel on the web does.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  boundingRect,
  cellCount,
  cellsToRects,
  formatAddress,
  intersect,
  parseAddress,
  splitAddressList,
  splitSheet,
  type Rect,
} from './address';
import { SimulatedOfficeError, officeError, propertyNotLoaded, type ErrorCode } from './errors';
import {
  cellKey,
  isErrorValue,
  keyColumn,
  keyRow,
  type SheetVisibility,
  type SimFill,
  type SimTable,
  type SimWorkbook,
  type SimWorksheet,
} from './model';
import { formatText, interpretInput, jsonBytes, normaliseColor, outputValue, valueType } from './values';

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel reads at most five million cells at once (all platforms). */
export const READ_CELL_LIMIT = 5_000_000;
/** Office.js rejects long address lists in getRanges with InvalidArgument (office-js#5198: an 8,207-character list failed). */
export const ADDRESS_LIST_LIMIT = 8192;

export type Platform = 'OfficeOnline' | 'PC' | 'Mac' | 'iOS';

/**
 * Failures to simulate, by operation, as some Excel builds produce them: e.g. `{ protect: 'AccessDenied' }` for the
 * 2026 regression where WorksheetProtection.protect/unprotect threw AccessDenied (office-js#6784), or
 * `{ createWorkbook: 'GeneralException' }` for Excel.createWorkbook failing on the web (office-js#3646).
 */
export interface SimFaults {
  protect?: ErrorCode;
  unprotect?: ErrorCode;
  visibility?: ErrorCode;
  createWorkbook?: ErrorCode;
}

/** A file the add-in handed over for saving: a workbook opened with Excel.createWorkbook, or a recorded download. */
export interface SimSavedFile {
  name?: string;
  mime?: string;
  /** base64 as Excel.createWorkbook received it. */
  base64?: string;
  bytes: Uint8Array;
}

export interface SimulatorOptions {
  /** Highest ExcelApi requirement set the simulated Excel supports; default 1.18. */
  apiVersion?: string;
  /** Operations that fail (mutable later through `host.faults`). */
  faults?: SimFaults;
  /** Default OfficeOnline (Excel on the web), which has the 5 MB payload limit. */
  platform?: Platform;
  /** Bytes per request and per response; default 5 MB on the web, unlimited on desktop. */
  payloadLimit?: number;
  /** Milliseconds each sync takes (default 0: the next macrotask). */
  latencyMs?: number;
}

export interface SimHost {
  workbook: SimWorkbook;
  apiVersion: string;
  platform: Platform;
  payloadLimit: number;
  latencyMs: number;
  faults: SimFaults;
  /** Workbooks opened with Excel.createWorkbook (ExcelApi 1.8), in order. */
  createdWorkbooks: SimSavedFile[];
  /** Files recorded by `InstalledSimulator.recordDownload` (the demo's stand-in for a Blob download). */
  downloads: SimSavedFile[];
}

export function resolveOptions(workbook: SimWorkbook, options: SimulatorOptions = {}): SimHost {
  const platform = options.platform ?? 'OfficeOnline';
  return {
    workbook,
    apiVersion: options.apiVersion ?? '1.18',
    platform,
    payloadLimit: options.payloadLimit ?? (platform === 'OfficeOnline' ? PAYLOAD_LIMIT_BYTES : Infinity),
    latencyMs: options.latencyMs ?? 0,
    faults: { ...(options.faults ?? {}) },
    createdWorkbooks: [],
    downloads: [],
  };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Request context and command queue

interface Commit {
  responseBytes: number;
  apply(): void;
}

interface Action {
  label: string;
  requestBytes: number;
  run(): Commit | void;
}

export class SimRequestContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly trackedObjects = { add: (_object: unknown) => undefined, remove: (_object: unknown) => undefined };
  readonly runtime = { enableEvents: true };
  /** @internal */ _queue: Action[] = [];
  /** @internal */ _syncId = 0;
  /** @internal */ _closed = false;

  constructor(readonly _host: SimHost) {
    this.workbook = new WorkbookProxy(this, () => _host.workbook);
    this.application = new ApplicationProxy(this, () => _host.workbook);
  }

  /** @internal */
  _enqueue(action: Action): void {
    this._queue.push(action);
  }

  /** @internal */
  _requires(version: string, label: string): void {
    if (compareVersions(this._host.apiVersion, version) < 0) throw officeError('ApiNotFound', label);
  }

  async sync(): Promise<void> {
    if (this._closed) throw officeError('InvalidObjectPath', 'RequestContext.sync');
    const actions = this._queue.splice(0);
    const host = this._host;
    const stats = host.workbook.stats;
    stats.syncs++;
    const record = { index: stats.syncs, requestBytes: 0, responseBytes: 0, actions: actions.length } as {
      index: number;
      requestBytes: number;
      responseBytes: number;
      actions: number;
      error?: string;
    };
    stats.records.push(record);
    record.requestBytes = actions.reduce((sum, action) => sum + action.requestBytes, 0);
    await new Promise<void>((resolve) => setTimeout(resolve, host.latencyMs));
    const fail = (error: unknown) => {
      record.error = error instanceof SimulatedOfficeError ? error.code : 'GeneralException';
      throw error instanceof SimulatedOfficeError ? error : officeError('GeneralException', undefined, String(error));
    };
    if (record.requestBytes > host.payloadLimit) fail(officeError('RequestPayloadSizeLimitExceeded'));
    this._syncId++;
    const commits: Commit[] = [];
    for (const action of actions) {
      try {
        const commit = action.run();
        if (commit) {
          commits.push(commit);
          record.responseBytes += commit.responseBytes;
          // Stop early rather than building a huge response.
          if (record.responseBytes > host.payloadLimit) fail(officeError('ResponsePayloadSizeLimitExceeded'));
        }
      } catch (error) {
        if (error instanceof SimulatedOfficeError && !error.debugInfo.errorLocation) error.debugInfo.errorLocation = action.label;
        fail(error);
      }
    }
    for (const commit of commits) commit.apply();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Load paths

type LoadSpec = string | string[] | Record<string, unknown> | undefined;

/** Normalises the string, array and object forms of `load()` to slash paths; null means "all scalar properties". */
function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined || spec === null) return null;
  if (typeof spec === 'string') return spec.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((p) => String(p).split(',')).map((p) => p.trim()).filter(Boolean);
  if ('select' in spec || 'expand' in spec) {
    const parts = [spec.select, spec.expand].filter((p): p is string => typeof p === 'string');
    return parts.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  }
  const paths: string[] = [];
  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      if (key === '$all') {
        if (value) paths.push(prefix ? prefix.slice(0, -1) : '*');
      } else if (value === true) paths.push(prefix + key);
      else if (value && typeof value === 'object') walk(value as Record<string, unknown>, `${prefix}${key}/`);
    }
  };
  walk(spec, '');
  return paths.includes('*') ? null : paths;
}

// ---------------------------------------------------------------------------------------------------------------
// Proxy base

const NOT_LOADED = Symbol('notLoaded');

export abstract class ProxyBase<T> {
  /** @internal */ readonly _loaded = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ readonly _navCache = new Map<string, ProxyBase<unknown>>();
  private _cache: { syncId: number; target: T | null } | undefined;

  constructor(
    readonly context: SimRequestContext,
    private readonly _resolver: () => T | null,
    nullable = false,
  ) {
    if (nullable) {
      // *OrNullObject: isNullObject is known after the next sync without a load.
      context._enqueue({
        label: `${(this as unknown as { _type: string })._type}.isNullObject`,
        requestBytes: 0,
        run: () => {
          const target = this._target();
          return { responseBytes: 5, apply: () => (this._isNull = target === null) };
        },
      });
    }
  }

  /** The Office.js class name, for error locations. */
  abstract get _type(): string;
  /** Scalar properties `load()` without arguments loads. */
  protected abstract get _scalars(): readonly string[];
  /** Navigation properties (format, fill, protection …) that load paths can go through. */
  protected get _navigation(): readonly string[] {
    return [];
  }
  /** Reads a scalar property from the model (at sync). */
  protected abstract _read(target: T, property: string): unknown;

  /** @internal Resolves the proxy to its model object, once per sync. Throws ItemNotFound and the like. */
  _target(): T | null {
    if (this._cache?.syncId === this.context._syncId) return this._cache.target;
    const target = this._resolver();
    this._cache = { syncId: this.context._syncId, target };
    return target;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject');
    return this._isNull;
  }

  /** @internal */
  protected _get<V>(property: string): V {
    if (this._isNull) return null as V;
    const value = this._loaded.has(property) ? this._loaded.get(property) : NOT_LOADED;
    if (value === NOT_LOADED) throw propertyNotLoaded(property);
    return value as V;
  }

  /** @internal Queues a property set; the proxy shows the new value at once, as Office.js proxies do. */
  protected _set(property: string, value: unknown, apply: (target: T) => void): void {
    this._loaded.set(property, value);
    this.context._enqueue({
      label: `${this._type}.${property}`,
      requestBytes: jsonBytes(value),
      run: () => {
        const target = this._target();
        if (target !== null) apply(target);
      },
    });
  }

  /** @internal Queues a method call. */
  protected _call(method: string, args: unknown[], apply: (target: T) => void): void {
    this.context._enqueue({
      label: `${this._type}.${method}`,
      requestBytes: jsonBytes(args.filter((a) => !(a instanceof ProxyBase))),
      run: () => {
        const target = this._target();
        if (target !== null) apply(target);
      },
    });
  }

  /** @internal Queues a method call with a result. */
  protected _result<R>(method: string, args: unknown[], compute: (target: T) => R): ClientResult<R> {
    const result = new ClientResult<R>();
    this.context._enqueue({
      label: `${this._type}.${method}`,
      requestBytes: jsonBytes(args),
      run: () => {
        const target = this._target();
        const value = target === null ? (null as R) : compute(target);
        return { responseBytes: jsonBytes(value), apply: () => result._set(value) };
      },
    });
    return result;
  }

  /** @internal A child proxy (format, fill …), one per parent proxy. */
  protected _nav<P extends ProxyBase<unknown>>(name: string, create: () => P): P {
    let proxy = this._navCache.get(name) as P | undefined;
    if (!proxy) {
      proxy = create();
      this._navCache.set(name, proxy);
    }
    return proxy;
  }

  /** @internal The child proxy behind a navigation property. */
  protected _navProxy(name: string): ProxyBase<unknown> {
    return (this as unknown as Record<string, ProxyBase<unknown>>)[name];
  }

  protected _checkContext(other: ProxyBase<unknown>): void {
    if (other.context !== this.context) throw officeError('InvalidRequestContext');
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context._enqueue({
      label: `${this._type}.load`,
      requestBytes: jsonBytes(paths ?? []),
      run: () => this._snapshot(paths),
    });
    return this;
  }

  /** @internal Reads the requested properties now (inside a sync) and returns how to hand them to the proxy. */
  _snapshot(paths: string[] | null): Commit {
    const target = this._target();
    const own: string[] = [];
    const children = new Map<string, string[] | null>();
    if (paths === null) own.push(...this._scalars);
    else {
      for (const path of paths) {
        const [head, ...rest] = path.split('/');
        if (this._navigation.includes(head)) {
          const sub = rest.length ? [rest.join('/')] : null;
          const existing = children.get(head);
          children.set(head, existing === undefined ? sub : existing === null || sub === null ? null : [...existing, ...sub]);
        } else if (this._scalars.includes(head) || this._extraScalars.includes(head)) {
          if (rest.length) throw officeError('InvalidArgument', `${this._type}.load`);
          own.push(head);
        } else {
          throw officeError('InvalidArgument', `${this._type}.load`, `The property '${head}' does not exist on ${this._type}.`);
        }
      }
    }
    if (target === null) {
      return {
        responseBytes: 4,
        apply: () => {
          this._isNull = true;
        },
      };
    }
    const values: Record<string, unknown> = {};
    for (const property of own) values[property] = this._read(target, property);
    const commits = [...children].map(([name, sub]) => this._navProxy(name)._snapshot(sub));
    return {
      responseBytes: jsonBytes(values) + commits.reduce((sum, c) => sum + c.responseBytes, 0),
      apply: () => {
        this._isNull = false;
        for (const [property, value] of Object.entries(values)) this._loaded.set(property, value);
        for (const commit of commits) commit.apply();
      },
    };
  }

  /** Loadable properties that a plain `load()` leaves out (large ones such as RangeAreas.areas). */
  protected get _extraScalars(): readonly string[] {
    return [];
  }

  /** Sets several properties at once. */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      if (value && typeof value === 'object' && !Array.isArray(value) && this._navigation.includes(key)) {
        (this._navProxy(key) as ProxyBase<unknown>).set(value as Record<string, unknown>);
      } else {
        (this as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = Object.fromEntries(this._loaded);
    for (const [name, child] of this._navCache) {
      const data = child.toJSON();
      if (Object.keys(data).length) json[name] = data;
    }
    return json;
  }
}

export class ClientResult<T> {
  private _value: T | typeof NOT_LOADED = NOT_LOADED;

  get value(): T {
    if (this._value === NOT_LOADED) throw officeError('ValueNotLoaded');
    return this._value;
  }

  /** @internal */
  _set(value: T): void {
    this._value = value;
  }
}

/** A collection proxy: `items` after loading, `load('name')` loading the items' property. */
abstract class CollectionProxy<M, P extends ProxyBase<M>, T> extends ProxyBase<T> {
  private _items: P[] | undefined;

  protected abstract _models(target: T): M[];
  protected abstract _item(model: M): P;
  protected abstract get _itemScalars(): readonly string[];

  protected get _scalars(): readonly string[] {
    return [];
  }

  protected _read(): unknown {
    return undefined;
  }

  get items(): P[] {
    if (this._isNull) return [];
    if (!this._items) throw propertyNotLoaded('items');
    return this._items;
  }

  override _snapshot(paths: string[] | null): Commit {
    const target = this._target();
    if (target === null) return { responseBytes: 4, apply: () => (this._isNull = true) };
    const itemPaths =
      paths === null
        ? null
        : paths.map((path) => (path === 'items' ? '*' : path.startsWith('items/') ? path.slice(6) : path));
    const sub = itemPaths === null || itemPaths.includes('*') ? null : itemPaths;
    const proxies = this._models(target).map((model) => this._item(model));
    const commits = proxies.map((proxy) => proxy._snapshot(sub));
    return {
      responseBytes: commits.reduce((sum, c) => sum + c.responseBytes, 2),
      apply: () => {
        this._isNull = false;
        this._items = proxies;
        for (const commit of commits) commit.apply();
      },
    };
  }

  getCount(): ClientResult<number> {
    return this._result('getCount', [], (target) => this._models(target).length);
  }

  override toJSON(): Record<string, unknown> {
    return this._items ? { items: this._items.map((item) => item.toJSON()) } : {};
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook, application, collections

export class WorkbookProxy extends ProxyBase<SimWorkbook> {
  get _type() {
    return 'Workbook';
  }
  protected get _scalars() {
    return ['name'];
  }
  protected override get _navigation() {
    return ['protection'];
  }
  protected _read(target: SimWorkbook, property: string): unknown {
    if (property === 'name') return target.name;
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  get worksheets(): WorksheetCollectionProxy {
    return this._nav('worksheets', () => new WorksheetCollectionProxy(this.context, () => this._target()));
  }
  get tables(): TableCollectionProxy {
    return this._nav('tables', () => new TableCollectionProxy(this.context, () => this._target(), null));
  }
  get notes(): NoteCollectionProxy {
    return this._nav('notes', () => new NoteCollectionProxy(this.context, () => this._target(), null));
  }
  get protection(): WorkbookProtectionProxy {
    return this._nav('protection', () => new WorkbookProtectionProxy(this.context, () => this._target()));
  }
  get application(): ApplicationProxy {
    return this.context.application;
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const selection = this._target()!.currentSelection();
      if (!selection) throw officeError('ItemNotFound', 'Workbook.getSelectedRange');
      return { sheet: selection.sheet, rect: selection.rect };
    });
  }
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const selection = this._target()!.currentSelection();
      if (!selection) throw officeError('ItemNotFound', 'Workbook.getActiveCell');
      return { sheet: selection.sheet, rect: { row: selection.rect.row, column: selection.rect.column, rows: 1, columns: 1 } };
    });
  }
}

export class WorkbookProtectionProxy extends ProxyBase<SimWorkbook> {
  get _type() {
    return 'WorkbookProtection';
  }
  protected get _scalars() {
    return ['protected'];
  }
  protected _read(target: SimWorkbook): unknown {
    return target.structureProtected;
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(_password?: string): void {
    this._call('protect', [], (target) => (target.structureProtected = true));
  }
  unprotect(_password?: string): void {
    this._call('unprotect', [], (target) => (target.structureProtected = false));
  }
}

export class ApplicationProxy extends ProxyBase<SimWorkbook> {
  get _type() {
    return 'Application';
  }
  protected get _scalars() {
    return ['calculationMode'];
  }
  protected _read(): unknown {
    return 'Automatic';
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call('suspendScreenUpdatingUntilNextSync', [], () => this.context._requires('1.9', 'Application.suspendScreenUpdatingUntilNextSync'));
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call('suspendApiCalculationUntilNextSync', [], () => undefined);
  }
}

export class WorksheetCollectionProxy extends CollectionProxy<SimWorksheet, WorksheetProxy, SimWorkbook> {
  get _type() {
    return 'WorksheetCollection';
  }
  protected get _itemScalars() {
    return WORKSHEET_SCALARS;
  }
  protected _models(target: SimWorkbook): SimWorksheet[] {
    return [...target.sheets];
  }
  protected _item(model: SimWorksheet): WorksheetProxy {
    return worksheetById(this.context, model.id);
  }
  private _find(key: string): SimWorksheet | undefined {
    const workbook = this._target()!;
    return workbook.sheet(key) ?? workbook.sheetById(key);
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const sheet = this._find(key);
      if (!sheet) throw officeError('ItemNotFound', 'WorksheetCollection.getItem');
      return sheet;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this._find(key) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const sheet = this._target()!.activeSheet;
      if (!sheet) throw officeError('ItemNotFound', 'WorksheetCollection.getActiveWorksheet');
      return sheet;
    });
  }
  getFirst(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const sheets = this._target()!.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible');
      if (!sheets[0]) throw officeError('ItemNotFound', 'WorksheetCollection.getFirst');
      return sheets[0];
    });
  }
  /** Adds a sheet at the end; the new sheet is not activated. */
  add(name?: string): WorksheetProxy {
    let created: SimWorksheet | undefined;
    this._call('add', [name], (workbook) => {
      created = workbook.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => {
      if (!created) throw officeError('ItemNotFound', 'WorksheetCollection.add');
      return created;
    });
  }
}

function worksheetById(context: SimRequestContext, id: string): WorksheetProxy {
  return new WorksheetProxy(context, () => {
    const sheet = context._host.workbook.sheetById(id);
    if (!sheet) throw officeError('ItemNotFound', 'Worksheet');
    return sheet;
  });
}

const WORKSHEET_SCALARS = ['id', 'name', 'position', 'visibility', 'tabColor'] as const;

/**
 * Throws AccessDenied for a change a protected sheet does not allow: contents of locked cells (unlocked cells of
 * `rects` may be edited, as in Excel), formats unless allowFormatCells, objects unless allowEditObjects.
 */
function checkWritable(
  sheet: SimWorksheet,
  label: string,
  kind: 'contents' | 'format' | 'objects' = 'contents',
  rects?: readonly Rect[],
): void {
  if (sheet.deleted) throw officeError('InvalidReference', label);
  if (!sheet.protection.protected) return;
  if (kind === 'contents' && rects && rects.every((rect) => sheet.lockedState(rect) === false)) return;
  if (kind === 'format' && sheet.protection.options.allowFormatCells) return;
  if (kind === 'objects' && sheet.protection.options.allowEditObjects) return;
  throw officeError(
    'AccessDenied',
    label,
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
  );
}

export class WorksheetProxy extends ProxyBase<SimWorksheet> {
  get _type() {
    return 'Worksheet';
  }
  protected get _scalars() {
    return WORKSHEET_SCALARS;
  }
  protected override get _navigation() {
    return ['protection', 'autoFilter', 'freezePanes'];
  }
  override _target(): SimWorksheet | null {
    const sheet = super._target();
    if (sheet?.deleted) throw officeError('ItemNotFound', 'Worksheet');
    return sheet;
  }
  protected _read(target: SimWorksheet, property: string): unknown {
    switch (property) {
      case 'id':
        return target.id;
      case 'name':
        return target.name;
      case 'position':
        return target.position;
      case 'visibility':
        return target.visibility;
      case 'tabColor':
        return '';
    }
    return undefined;
  }
  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    this._set('name', value, (sheet) => sheet.workbook.renameSheet(sheet, value));
  }
  get position(): number {
    return this._get('position');
  }
  set position(value: number) {
    this._set('position', value, (sheet) => {
      const sheets = sheet.workbook.sheets;
      if (value < 0 || value >= sheets.length) throw officeError('InvalidArgument', 'Worksheet.position');
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }
  get visibility(): SheetVisibility {
    return this._get('visibility');
  }
  set visibility(value: SheetVisibility) {
    this._set('visibility', value, (sheet) => {
      const fault = this.context._host.faults.visibility;
      if (fault) throw officeError(fault, 'Worksheet.visibility');
      sheet.workbook.setVisibility(sheet, value);
    });
  }
  get protection(): WorksheetProtectionProxy {
    return this._nav('protection', () => new WorksheetProtectionProxy(this.context, () => this._target()));
  }
  get autoFilter(): AutoFilterProxy {
    return this._nav('autoFilter', () => new AutoFilterProxy(this.context, () => this._target()));
  }
  get freezePanes(): FreezePanesProxy {
    return this._nav('freezePanes', () => new FreezePanesProxy(this.context, () => this._target()));
  }
  get tables(): TableCollectionProxy {
    return this._nav('tables', () => new TableCollectionProxy(this.context, () => this._target()?.workbook ?? null, () => this._target()));
  }
  get notes(): NoteCollectionProxy {
    return this._nav('notes', () => new NoteCollectionProxy(this.context, () => this._target()?.workbook ?? null, () => this._target()));
  }
  activate(): void {
    this._call('activate', [], (sheet) => {
      if (sheet.visibility !== 'Visible') throw officeError('InvalidOperation', 'Worksheet.activate');
      sheet.workbook.activeSheetId = sheet.id;
    });
  }
  delete(): void {
    this._call('delete', [], (sheet) => sheet.workbook.deleteSheet(sheet));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this._target();
      if (!sheet) return null;
      if (address === undefined || address === '') return { sheet, rect: { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } };
      const parsed = parseAddress(address);
      if (!parsed || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw officeError('InvalidArgument', 'Worksheet.getRange');
      }
      return { sheet, rect: parsed.rect };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this._target();
      if (!sheet) return null;
      const rect = { row: startRow, column: startColumn, rows: rowCount, columns: columnCount };
      checkRect(rect, 'Worksheet.getRangeByIndexes');
      return { sheet, rect };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /** RangeAreas from a comma-separated address list ("A1:B2, C5"); ExcelApi 1.9. */
  getRanges(address?: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      this.context._requires('1.9', 'Worksheet.getRanges');
      const sheet = this._target();
      if (!sheet) return null;
      const list = address ?? '';
      if (list.length > ADDRESS_LIST_LIMIT) throw officeError('InvalidArgument', 'Worksheet.getRanges');
      const rects = splitAddressList(list).map((part) => {
        const parsed = parseAddress(part);
        if (!parsed || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
          throw officeError('InvalidArgument', 'Worksheet.getRanges');
        }
        return parsed.rect;
      });
      if (rects.length === 0) throw officeError('InvalidArgument', 'Worksheet.getRanges');
      return { sheet, rects };
    });
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this._target();
      if (!sheet) return null;
      // A blank sheet's used range is A1.
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this._target();
        const rect = sheet?.usedRect(valuesOnly);
        return sheet && rect ? { sheet, rect } : null;
      },
      true,
    );
  }
}

function checkRect(rect: Rect, label: string): void {
  if (
    !Number.isInteger(rect.row) ||
    !Number.isInteger(rect.column) ||
    !Number.isInteger(rect.rows) ||
    !Number.isInteger(rect.columns) ||
    rect.row < 0 ||
    rect.column < 0 ||
    rect.rows < 1 ||
    rect.columns < 1 ||
    rect.row + rect.rows > MAX_ROWS ||
    rect.column + rect.columns > MAX_COLUMNS
  ) {
    throw officeError('InvalidArgument', label);
  }
}

export class WorksheetProtectionProxy extends ProxyBase<SimWorksheet> {
  get _type() {
    return 'WorksheetProtection';
  }
  protected get _scalars() {
    return ['protected', 'options'];
  }
  protected _read(sheet: SimWorksheet, property: string): unknown {
    return property === 'protected' ? sheet.protection.protected : { ...sheet.protection.options };
  }
  get protected(): boolean {
    return this._get('protected');
  }
  get options(): Record<string, boolean> {
    return this._get('options');
  }
  protect(options?: Record<string, boolean>, password?: string): void {
    this._call('protect', [options ?? null], (sheet) => {
      const fault = this.context._host.faults.protect;
      if (fault) throw officeError(fault, 'WorksheetProtection.protect');
      if (sheet.protection.protected) throw officeError('InvalidOperation', 'WorksheetProtection.protect');
      sheet.protection.protected = true;
      sheet.protection.options = { ...sheet.protection.options, ...(options ?? {}) };
      sheet.protection.password = password;
    });
  }
  unprotect(password?: string): void {
    this._call('unprotect', [], (sheet) => {
      const fault = this.context._host.faults.unprotect;
      if (fault) throw officeError(fault, 'WorksheetProtection.unprotect');
      if (!sheet.protection.protected) return;
      if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
        throw officeError('InvalidArgument', 'WorksheetProtection.unprotect');
      }
      sheet.protection.protected = false;
      sheet.protection.password = undefined;
    });
  }
}

export class AutoFilterProxy extends ProxyBase<SimWorksheet> {
  get _type() {
    return 'AutoFilter';
  }
  protected get _scalars() {
    return ['enabled', 'isDataFiltered'];
  }
  protected _read(sheet: SimWorksheet, property: string): unknown {
    this.context._requires('1.9', 'AutoFilter');
    return property === 'enabled' ? sheet.autoFilter !== null : sheet.autoFilter?.filtered === true;
  }
  get enabled(): boolean {
    return this._get('enabled');
  }
  get isDataFiltered(): boolean {
    return this._get('isDataFiltered');
  }
}

export class FreezePanesProxy extends ProxyBase<SimWorksheet> {
  get _type() {
    return 'WorksheetFreezePanes';
  }
  protected get _scalars() {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this._call('freezeRows', [count], (sheet) => {
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this._call('freezeColumns', [count], (sheet) => {
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], (sheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: SimWorksheet;
  rect: Rect;
}

interface AreasTarget {
  sheet: SimWorksheet;
  rects: Rect[];
}

function grid<V>(rect: Rect, cell: (row: number, column: number) => V): V[][] {
  const out: V[][] = new Array(rect.rows);
  for (let r = 0; r < rect.rows; r++) {
    const row: V[] = new Array(rect.columns);
    for (let c = 0; c < rect.columns; c++) row[c] = cell(rect.row + r, rect.column + c);
    out[r] = row;
  }
  return out;
}

/** Fails a read that cannot fit Excel's limits before building it. */
function checkReadSize(context: SimRequestContext, rect: Rect, label: string, minBytesPerCell = 3): void {
  const cells = cellCount(rect);
  if (cells > READ_CELL_LIMIT || cells * minBytesPerCell > context._host.payloadLimit) {
    throw officeError(cells > READ_CELL_LIMIT ? 'InvalidOperation' : 'ResponsePayloadSizeLimitExceeded', label);
  }
}

function hiddenState(count: number, total: number): boolean | null {
  if (count === 0) return false;
  return count === total ? true : null;
}

function countIn(set: Set<number>, start: number, length: number): number {
  if (length < set.size) {
    let n = 0;
    for (let i = start; i < start + length; i++) if (set.has(i)) n++;
    return n;
  }
  let n = 0;
  for (const i of set) if (i >= start && i < start + length) n++;
  return n;
}

/** Applies a 2-D input (or a single value for every cell) to each cell of rect. */
function forEachInput(rect: Rect, input: unknown, label: string, fn: (row: number, column: number, value: unknown) => void): void {
  if (Array.isArray(input)) {
    if (input.length !== rect.rows || input.some((row) => !Array.isArray(row) || row.length !== rect.columns)) {
      throw officeError(
        'InvalidArgument',
        label,
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
    for (let r = 0; r < rect.rows; r++) {
      const row = input[r] as unknown[];
      for (let c = 0; c < rect.columns; c++) fn(rect.row + r, rect.column + c, row[c]);
    }
  } else {
    if (cellCount(rect) > 2_000_000) throw officeError('NotImplemented', label, 'The simulator does not write to more than 2,000,000 cells at once.');
    for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.columns; c++) fn(rect.row + r, rect.column + c, input);
  }
}

function writeInput(sheet: SimWorksheet, row: number, column: number, input: unknown): void {
  const written = interpretInput(input, sheet.numberFormat(row, column));
  if (written.kind === 'skip') return;
  if (written.kind === 'formula') sheet.setFormula(row, column, written.formula, written.result);
  else sheet.setValue(row, column, written.value);
}

const RANGE_SCALARS = [
  'address',
  'addressLocal',
  'rowIndex',
  'columnIndex',
  'rowCount',
  'columnCount',
  'cellCount',
  'values',
  'valueTypes',
  'numberFormat',
  'text',
  'formulas',
  'rowHidden',
  'columnHidden',
  'isEntireRow',
  'isEntireColumn',
] as const;

export class RangeProxy extends ProxyBase<RangeTarget> {
  get _type() {
    return 'Range';
  }
  protected get _scalars() {
    return RANGE_SCALARS;
  }
  protected override get _navigation() {
    return ['format', 'worksheet'];
  }
  override _target(): RangeTarget | null {
    const target = super._target();
    if (target?.sheet.deleted) throw officeError('InvalidReference', 'Range');
    return target;
  }
  protected _read(target: RangeTarget, property: string): unknown {
    const { sheet, rect } = target;
    const label = `Range.${property}`;
    switch (property) {
      case 'address':
      case 'addressLocal':
        return formatAddress(sheet.name, rect);
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      case 'cellCount':
        return cellCount(rect);
      case 'isEntireRow':
        return rect.column === 0 && rect.columns === MAX_COLUMNS;
      case 'isEntireColumn':
        return rect.row === 0 && rect.rows === MAX_ROWS;
      case 'values':
        checkReadSize(this.context, rect, label);
        return grid(rect, (r, c) => outputValue(sheet.value(r, c)));
      case 'valueTypes':
        checkReadSize(this.context, rect, label, 8);
        return grid(rect, (r, c) => valueType(sheet.value(r, c)));
      case 'numberFormat':
        checkReadSize(this.context, rect, label, 10);
        return grid(rect, (r, c) => sheet.numberFormat(r, c));
      case 'text':
        checkReadSize(this.context, rect, label);
        return grid(rect, (r, c) => formatText(sheet.value(r, c), sheet.numberFormat(r, c)));
      case 'formulas':
        checkReadSize(this.context, rect, label);
        return grid(rect, (r, c) => sheet.formulas.get(cellKey(r, c)) ?? outputValue(sheet.value(r, c)));
      case 'rowHidden':
        return hiddenState(countIn(sheet.hiddenRows, rect.row, rect.rows), rect.rows);
      case 'columnHidden':
        return hiddenState(countIn(sheet.hiddenColumns, rect.column, rect.columns), rect.columns);
    }
    return undefined;
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(input: unknown[][]) {
    this._set('values', input, ({ sheet, rect }) => {
      checkWritable(sheet, 'Range.values', 'contents', [rect]);
      forEachInput(rect, input, 'Range.values', (r, c, value) => writeInput(sheet, r, c, value));
    });
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(input: unknown[][]) {
    this._set('formulas', input, ({ sheet, rect }) => {
      checkWritable(sheet, 'Range.formulas', 'contents', [rect]);
      forEachInput(rect, input, 'Range.formulas', (r, c, value) => writeInput(sheet, r, c, value));
    });
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(input: string[][]) {
    this._set('numberFormat', input, ({ sheet, rect }) => {
      checkWritable(sheet, 'Range.numberFormat', 'format');
      forEachInput(rect, input, 'Range.numberFormat', (r, c, value) => {
        if (value !== null && value !== undefined) sheet.setNumberFormat(r, c, String(value));
      });
    });
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get rowHidden(): boolean {
    return this._get('rowHidden');
  }
  set rowHidden(hidden: boolean) {
    this._set('rowHidden', hidden, ({ sheet, rect }) => {
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        if (hidden) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }
  get columnHidden(): boolean {
    return this._get('columnHidden');
  }
  set columnHidden(hidden: boolean) {
    this._set('columnHidden', hidden, ({ sheet, rect }) => {
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  get format(): RangeFormatProxy {
    return this._nav('format', () => new RangeFormatProxy(this.context, () => areasOf(this._target())));
  }
  get worksheet(): WorksheetProxy {
    return this._nav('worksheet', () => new WorksheetProxy(this.context, () => this._target()?.sheet ?? null));
  }

  private _derived(label: string, derive: (target: RangeTarget) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const target = this._target();
        if (!target) return null;
        const rect = derive(target);
        if (rect === null) {
          if (nullable) return null;
          throw officeError('ItemNotFound', label);
        }
        checkRect(rect, label);
        return { sheet: target.sheet, rect };
      },
      nullable,
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derived('Range.getCell', ({ rect }) => ({ row: rect.row + row, column: rect.column + column, rows: 1, columns: 1 }));
  }
  getRow(row: number): RangeProxy {
    return this._derived('Range.getRow', ({ rect }) => ({ row: rect.row + row, column: rect.column, rows: 1, columns: rect.columns }));
  }
  getColumn(column: number): RangeProxy {
    return this._derived('Range.getColumn', ({ rect }) => ({ row: rect.row, column: rect.column + column, rows: rect.rows, columns: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derived('Range.getResizedRange', ({ rect }) => ({
      ...rect,
      rows: rect.rows + deltaRows,
      columns: rect.columns + deltaColumns,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derived('Range.getOffsetRange', ({ rect }) => ({ ...rect, row: rect.row + rowOffset, column: rect.column + columnOffset }));
  }
  getEntireRow(): RangeProxy {
    return this._derived('Range.getEntireRow', ({ rect }) => ({ row: rect.row, column: 0, rows: rect.rows, columns: MAX_COLUMNS }));
  }
  getEntireColumn(): RangeProxy {
    return this._derived('Range.getEntireColumn', ({ rect }) => ({ row: 0, column: rect.column, rows: MAX_ROWS, columns: rect.columns }));
  }
  getLastRow(): RangeProxy {
    return this._derived('Range.getLastRow', ({ rect }) => ({ ...rect, row: rect.row + rect.rows - 1, rows: 1 }));
  }
  getLastColumn(): RangeProxy {
    return this._derived('Range.getLastColumn', ({ rect }) => ({ ...rect, column: rect.column + rect.columns - 1, columns: 1 }));
  }
  private _otherRect(other: RangeProxy | string, sheet: SimWorksheet, label: string): Rect {
    if (typeof other === 'string') {
      const parsed = parseAddress(other);
      if (!parsed) throw officeError('InvalidArgument', label);
      return parsed.rect;
    }
    this._checkContext(other);
    const target = other._target();
    if (!target || target.sheet !== sheet) throw officeError('InvalidArgument', label);
    return target.rect;
  }
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this._derived('Range.getBoundingRect', ({ sheet, rect }) => boundingRect(rect, this._otherRect(other, sheet, 'Range.getBoundingRect')));
  }
  getIntersection(other: RangeProxy | string): RangeProxy {
    return this._derived('Range.getIntersection', ({ sheet, rect }) => intersect(rect, this._otherRect(other, sheet, 'Range.getIntersection')) ?? null);
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this._derived(
      'Range.getIntersectionOrNullObject',
      ({ sheet, rect }) => intersect(rect, this._otherRect(other, sheet, 'Range.getIntersectionOrNullObject')) ?? null,
      true,
    );
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this._derived('Range.getUsedRange', ({ sheet, rect }) => {
      const used = sheet.usedRect(valuesOnly);
      return (used && intersect(used, rect)) ?? null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this._derived(
      'Range.getUsedRangeOrNullObject',
      ({ sheet, rect }) => {
        const used = sheet.usedRect(valuesOnly);
        return (used && intersect(used, rect)) ?? null;
      },
      true,
    );
  }

  select(): void {
    this._call('select', [], ({ sheet, rect }) => {
      if (sheet.visibility !== 'Visible') throw officeError('InvalidOperation', 'Range.select');
      sheet.workbook.activeSheetId = sheet.id;
      sheet.workbook.selection = { sheetId: sheet.id, rect };
    });
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' | 'Hyperlinks' | 'RemoveHyperlinks' = 'All'): void {
    this._call('clear', [applyTo], ({ sheet, rect }) => {
      if (applyTo !== 'Formats') checkWritable(sheet, 'Range.clear', 'contents', [rect]);
      if (applyTo === 'All' || applyTo === 'Formats') checkWritable(sheet, 'Range.clear', 'format');
      sheet.clear(rect, applyTo);
    });
  }

  /** Per-cell format properties; ExcelApi 1.9. Supports address, format.fill.*, format.font.bold and hidden. */
  getCellProperties(options: Record<string, unknown>): ClientResult<Record<string, unknown>[][]> {
    return this._result('getCellProperties', [options], ({ sheet, rect }) => {
      this.context._requires('1.9', 'Range.getCellProperties');
      checkReadSize(this.context, rect, 'Range.getCellProperties', 20);
      return grid(rect, (r, c) => cellProperties(sheet, r, c, options));
    });
  }

  setCellProperties(properties: Record<string, unknown>[][]): void {
    this._call('setCellProperties', [properties], ({ sheet, rect }) => {
      this.context._requires('1.9', 'Range.setCellProperties');
      checkWritable(sheet, 'Range.setCellProperties', 'format');
      forEachInput(rect, properties, 'Range.setCellProperties', (r, c, value) => applyCellProperties(sheet, r, c, value));
    });
  }

  /** Per-row properties; ExcelApi 1.9. Supports rowIndex, rowHidden and address. */
  getRowProperties(options: Record<string, unknown>): ClientResult<Record<string, unknown>[]> {
    return this._result('getRowProperties', [options], ({ sheet, rect }) => {
      this.context._requires('1.9', 'Range.getRowProperties');
      const rows: Record<string, unknown>[] = [];
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        const props: Record<string, unknown> = {};
        if (options.rowIndex) props.rowIndex = r;
        if (options.rowHidden) props.rowHidden = sheet.hiddenRows.has(r);
        if (options.address) props.address = formatAddress(sheet.name, { row: r, column: rect.column, rows: 1, columns: rect.columns });
        rows.push(props);
      }
      return rows;
    });
  }

  /** Per-column properties; ExcelApi 1.9. Supports columnIndex, columnHidden and address. */
  getColumnProperties(options: Record<string, unknown>): ClientResult<Record<string, unknown>[]> {
    return this._result('getColumnProperties', [options], ({ sheet, rect }) => {
      this.context._requires('1.9', 'Range.getColumnProperties');
      const columns: Record<string, unknown>[] = [];
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        const props: Record<string, unknown> = {};
        if (options.columnIndex) props.columnIndex = c;
        if (options.columnHidden) props.columnHidden = sheet.hiddenColumns.has(c);
        if (options.address) props.address = formatAddress(sheet.name, { row: rect.row, column: c, rows: rect.rows, columns: 1 });
        columns.push(props);
      }
      return columns;
    });
  }

  private _special(cellType: string, valueType: string | undefined, nullable: boolean): RangeAreasProxy {
    const label = nullable ? 'Range.getSpecialCellsOrNullObject' : 'Range.getSpecialCells';
    return new RangeAreasProxy(
      this.context,
      () => {
        this.context._requires('1.9', label);
        const target = this._target();
        if (!target) return null;
        const rects = specialCells(target, cellType, valueType, label);
        if (rects.length === 0) {
          if (nullable) return null;
          throw officeError('ItemNotFound', label, 'No cells were found.');
        }
        return { sheet: target.sheet, rects };
      },
      nullable,
    );
  }
  getSpecialCells(cellType: string, cellValueType?: string): RangeAreasProxy {
    return this._special(cellType, cellValueType, false);
  }
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreasProxy {
    return this._special(cellType, cellValueType, true);
  }
  /** Merged areas in the range; ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      () => {
        this.context._requires('1.13', 'Range.getMergedAreasOrNullObject');
        const target = this._target();
        if (!target) return null;
        const merges = target.sheet.mergesIn(target.rect);
        return merges.length ? { sheet: target.sheet, rects: merges } : null;
      },
      true,
    );
  }
  merge(across = false): void {
    this._call('merge', [across], ({ sheet, rect }) => {
      checkWritable(sheet, 'Range.merge', 'format');
      const parts = across
        ? Array.from({ length: rect.rows }, (_, i) => ({ ...rect, row: rect.row + i, rows: 1 }))
        : [rect];
      for (const part of parts) {
        if (cellCount(part) > 1) {
          sheet.merges = sheet.merges.filter((m) => !intersect(m, part));
          sheet.merges.push(part);
        }
      }
    });
  }
  unmerge(): void {
    this._call('unmerge', [], ({ sheet, rect }) => {
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    });
  }
}

function areasOf(target: RangeTarget | null): AreasTarget | null {
  return target ? { sheet: target.sheet, rects: [target.rect] } : null;
}

function cellProperties(sheet: SimWorksheet, row: number, column: number, options: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (options.address) props.address = formatAddress(sheet.name, { row, column, rows: 1, columns: 1 });
  if (options.hidden) props.hidden = sheet.hiddenRows.has(row) || sheet.hiddenColumns.has(column);
  const format = options.format as Record<string, unknown> | undefined;
  if (format) {
    const out: Record<string, unknown> = {};
    const fillOptions = format.fill as Record<string, boolean> | boolean | undefined;
    if (fillOptions) {
      const all = fillOptions === true;
      const want = (key: string) => all || (fillOptions as Record<string, boolean>)[key];
      const fill = sheet.fill(row, column);
      const outFill: Record<string, unknown> = {};
      if (want('color')) outFill.color = fill ? fill.color : '#FFFFFF';
      if (want('pattern')) outFill.pattern = fill ? fill.pattern : 'None';
      if (want('patternColor')) outFill.patternColor = fill?.patternColor ?? '#000000';
      if (want('tintAndShade')) outFill.tintAndShade = 0;
      if (want('patternTintAndShade')) outFill.patternTintAndShade = 0;
      out.fill = outFill;
    }
    const fontOptions = format.font as Record<string, boolean> | boolean | undefined;
    if (fontOptions) {
      const bold = sheet.bold.get(cellKey(row, column)) === true;
      out.font = fontOptions === true || fontOptions.bold ? { bold } : {};
    }
    props.format = out;
  }
  return props;
}

function applyCellProperties(sheet: SimWorksheet, row: number, column: number, value: unknown): void {
  if (!value || typeof value !== 'object') return;
  const format = (value as { format?: { fill?: Record<string, unknown>; font?: { bold?: boolean } } }).format;
  const fill = format?.fill;
  if (fill) applyFill(sheet, row, column, fill);
  if (format?.font && typeof format.font.bold === 'boolean') {
    if (format.font.bold) sheet.bold.set(cellKey(row, column), true);
    else sheet.bold.delete(cellKey(row, column));
    sheet.touch();
  }
}

/** Applies fill properties to a cell as Excel does: a colour makes an unfilled cell solid; pattern None clears. */
function applyFill(sheet: SimWorksheet, row: number, column: number, fill: Record<string, unknown>): void {
  const current = sheet.fill(row, column);
  let next: SimFill | undefined = current ? { ...current } : undefined;
  if (typeof fill.color === 'string') {
    const color = normaliseColor(fill.color);
    if (!color) throw officeError('InvalidArgument', 'RangeFill.color');
    next = { pattern: next?.pattern ?? 'Solid', color, patternColor: next?.patternColor ?? null };
  }
  if (typeof fill.pattern === 'string') {
    if (fill.pattern === 'None') next = undefined;
    else next = { pattern: fill.pattern, color: next?.color ?? '#FFFFFF', patternColor: next?.patternColor ?? null };
  }
  if (typeof fill.patternColor === 'string' && next) {
    const color = normaliseColor(fill.patternColor);
    if (!color) throw officeError('InvalidArgument', 'RangeFill.patternColor');
    next.patternColor = color;
  }
  sheet.setFill(row, column, next);
}

function matchesValueType(value: unknown, valueType: string | undefined): boolean {
  if (!valueType || valueType === 'All') return true;
  const kinds = {
    Errors: isErrorValue(value),
    Logical: typeof value === 'boolean',
    Numbers: typeof value === 'number',
    Text: typeof value === 'string',
  };
  return Object.entries(kinds).some(([kind, is]) => is && valueType.includes(kind === 'Numbers' ? 'Number' : kind));
}

function specialCells(target: RangeTarget, cellType: string, valueType: string | undefined, label: string): Rect[] {
  const { sheet, rect } = target;
  const used = sheet.usedRect(false);
  const area = used ? intersect(used, rect) : undefined;
  if (!area) return [];
  switch (cellType) {
    case 'Formulas':
      return cellsToRects(
        sheet.keysIn(sheet.formulas, area).filter((key) => matchesValueType(sheet.value(keyRow(key), keyColumn(key)), valueType)),
      );
    case 'Constants': {
      const keys: number[] = [];
      sheet.forEachValue(area, (r, c, value) => {
        if (!sheet.formulas.has(cellKey(r, c)) && matchesValueType(value, valueType)) keys.push(cellKey(r, c));
      });
      return cellsToRects(keys);
    }
    case 'Blanks': {
      const keys: number[] = [];
      for (let r = area.row; r < area.row + area.rows; r++) {
        for (let c = area.column; c < area.column + area.columns; c++) {
          const value = sheet.value(r, c);
          if ((value === null || value === '') && !sheet.formulas.has(cellKey(r, c))) keys.push(cellKey(r, c));
        }
      }
      return cellsToRects(keys);
    }
    case 'Visible': {
      const rects: Rect[] = [];
      const columns: number[] = [];
      for (let c = rect.column; c < rect.column + rect.columns; c++) if (!sheet.hiddenColumns.has(c)) columns.push(c);
      let start = -1;
      for (let r = rect.row; r <= rect.row + rect.rows; r++) {
        const visible = r < rect.row + rect.rows && !sheet.hiddenRows.has(r);
        if (visible && start < 0) start = r;
        if (!visible && start >= 0) {
          for (const c of columns) rects.push({ row: start, column: c, rows: r - start, columns: 1 });
          start = -1;
        }
      }
      // Join neighbouring columns of the same row run.
      const keys: Rect[] = [];
      for (const part of rects.sort((a, b) => a.row - b.row || a.column - b.column)) {
        const last = keys[keys.length - 1];
        if (last && last.row === part.row && last.rows === part.rows && last.column + last.columns === part.column) last.columns++;
        else keys.push({ ...part });
      }
      return keys;
    }
  }
  throw officeError('NotImplemented', label, `The simulator does not implement special cells of type ${cellType}.`);
}

export class RangeFormatProxy extends ProxyBase<AreasTarget> {
  get _type() {
    return 'RangeFormat';
  }
  protected get _scalars() {
    return [];
  }
  protected override get _navigation() {
    return ['fill', 'font', 'protection'];
  }
  protected _read(): unknown {
    return undefined;
  }
  get fill(): RangeFillProxy {
    return this._nav('fill', () => new RangeFillProxy(this.context, () => this._target()));
  }
  get protection(): FormatProtectionProxy {
    return this._nav('protection', () => new FormatProtectionProxy(this.context, () => this._target()));
  }
  get font(): RangeFontProxy {
    return this._nav('font', () => new RangeFontProxy(this.context, () => this._target()));
  }
  autofitColumns(): void {
    this._call('autofitColumns', [], () => undefined);
  }
  autofitRows(): void {
    this._call('autofitRows', [], () => undefined);
  }
}

function forEachCell(target: AreasTarget, fn: (row: number, column: number) => void): void {
  for (const rect of target.rects) {
    if (cellCount(rect) > 2_000_000) throw officeError('NotImplemented', 'RangeFormat', 'The simulator does not format more than 2,000,000 cells at once.');
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.column; c < rect.column + rect.columns; c++) fn(r, c);
  }
}

/** The uniform value of a per-cell property over the areas, or null when mixed (as Excel reports formats). */
function uniform<V>(target: AreasTarget, storedKeys: number[], stored: (key: number) => V, unset: V): V | null {
  const total = target.rects.reduce((sum, rect) => sum + cellCount(rect), 0);
  let value: V | undefined;
  let count = 0;
  for (const key of storedKeys) {
    const v = stored(key);
    if (value === undefined) value = v;
    else if (value !== v) return null;
    count++;
  }
  if (count === 0) return unset;
  if (count < total && value !== unset) return null;
  return value ?? unset;
}

function keysInAreas<V>(target: AreasTarget, map: Map<number, V>): number[] {
  const keys = new Set<number>();
  for (const rect of target.rects) for (const key of target.sheet.keysIn(map, rect)) keys.add(key);
  return [...keys];
}

export class RangeFillProxy extends ProxyBase<AreasTarget> {
  get _type() {
    return 'RangeFill';
  }
  protected get _scalars() {
    return ['color', 'pattern', 'patternColor'];
  }
  protected _read(target: AreasTarget, property: string): unknown {
    const keys = keysInAreas(target, target.sheet.fills);
    const fill = (key: number) => target.sheet.fills.get(key)!;
    if (property === 'color') return uniform(target, keys, (k) => fill(k).color, '#FFFFFF');
    if (property === 'pattern') {
      this.context._requires('1.9', 'RangeFill.pattern');
      return uniform(target, keys, (k) => fill(k).pattern, 'None');
    }
    if (property === 'patternColor') return uniform(target, keys, (k) => fill(k).patternColor ?? '#000000', '#000000');
    return undefined;
  }
  get color(): string {
    return this._get('color');
  }
  set color(color: string) {
    this._set('color', color, (target) => {
      checkWritable(target.sheet, 'RangeFill.color', 'format');
      forEachCell(target, (r, c) => applyFill(target.sheet, r, c, { color }));
    });
  }
  get pattern(): string {
    return this._get('pattern');
  }
  set pattern(pattern: string) {
    this._set('pattern', pattern, (target) => {
      this.context._requires('1.9', 'RangeFill.pattern');
      checkWritable(target.sheet, 'RangeFill.pattern', 'format');
      forEachCell(target, (r, c) => applyFill(target.sheet, r, c, { pattern }));
    });
  }
  get patternColor(): string {
    return this._get('patternColor');
  }
  set patternColor(patternColor: string) {
    this._set('patternColor', patternColor, (target) => {
      this.context._requires('1.9', 'RangeFill.patternColor');
      checkWritable(target.sheet, 'RangeFill.patternColor', 'format');
      forEachCell(target, (r, c) => applyFill(target.sheet, r, c, { patternColor }));
    });
  }
  /** Removes the fill ("No Fill"). */
  clear(): void {
    this._call('clear', [], (target) => {
      checkWritable(target.sheet, 'RangeFill.clear', 'format');
      for (const key of keysInAreas(target, target.sheet.fills)) target.sheet.fills.delete(key);
      target.sheet.touch();
    });
  }
}

/** Range.format.protection (ExcelApi 1.2): whether cells are locked. Only an unprotected sheet's cells can change it. */
export class FormatProtectionProxy extends ProxyBase<AreasTarget> {
  get _type() {
    return 'FormatProtection';
  }
  protected get _scalars() {
    return ['locked', 'formulaHidden'];
  }
  protected _read(target: AreasTarget, property: string): unknown {
    if (property === 'formulaHidden') return false;
    const states = new Set(target.rects.map((rect) => target.sheet.lockedState(rect)));
    return states.size === 1 ? [...states][0] : null;
  }
  get locked(): boolean {
    return this._get('locked');
  }
  set locked(locked: boolean) {
    this._set('locked', locked, (target) => {
      if (target.sheet.protection.protected) {
        throw officeError('AccessDenied', 'FormatProtection.locked', "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.");
      }
      for (const rect of target.rects) target.sheet.setLocked(rect, locked === true);
      target.sheet.touch();
    });
  }
  get formulaHidden(): boolean {
    return this._get('formulaHidden');
  }
}

export class RangeFontProxy extends ProxyBase<AreasTarget> {
  get _type() {
    return 'RangeFont';
  }
  protected get _scalars() {
    return ['bold'];
  }
  protected _read(target: AreasTarget): unknown {
    const keys = keysInAreas(target, target.sheet.bold);
    return uniform(target, keys, () => true, false);
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(bold: boolean) {
    this._set('bold', bold, (target) => {
      checkWritable(target.sheet, 'RangeFont.bold', 'format');
      forEachCell(target, (r, c) => {
        if (bold) target.sheet.bold.set(cellKey(r, c), true);
        else target.sheet.bold.delete(cellKey(r, c));
      });
      target.sheet.touch();
    });
  }
}

export class RangeAreasProxy extends ProxyBase<AreasTarget> {
  get _type() {
    return 'RangeAreas';
  }
  protected get _scalars() {
    return ['address', 'addressLocal', 'areaCount', 'cellCount'];
  }
  protected override get _navigation() {
    return ['format', 'worksheet', 'areas'];
  }
  protected _read(target: AreasTarget, property: string): unknown {
    switch (property) {
      case 'address':
      case 'addressLocal':
        return target.rects.map((rect) => formatAddress(target.sheet.name, rect)).join(',');
      case 'areaCount':
        return target.rects.length;
      case 'cellCount':
        return target.rects.reduce((sum, rect) => sum + cellCount(rect), 0);
    }
    return undefined;
  }
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get format(): RangeFormatProxy {
    return this._nav('format', () => new RangeFormatProxy(this.context, () => this._target()));
  }
  get worksheet(): WorksheetProxy {
    return this._nav('worksheet', () => new WorksheetProxy(this.context, () => this._target()?.sheet ?? null));
  }
  get areas(): RangeCollectionProxy {
    return this._nav('areas', () => new RangeCollectionProxy(this.context, () => this._target()));
  }
  select(): void {
    this._call('select', [], ({ sheet, rects }) => {
      if (sheet.visibility !== 'Visible') throw officeError('InvalidOperation', 'RangeAreas.select');
      sheet.workbook.activeSheetId = sheet.id;
      sheet.workbook.selection = { sheetId: sheet.id, rect: rects[0] };
    });
  }
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this._call('clear', [applyTo], ({ sheet, rects }) => {
      if (applyTo !== 'Formats') checkWritable(sheet, 'RangeAreas.clear', 'contents', rects);
      if (applyTo === 'All' || applyTo === 'Formats') checkWritable(sheet, 'RangeAreas.clear', 'format');
      for (const rect of rects) sheet.clear(rect, applyTo);
    });
  }
}

export class RangeCollectionProxy extends CollectionProxy<RangeTarget, RangeProxy, AreasTarget> {
  get _type() {
    return 'RangeCollection';
  }
  protected get _itemScalars() {
    return RANGE_SCALARS;
  }
  protected _models(target: AreasTarget): RangeTarget[] {
    return target.rects.map((rect) => ({ sheet: target.sheet, rect }));
  }
  protected _item(model: RangeTarget): RangeProxy {
    return new RangeProxy(this.context, () => model);
  }
  getItemAt(index: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const target = this._target();
      if (!target) return null;
      const rect = target.rects[index];
      if (!rect) throw officeError('ItemNotFound', 'RangeCollection.getItemAt');
      return { sheet: target.sheet, rect };
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

export class TableCollectionProxy extends CollectionProxy<SimTable, TableProxy, SimWorkbook> {
  constructor(
    context: SimRequestContext,
    resolver: () => SimWorkbook | null,
    private readonly _sheet: (() => SimWorksheet | null) | null,
  ) {
    super(context, resolver);
  }
  get _type() {
    return 'TableCollection';
  }
  protected get _itemScalars() {
    return TABLE_SCALARS;
  }
  protected _models(workbook: SimWorkbook): SimTable[] {
    const sheet = this._sheet?.();
    return workbook.tables.filter((table) => !sheet || table.sheet === sheet);
  }
  protected _item(model: SimTable): TableProxy {
    return tableById(this.context, model.id);
  }
  private _find(key: string): SimTable | undefined {
    const lower = key.toLowerCase();
    const workbook = this._target();
    return workbook ? this._models(workbook).find((t) => t.name.toLowerCase() === lower || t.id === key) : undefined;
  }
  getItem(key: string): TableProxy {
    return new TableProxy(this.context, () => {
      const table = this._find(key);
      if (!table) throw officeError('ItemNotFound', 'TableCollection.getItem');
      return table;
    });
  }
  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, () => this._find(key) ?? null, true);
  }
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    if (address instanceof RangeProxy) this._checkContext(address);
    let created: SimTable | undefined;
    this._call('add', [typeof address === 'string' ? address : null, hasHeaders], (workbook) => {
      let sheet: SimWorksheet | null | undefined = this._sheet?.();
      let rect: Rect;
      if (typeof address === 'string') {
        const parsed = parseAddress(address);
        if (!parsed) throw officeError('InvalidArgument', 'TableCollection.add');
        if (parsed.sheet !== undefined) sheet = workbook.sheet(parsed.sheet);
        if (!sheet) throw officeError('InvalidArgument', 'TableCollection.add');
        rect = parsed.rect;
      } else {
        const target = address._target();
        if (!target) throw officeError('InvalidArgument', 'TableCollection.add');
        sheet = target.sheet;
        rect = target.rect;
      }
      checkWritable(sheet, 'TableCollection.add', 'objects');
      created = workbook.addTable(sheet, rect, hasHeaders);
      if (!hasHeaders) {
        // Excel inserts a header row above the data: Column1, Column2, …
        created.rect = { ...rect, row: Math.max(0, rect.row - 1), rows: rect.rows + (rect.row > 0 ? 1 : 0) };
      }
      created.showHeaders = true;
      const headerRow = created.rect.row;
      for (let c = 0; c < rect.columns; c++) {
        if (sheet.value(headerRow, rect.column + c) === null) sheet.setValue(headerRow, rect.column + c, `Column${c + 1}`);
      }
    });
    return new TableProxy(this.context, () => {
      if (!created) throw officeError('ItemNotFound', 'TableCollection.add');
      return created;
    });
  }
}

function tableById(context: SimRequestContext, id: string): TableProxy {
  return new TableProxy(context, () => {
    const table = context._host.workbook.tables.find((t) => t.id === id);
    if (!table) throw officeError('ItemNotFound', 'Table');
    return table;
  });
}

const TABLE_SCALARS = ['id', 'name', 'showHeaders'] as const;

export class TableProxy extends ProxyBase<SimTable> {
  get _type() {
    return 'Table';
  }
  protected get _scalars() {
    return TABLE_SCALARS;
  }
  protected override get _navigation() {
    return ['worksheet'];
  }
  protected _read(table: SimTable, property: string): unknown {
    if (property === 'id') return table.id;
    if (property === 'name') return table.name;
    if (property === 'showHeaders') return table.showHeaders;
    return undefined;
  }
  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(name: string) {
    this._set('name', name, (table) => {
      if (table.sheet.workbook.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase())) {
        throw officeError('ItemAlreadyExists', 'Table.name');
      }
      table.name = name;
    });
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  get worksheet(): WorksheetProxy {
    return this._nav('worksheet', () => new WorksheetProxy(this.context, () => this._target()?.sheet ?? null));
  }
  private _range(label: string, part: (table: SimTable) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, () => {
      const table = this._target();
      if (!table) return null;
      const rect = part(table);
      if (!rect) throw officeError('ItemNotFound', label);
      return { sheet: table.sheet, rect };
    });
  }
  getRange(): RangeProxy {
    return this._range('Table.getRange', (t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this._range('Table.getHeaderRowRange', (t) => (t.showHeaders ? { ...t.rect, rows: 1 } : null));
  }
  getDataBodyRange(): RangeProxy {
    return this._range('Table.getDataBodyRange', (t) =>
      t.showHeaders ? (t.rect.rows > 1 ? { ...t.rect, row: t.rect.row + 1, rows: t.rect.rows - 1 } : null) : t.rect,
    );
  }
  delete(): void {
    this._call('delete', [], (table) => {
      const tables = table.sheet.workbook.tables;
      tables.splice(tables.indexOf(table), 1);
      table.sheet.clear(table.rect, 'All');
    });
  }
  convertToRange(): RangeProxy {
    const range = this.getRange();
    this._call('convertToRange', [], (table) => {
      const tables = table.sheet.workbook.tables;
      tables.splice(tables.indexOf(table), 1);
    });
    return range;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18)

interface NoteTarget {
  sheet: SimWorksheet;
  key: number;
}

export class NoteCollectionProxy extends CollectionProxy<NoteTarget, NoteProxy, SimWorkbook> {
  constructor(
    context: SimRequestContext,
    resolver: () => SimWorkbook | null,
    private readonly _sheet: (() => SimWorksheet | null) | null,
  ) {
    super(context, resolver);
  }
  get _type() {
    return 'NoteCollection';
  }
  protected get _itemScalars() {
    return NOTE_SCALARS;
  }
  override _target(): SimWorkbook | null {
    this.context._requires('1.18', 'NoteCollection');
    return super._target();
  }
  protected _models(workbook: SimWorkbook): NoteTarget[] {
    const sheet = this._sheet?.();
    const sheets = sheet ? [sheet] : workbook.sheets;
    return sheets.flatMap((s) => [...s.notes.keys()].sort((a, b) => a - b).map((key) => ({ sheet: s, key })));
  }
  protected _item(model: NoteTarget): NoteProxy {
    return new NoteProxy(this.context, () => (model.sheet.notes.has(model.key) ? model : null));
  }
  /** Resolves "A1" (worksheet collection) or "Sheet1!A1" to one cell; InvalidArgument for anything else. */
  private _cell(address: RangeProxy | string, label: string): NoteTarget | null {
    const workbook = this._target();
    if (!workbook) return null;
    let sheet = this._sheet?.() ?? undefined;
    let rect: Rect;
    if (typeof address === 'string') {
      const { sheet: sheetName } = splitSheet(address);
      const parsed = parseAddress(address);
      if (!parsed) throw officeError('InvalidArgument', label, 'InvalidCellAddress');
      if (sheetName !== undefined) {
        const named = workbook.sheet(sheetName);
        if (!named || (sheet && named !== sheet)) throw officeError('InvalidArgument', label, 'InvalidCellAddress');
        sheet = named;
      }
      rect = parsed.rect;
    } else {
      this._checkContext(address);
      const target = address._target();
      if (!target) throw officeError('InvalidArgument', label);
      sheet = target.sheet;
      rect = target.rect;
    }
    if (!sheet || cellCount(rect) !== 1) throw officeError('InvalidArgument', label, 'InvalidCellAddress');
    return { sheet, key: cellKey(rect.row, rect.column) };
  }
  add(cellAddress: RangeProxy | string, content: string): NoteProxy {
    let created: NoteTarget | undefined;
    this._call('add', [typeof cellAddress === 'string' ? cellAddress : null, content], () => {
      const target = this._cell(cellAddress, 'NoteCollection.add');
      if (!target) return;
      checkWritable(target.sheet, 'NoteCollection.add', 'objects');
      if (target.sheet.notes.has(target.key)) throw officeError('ItemAlreadyExists', 'NoteCollection.add');
      target.sheet.notes.set(target.key, { content: String(content), authorName: 'Simulated user' });
      target.sheet.touch();
      created = target;
    });
    return new NoteProxy(this.context, () => {
      if (!created) throw officeError('ItemNotFound', 'NoteCollection.add');
      return created;
    });
  }
  getItem(key: string): NoteProxy {
    return new NoteProxy(this.context, () => {
      const target = this._cell(key, 'NoteCollection.getItem');
      if (!target) return null;
      if (!target.sheet.notes.has(target.key)) throw officeError('ItemNotFound', 'NoteCollection.getItem');
      return target;
    });
  }
  getItemOrNullObject(key: string): NoteProxy {
    return new NoteProxy(
      this.context,
      () => {
        const target = this._cell(key, 'NoteCollection.getItemOrNullObject');
        return target && target.sheet.notes.has(target.key) ? target : null;
      },
      true,
    );
  }
  getItemAt(index: number): NoteProxy {
    return new NoteProxy(this.context, () => {
      const workbook = this._target();
      if (!workbook) return null;
      const target = this._models(workbook)[index];
      if (!target) throw officeError('ItemNotFound', 'NoteCollection.getItemAt');
      return target;
    });
  }
}

const NOTE_SCALARS = ['content', 'authorName'] as const;

export class NoteProxy extends ProxyBase<NoteTarget> {
  get _type() {
    return 'Note';
  }
  protected get _scalars() {
    return NOTE_SCALARS;
  }
  override _target(): NoteTarget | null {
    this.context._requires('1.18', 'Note');
    return super._target();
  }
  protected _read(target: NoteTarget, property: string): unknown {
    const note = target.sheet.notes.get(target.key);
    if (!note) throw officeError('ItemNotFound', 'Note');
    return property === 'content' ? note.content : note.authorName;
  }
  get content(): string {
    return this._get('content');
  }
  set content(content: string) {
    this._set('content', content, (target) => {
      checkWritable(target.sheet, 'Note.content', 'objects');
      const note = target.sheet.notes.get(target.key);
      if (!note) throw officeError('ItemNotFound', 'Note.content');
      note.content = String(content);
    });
  }
  get authorName(): string {
    return this._get('authorName');
  }
  delete(): void {
    this._call('delete', [], (target) => {
      checkWritable(target.sheet, 'Note.delete', 'objects');
      if (!target.sheet.notes.delete(target.key)) throw officeError('ItemNotFound', 'Note.delete');
      target.sheet.touch();
    });
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const target = this._target();
      if (!target) return null;
      return { sheet: target.sheet, rect: { row: keyRow(target.key), column: keyColumn(target.key), rows: 1, columns: 1 } };
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Excel.run

type Batch<R> = (context: SimRequestContext) => Promise<R>;

/** `Excel.run(batch)`, `Excel.run(options, batch)` or `Excel.run(object, batch)` against a simulated host. */
export function createRun(host: SimHost) {
  return async function run<R>(...args: unknown[]): Promise<R> {
    const batch = args[args.length - 1] as Batch<R>;
    if (typeof batch !== 'function') throw officeError('InvalidArgument', 'Excel.run');
    const first = args.length > 1 ? args[0] : undefined;
    const reuse = first instanceof ProxyBase ? first.context : Array.isArray(first) && first[0] instanceof ProxyBase ? first[0].context : undefined;
    const context = reuse ?? new SimRequestContext(host);
    try {
      const pending = batch(context) as unknown;
      if (!pending || typeof (pending as Promise<R>).then !== 'function') throw officeError('RunMustReturnPromise', 'Excel.run');
      const result = await (pending as Promise<R>);
      if (context._queue.length) await context.sync();
      return result;
    } finally {
      context._queue.length = 0;
      if (!reuse) context._closed = true;
    }
  };
}

export type { ErrorCode };
