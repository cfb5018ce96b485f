// Makes sure the browser the tests run in is there: Debian's Chromium at CHROMIUM_PATH (default
// /usr/bin/chromium, as tooling/chromium.mjs says for every launch). When it is missing and this
// machine can install it (root with apt-get), it installs the `chromium` package; otherwise it
// prints one line saying what to install and exits 1, before any test starts.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { CHROMIUM_PATH as path } from '../tooling/chromium.mjs';

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

if (!isExecutable(path)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canApt = hasCommand('apt-get') && (isRoot || hasCommand('sudo'));
  if (!canApt || process.env.CHROMIUM_PATH) {
    console.error(
      `The browser tests need Chromium at ${path}, which is not there: install Debian's "chromium" package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
    process.exit(1);
  }
  console.log(`Chromium is not at ${path}; installing Debian's "chromium" package for the browser tests…`);
  const apt = (args) =>
    execFileSync(isRoot ? 'apt-get' : 'sudo', isRoot ? args : ['apt-get', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', 'chromium']);
  } catch {
    console.error(
      `Installing Chromium with apt-get failed: install Debian's "chromium" package by hand, or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  if (!isExecutable(path)) {
    console.error(
      `apt-get installed "chromium", but ${path} is still missing: set CHROMIUM_PATH to the Chromium binary.`,
    );
    process.exit(1);
  }
}
