/**
 * @jest-environment jsdom
 *
 * The manifest, checked offline (Microsoft's validation service needs the internet: npm run validate:online):
 * well-formed XML, valid against the add-in manifest XSDs (xmllint), a stable GUID, https URLs only, every resid
 * resolving, icons at the sizes the manifest names, and the production build's URL rewrite.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ICON_SIZES, drawIcon, encodePng } from '../scripts/make-icons';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
/** Microsoft's manifest XSDs, beside the repository (as in CI): ../shared/manifest-xsd. */
const XSD = path.resolve(ROOT, '..', 'shared', 'manifest-xsd', 'OfficeAppManifestV1_1.xsd');
const DEV_URL = 'https://localhost:3000/';
const STABLE_ID = 'c64f359e-062d-4044-9de7-93547bc3920f';

const source = readFileSync(MANIFEST, 'utf8');

function parse(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest.xml is not well-formed: ${error.textContent}`);
  return document;
}

const doc = parse(source);
const all = (name: string) => [...doc.getElementsByTagName('*')].filter((element) => element.localName === name);
const text = (name: string) => all(name)[0]?.textContent?.trim() ?? '';

function xmllint(file: string): string {
  try {
    return execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error('xmllint is missing: apt-get install -y libxml2-utils');
    throw new Error(`${path.basename(file)} is not valid against the manifest XSDs:\n${e.stderr ?? e.message}`);
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function urls(document: Document): string[] {
  const found: string[] = [];
  for (const element of document.getElementsByTagName('*')) {
    for (const attribute of ['DefaultValue', 'Value']) {
      const value = element.getAttribute(attribute);
      if (value && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) found.push(value);
    }
  }
  return found;
}

describe('manifest.xml', () => {
  it('is well-formed and valid against the add-in manifest XSDs', () => {
    expect(existsSync(XSD)).toBe(true);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(xmllint(MANIFEST)).toBe('');
  });

  it('is a task-pane add-in for Excel workbooks with a stable GUID, zh-CN with en-US overrides, ExcelApi 1.9', () => {
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // Settings and sideloads are keyed to the Id: it must not change between builds.
    expect(text('Id')).toBe(STABLE_ID);
    expect(text('DefaultLocale')).toBe('zh-CN');
    expect(all('Host').map((host) => host.getAttribute('Name') ?? host.getAttribute('xsi:type'))).toEqual(['Workbook', 'Workbook']);
    expect(all('Set').map((set) => [set.getAttribute('Name'), set.getAttribute('MinVersion')])).toEqual([['ExcelApi', '1.9']]);
    expect(text('Permissions')).toBe('ReadWriteDocument');
    expect(all('DisplayName')[0].getAttribute('DefaultValue')).toBe('学位授予信息助手');
    for (const name of ['DisplayName', 'Description']) {
      expect(all(name)[0].getElementsByTagName('Override')[0]?.getAttribute('Locale')).toBe('en-US');
    }
    for (const string of all('String')) {
      const override = [...string.children].find((child) => child.localName === 'Override');
      expect([string.getAttribute('id'), override?.getAttribute('Locale')]).toEqual([string.getAttribute('id'), 'en-US']);
    }
  });

  it('opens the task pane from a button on the Home tab', () => {
    expect(all('OfficeTab')[0].getAttribute('id')).toBe('TabHome');
    const control = all('Control')[0];
    expect(control.getAttribute('xsi:type')).toBe('Button');
    const action = all('Action')[0];
    expect(action.getAttribute('xsi:type')).toBe('ShowTaskpane');
    const resid = all('SourceLocation').find((element) => element.parentElement === action)!.getAttribute('resid');
    const url = all('Url').find((element) => element.getAttribute('id') === resid)!.getAttribute('DefaultValue');
    expect(url).toBe(`${DEV_URL}taskpane.html`);
    expect(all('SourceLocation')[0].getAttribute('DefaultValue')).toBe(`${DEV_URL}taskpane.html`);
  });

  it('uses https URLs only', () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThan(5);
    for (const url of found) expect(url).toMatch(/^https:\/\//);
  });

  it('resolves every resid to a resource of the right kind, and uses every resource', () => {
    const resources = new Map<string, string>();
    for (const kind of ['Image', 'Url', 'String']) {
      for (const element of all(kind)) {
        const id = element.getAttribute('id');
        if (id) {
          expect(resources.has(id)).toBe(false);
          resources.set(id, kind);
        }
      }
    }
    const used = new Set<string>();
    for (const element of doc.getElementsByTagName('*')) {
      const resid = element.getAttribute('resid');
      if (!resid) continue;
      expect([element.localName, resid, resources.has(resid)]).toEqual([element.localName, resid, true]);
      const expected = element.localName === 'Image' ? 'Image' : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(element.localName) ? 'Url' : 'String';
      expect([resid, resources.get(resid)]).toEqual([resid, expected]);
      used.add(resid);
    }
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it('names icons that exist in assets/ at the declared pixel sizes', () => {
    const declared: [string, number][] = [
      [all('IconUrl')[0].getAttribute('DefaultValue')!, 32],
      [all('HighResolutionIconUrl')[0].getAttribute('DefaultValue')!, 64],
    ];
    const images = new Map(all('Image').filter((e) => e.getAttribute('id')).map((e) => [e.getAttribute('id')!, e.getAttribute('DefaultValue')!]));
    for (const use of all('Image').filter((e) => e.getAttribute('resid'))) {
      declared.push([images.get(use.getAttribute('resid')!)!, Number(use.getAttribute('size'))]);
    }
    expect(declared.length).toBeGreaterThanOrEqual(8);
    for (const [url, size] of declared) {
      expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
      const file = path.join(ROOT, url.slice(DEV_URL.length));
      expect(existsSync(file)).toBe(true);
      expect([path.basename(file), pngSize(file)]).toEqual([path.basename(file), { width: size, height: size }]);
    }
    // The committed icons are what scripts/make-icons.ts draws.
    for (const size of ICON_SIZES) {
      expect(readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)).equals(encodePng(size, size, drawIcon(size)))).toBe(true);
    }
    // The support page the manifest points to is there too.
    expect(existsSync(path.join(ROOT, all('SupportUrl')[0].getAttribute('DefaultValue')!.slice(DEV_URL.length)))).toBe(true);
  });
});

describe('the production build', () => {
  // webpack.config.js is CommonJS; the test loads it as the build does.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../webpack.config.js') as {
    (env: Record<string, unknown>, options: { mode: string }): Promise<{ plugins: unknown[] }>;
    DEFAULT_URL_PROD: string;
    OFFICE_JS_CDN: string;
    contentSecurityPolicy(dev: boolean): string;
  };
  const previous = { url: process.env.ADDIN_URL, officeJs: process.env.OFFICE_JS };

  afterEach(() => {
    for (const [name, value] of [
      ['ADDIN_URL', previous.url],
      ['OFFICE_JS', previous.officeJs],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** Runs the manifest through the CopyWebpackPlugin transform of the real config. */
  async function builtManifest(mode: 'production' | 'development'): Promise<string> {
    const built = await config({ WEBPACK_BUILD: true }, { mode });
    const copy = built.plugins.find((plugin) => plugin?.constructor?.name === 'CopyPlugin') as {
      patterns: { from: string; transform?: (content: Buffer, file: string) => string }[];
    };
    const pattern = copy.patterns.find((p) => p.from === 'manifest*.xml')!;
    return pattern.transform!(Buffer.from(source), MANIFEST);
  }

  it('rewrites the dev URL to ADDIN_URL, and the result is still a valid manifest', async () => {
    process.env.ADDIN_URL = 'https://addin.school.edu.cn/degree-data';
    const manifest = await builtManifest('production');
    expect(manifest).not.toContain('localhost');
    const built = parse(manifest);
    const found = urls(built);
    expect(found.length).toBe(urls(doc).length);
    for (const url of found) expect(url.startsWith('https://addin.school.edu.cn/degree-data/')).toBe(true);
    expect(built.getElementsByTagName('Id')[0].textContent).toBe(STABLE_ID);
    const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
    try {
      writeFileSync(path.join(dir, 'manifest.xml'), manifest);
      expect(xmllint(path.join(dir, 'manifest.xml'))).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses the documented default without ADDIN_URL, keeps the dev URL in development, and refuses http', async () => {
    delete process.env.ADDIN_URL;
    expect(await builtManifest('production')).toContain(`${config.DEFAULT_URL_PROD}taskpane.html`);
    expect(await builtManifest('development')).toBe(source);
    process.env.ADDIN_URL = 'http://insecure.example.org/';
    await expect(builtManifest('production')).rejects.toThrow(/https/);
  });

  it('loads office.js from the CDN (or, with OFFICE_JS=local, from the build) under a strict CSP', async () => {
    delete process.env.OFFICE_JS;
    const pages = async () =>
      ((await config({ WEBPACK_BUILD: true }, { mode: 'production' })).plugins.filter((p) => p?.constructor?.name === 'HtmlWebpackPlugin') as {
        userOptions: { filename: string; templateParameters: { officeJs: string; contentSecurityPolicy: string } };
      }[]).map((p) => p.userOptions);
    const cdn = await pages();
    expect(cdn.map((p) => p.filename)).toEqual(['taskpane.html', 'commands.html']);
    for (const page of cdn) expect(page.templateParameters.officeJs).toBe(config.OFFICE_JS_CDN);
    process.env.OFFICE_JS = 'local';
    for (const page of await pages()) expect(page.templateParameters.officeJs).toBe('office-js/office.js');
    const csp = config.contentSecurityPolicy(false);
    const sources = csp.split(';').flatMap((directive) => directive.trim().split(/\s+/).slice(1));
    for (const value of sources) expect(value).toMatch(/^('self'|'none'|'sha256-[A-Za-z0-9+/=]+'|https:\/\/appsforoffice\.microsoft\.com)$|^'wasm-unsafe-eval'$/);
    // WebAssembly may compile (the worker's SHA-256); JavaScript may not be evaluated from strings.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' /);
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    expect(readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8')).toMatch(/<meta http-equiv="Content-Security-Policy" content="<%= contentSecurityPolicy %>"/);
  });
});
