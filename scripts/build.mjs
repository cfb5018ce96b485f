// Builds the package: ESM with one module per source file, .d.ts beside each, and the theme.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const run = (name, args) => execFileSync(bin(name), args, { stdio: 'inherit' });

run('vite', ['build', '--config', 'vite.lib.config.ts', '--logLevel', 'warn']);
run('tsc', ['-p', 'tsconfig.build.json']);
copyFileSync('src/styles.css', 'dist/styles.css');
console.log('Built dist/ (ESM, .d.ts, styles.css).');
