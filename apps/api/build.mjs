// Bundles the API and the workspace packages it imports (TypeScript sources) into dist/main.js for
// `npm start`; the registry packages stay external and load from node_modules as they are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(here, 'dist');
const manifests = ['.', '../../packages/db', '../../packages/rules'].map((dir) =>
  JSON.parse(readFileSync(path.join(here, dir, 'package.json'), 'utf8')),
);
const external = [
  ...new Set(
    manifests
      .flatMap((m) => Object.keys(m.dependencies ?? {}))
      .filter((name) => !name.startsWith('@gongjian/')),
  ),
].flatMap((name) => [name, `${name}/*`]);

/** A source file that finds files beside it (the migrations, the repository root) keeps its own location. */
const ownLocation = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const relative = path.relative(outdir, args.path).split(path.sep).join('/');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

await build({
  entryPoints: [path.join(here, 'src', 'main.ts')],
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  plugins: [ownLocation],
  logLevel: 'warning',
});
console.log(`[api] built ${pathToFileURL(path.join(outdir, 'main.js')).pathname}`);
