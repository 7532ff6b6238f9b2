/**
 * The add-in build, in the shape of Microsoft's React task-pane template (Office-Addin-TaskPane-React):
 * entries taskpane + commands, HtmlWebpackPlugin for their pages, CopyWebpackPlugin for assets/ and the manifest
 * (dev URL rewritten for production), https dev server on port 3000 with office-addin-dev-certs.
 *
 *   npm run build                     production build in dist/, manifest URLs → ADDIN_URL
 *   ADDIN_URL=https://addin.example.edu.cn/degree-data/ npm run build
 *   OFFICE_JS=local npm run build     office.js copied from @microsoft/office-js into dist/office-js/ and
 *                                     loaded from there (for networks that block Microsoft's CDN)
 *   npm run dev-server                https://localhost:3000 (certificates from office-addin-dev-certs)
 *
 * office.js is always loaded by a <script> tag in the pages, never bundled. pinyin-pro and exceljs are only ever
 * imported dynamically; the build fails if one of them ends up in the pane's initial chunks.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const urlDev = 'https://localhost:3000/';
/** The production URL when ADDIN_URL is not set: a placeholder to replace with the school's own https host. */
const DEFAULT_URL_PROD = 'https://degree-data.example.edu.cn/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_HOST = 'https://appsforoffice.microsoft.com';
const DIST = path.resolve(__dirname, 'dist');
/** Modules that must stay out of the pane's first load. */
const LAZY_ONLY = ['pinyin-pro', 'exceljs'];

/** The production base URL: ADDIN_URL (https, with a trailing slash) or the placeholder default. */
function productionUrl(value = process.env.ADDIN_URL) {
  const url = (value || DEFAULT_URL_PROD).trim();
  if (!/^https:\/\/[^/\s]+/.test(url)) throw new Error(`ADDIN_URL must be an https:// URL, not "${url}"`);
  return url.endsWith('/') ? url : `${url}/`;
}

/** The manifest as deployed: in production every https://localhost:3000/ becomes the production URL. */
function transformManifest(content, dev, urlProd = productionUrl()) {
  const text = content.toString();
  return dev ? text : text.replace(new RegExp(urlDev.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'g'), urlProd);
}

/**
 * The SHA-256 of the empty string. Fluent UI (Griffel) adds empty <style> elements and fills them through the CSSOM
 * (insertRule), which CSP does not restrict; allowing exactly the empty inline style admits those elements and
 * no inline CSS.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The pages' Content-Security-Policy: our own files and the office.js CDN, nothing else. 'wasm-unsafe-eval' lets
 * WebAssembly compile (the validation worker's SHA-256, src/taskpane/validation/wasmHash.ts) and allows no eval of
 * JavaScript.
 */
function contentSecurityPolicy(dev) {
  const connect = ["'self'", OFFICE_JS_HOST, ...(dev ? ['wss://localhost:3000'] : [])].join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${OFFICE_JS_HOST}`,
    `style-src 'self' ${EMPTY_STYLE_HASH}`,
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${connect}`,
    `frame-src 'self' ${OFFICE_JS_HOST}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

async function getHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** office.js and what it loads at run time for Excel (host scripts, locale strings, telemetry), without debug builds. */
function officeJsPatterns() {
  const dist = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
  const otherHosts = ['access', 'onenote', 'outlook', 'powerpoint', 'project', 'word', 'excelios', 'excelwebapp'];
  return [
    {
      from: '**/*',
      context: dist,
      to: 'office-js/',
      // Microsoft's files are minified already: keep Terser off them (and their licence comments in place).
      info: { minimized: true },
      globOptions: {
        ignore: ['**/*.debug.js', '**/*-vsdoc.js', '**/office.d.ts', ...otherHosts.map((host) => `**/${host}*.js`)],
      },
    },
  ];
}

/** Prints the bundle sizes and fails the build if a lazy-only module landed in an initial chunk. */
class BundleReportPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('BundleReportPlugin', (compilation) => {
      const size = (file) => compilation.assets[file]?.size() ?? 0;
      const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
      const lines = [];
      const initial = new Set();
      for (const [name, entrypoint] of compilation.entrypoints) {
        const files = entrypoint.getFiles().filter((file) => file.endsWith('.js'));
        lines.push(`  ${name} (initial): ${kb(files.reduce((sum, file) => sum + size(file), 0))}  ${files.join(', ')}`);
        for (const chunk of entrypoint.chunks) {
          initial.add(chunk);
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = module.resource || (module.rootModule && module.rootModule.resource) || '';
            const lazy = LAZY_ONLY.find((name) => resource.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`));
            if (lazy) compilation.errors.push(new Error(`${lazy} must be loaded lazily, but it is in the initial chunk ${chunk.name ?? chunk.id} of ${name}`));
          }
        }
      }
      for (const chunk of compilation.chunks) {
        if (initial.has(chunk)) continue;
        const files = [...chunk.files].filter((file) => file.endsWith('.js'));
        if (files.length) lines.push(`  ${chunk.name ?? chunk.id} (lazy): ${kb(files.reduce((sum, file) => sum + size(file), 0))}`);
      }
      if (compiler.options.mode === 'production') console.log(`Bundle sizes (minified, before gzip):\n${lines.join('\n')}`);
    });
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const localOfficeJs = process.env.OFFICE_JS === 'local';
  const urlProd = dev ? urlDev : productionUrl();
  const officeJs = localOfficeJs ? 'office-js/office.js' : OFFICE_JS_CDN;
  const pageParameters = { officeJs, contentSecurityPolicy: contentSecurityPolicy(dev) };
  return {
    mode: dev ? 'development' : 'production',
    target: 'web',
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: DIST,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      // dist/cli, dist/core and dist/node hold the compiled command line (npm's prepare script): keep them.
      clean: { keep: /^(cli|core|node)[\\/]/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked by `npm run typecheck`; here ES modules are kept so that import() splits chunks.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } },
          },
        },
        { test: /\.(png|jpg|jpeg|gif|ico|svg)$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext][query]' } },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // Heavy and rarely needed: their own chunks, loaded on first use only.
          pinyin: { test: /[\\/]node_modules[\\/]pinyin-pro[\\/]/, name: 'pinyin', chunks: 'async', priority: 40, enforce: true },
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 40, enforce: true },
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', chunks: 'initial', priority: 30 },
          fluent: { test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|@floating-ui|keyborg)[\\/]/, name: 'fluent', chunks: 'initial', priority: 20 },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: pageParameters,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters: pageParameters,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext][query]' },
          { from: 'manifest*.xml', to: '[name][ext]', transform: (content) => transformManifest(content, dev, urlProd) },
          ...(localOfficeJs ? officeJsPatterns() : []),
        ],
      }),
      new BundleReportPlugin(),
    ],
    devServer: serving
      ? {
          hot: true,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };
};

module.exports.urlDev = urlDev;
module.exports.DEFAULT_URL_PROD = DEFAULT_URL_PROD;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.productionUrl = productionUrl;
module.exports.transformManifest = transformManifest;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
