/**
 * The demo without Excel (`npm run demo`): the task pane beside a plain grid of a simulated workbook, built into
 * demo-dist/ with the example workbooks and served by src/demo/server.ts. Separate from webpack.config.js (the
 * add-in build) so the two can change independently.
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const EXAMPLES = path.resolve(__dirname, 'examples');

/** Copies examples/*.xlsx into the build and writes examples/index.json, the list the demo's picker offers. */
class ExamplesPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('ExamplesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ExamplesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const files = fs.existsSync(EXAMPLES) ? fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).sort() : [];
          for (const file of files) {
            const full = path.join(EXAMPLES, file);
            compilation.fileDependencies.add(full);
            compilation.emitAsset(`examples/${file}`, new RawSource(fs.readFileSync(full)));
          }
          compilation.contextDependencies.add(EXAMPLES);
          compilation.emitAsset('examples/index.json', new RawSource(JSON.stringify(files)));
        },
      );
    });
  }
}

module.exports = (_env, argv = {}) => {
  const mode = argv.mode || process.env.DEMO_MODE || 'production';
  return {
    mode,
    target: 'web',
    entry: { demo: './src/demo/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'demo-dist'),
      filename: mode === 'production' ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: mode === 'production' ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules for webpack (tree shaking, `new Worker(new URL(…, import.meta.url))`).
              compilerOptions: { module: 'es2020', moduleResolution: 'node' },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ template: './src/demo/demo.html', filename: 'index.html', chunks: ['demo'] }),
      new ExamplesPlugin(),
    ],
    devtool: mode === 'development' ? 'cheap-module-source-map' : false,
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
