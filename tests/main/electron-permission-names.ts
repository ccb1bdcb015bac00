/**
 * Every permission name Electron defines, read from the installed
 * electron.d.ts (the union in setPermissionRequestHandler and
 * setPermissionCheckHandler), so the permission tests grow with Electron.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function permissionUnion(source: string, method: string): string[] {
  const start = source.indexOf(`${method}(handler: ((`);
  if (start < 0) throw new Error(`electron.d.ts has no ${method}: did its shape change?`);
  const signature = source.slice(start, source.indexOf('\n', start));
  const union = /permission: ((?:'[^']+'\s*\|\s*)*'[^']+')/.exec(signature);
  if (!union) throw new Error(`Could not read the permission union of ${method}.`);
  return [...union[1]!.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
}

export function electronPermissionNames(): { names: string[]; electronVersion: string } {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const source = fs.readFileSync(path.join(electronDir, 'electron.d.ts'), 'utf8');
  const names = new Set([
    ...permissionUnion(source, 'setPermissionRequestHandler'),
    ...permissionUnion(source, 'setPermissionCheckHandler'),
  ]);
  const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string };
  return { names: [...names].sort(), electronVersion: version };
}
