// `npm start` runs this (plain CommonJS beside the sources, which tsc leaves alone) before `exec node dist/src/main.js`: it builds dist/ only when a source
// is newer than the build, so a second start goes straight to the service. Plain JS, because it
// must run before anything is compiled.
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = join(root, 'dist', 'src', 'main.js');
const SOURCES = ['src', 'projections', 'tsconfig.json'];
// The web console (src/console) is built by Vite into dist/console, checked on its own.
const CONSOLE = join(root, 'src', 'console');
const consoleBuilt = join(root, 'dist', 'console', 'index.html');

/** The newest modification time under `path` (a file or a folder). */
function newest(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function builtAt(file = built) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}

const source = Math.max(...SOURCES.map((path) => newest(join(root, path))));
if (source > builtAt()) {
  process.stdout.write('dist/ is older than the sources: building\n');
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (newest(CONSOLE) > builtAt(consoleBuilt)) {
  process.stdout.write('dist/console is older than src/console: building the console\n');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(CONSOLE, 'vite.config.mts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
