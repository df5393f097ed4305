#!/usr/bin/env node
/**
 * The npm registry reachable on this project's machines serves only the linux-x64-glibc builds of
 * platform-specific packages (esbuild, rollup, biome, duckdb...). npm then writes a lockfile without
 * the other platforms' optional packages, and `npm ci` (npm 11) refuses it because those packages are
 * still named in their parents' optionalDependencies. This script adds the missing entries as
 * optional, platform-restricted records (os/cpu/libc read from the package name) so that `npm ci`
 * accepts the lockfile and skips them on this platform, as it would with a complete lockfile.
 * Run it after every `npm install`: `node scripts/complete-lockfile.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'openbsd',
  'openharmony',
  'netbsd',
  'sunos',
  'win32',
  'aix',
  'cygwin',
];
const CPU = [
  'arm64',
  'x64',
  'ia32',
  'arm',
  'loong64',
  'ppc64',
  'riscv64',
  's390x',
  'mips64el',
  'wasm32',
];

function platformOf(name) {
  const base = name.split('/').pop().toLowerCase();
  const parts = base.split(/[-_]/);
  const os = OS.find(
    (o) =>
      parts.includes(o) ||
      (o === 'win32' && parts.includes('windows')) ||
      (o === 'darwin' && parts.includes('macos')),
  );
  let cpu = CPU.find((c) => parts.includes(c) || base.includes(`-${c}`));
  if (!cpu && (parts.includes('arm') || base.includes('eabi'))) cpu = 'arm';
  const libc =
    parts.includes('musl') || base.includes('musl') ? 'musl' : os === 'linux' ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  if (!entry.optionalDependencies) continue;
  const prefix = path === '' ? '' : `${path}/`;
  for (const [dep, range] of Object.entries(entry.optionalDependencies)) {
    const nested = `${prefix}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform package: leave it to npm
    const version = String(range).replace(/^[\^~=]/, '');
    packages[hoisted] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
