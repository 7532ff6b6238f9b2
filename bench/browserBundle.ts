import path from 'node:path';

/**
 * Bundles a benchmark's browser entry (bench/*.browser.ts) as the add-in's build would ship its code: one minified
 * IIFE for a page's script tag. esbuild comes with tsx.
 */
export async function browserBundle(entry: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const bundle = await esbuild.build({
    entryPoints: [path.join(__dirname, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
  });
  return bundle.outputFiles[0].text;
}
