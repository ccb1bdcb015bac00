import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ChatLogStore } from '../../src/main/chat-log-store';
import type { ChatLogRetention } from '../../src/shared/chat-log';

const DAY = 24 * 60 * 60 * 1000;
const key = randomBytes(32);

function allBytesIn(directory: string): Buffer {
  if (!fs.existsSync(directory)) return Buffer.alloc(0);
  return Buffer.concat(
    fs
      .readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name))),
  );
}

describe('ChatLogStore', () => {
  let directory: string;
  let now: number;
  let retention: ChatLogRetention;
  let store: ChatLogStore;
  const open = () => new ChatLogStore({ directory, getKey: async () => key, now: () => now, retention: () => retention });

  beforeEach(() => {
    directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cam-party-logs-')), 'chat-logs');
    now = Date.UTC(2026, 10, 1);
    retention = '30d';
    store = open();
  });

  it('keeps conversations across restarts, encrypted: no message text on disk', async () => {
    await store.append('conversation-1', 'stranger-a', {
      from: 'stranger',
      text: 'what is your phone number?',
      at: now,
      flags: ['personal-info'],
    });
    await store.append('conversation-1', 'stranger-a', { from: 'me', text: 'I would rather not say', at: now + 1, flags: [] });
    const reopened = open();
    const conversation = await reopened.read('conversation-1');
    expect(conversation?.messages.map((message) => message.text)).toEqual(['what is your phone number?', 'I would rather not say']);
    expect(await reopened.list()).toMatchObject([{ id: 'conversation-1', partnerId: 'stranger-a', messageCount: 2 }]);
    const disk = allBytesIn(directory);
    expect(disk.length).toBeGreaterThan(0);
    for (const secret of ['phone number', 'rather not', 'stranger-a', 'personal-info']) {
      expect(disk.includes(Buffer.from(secret)), secret).toBe(false);
    }
  });

  it('sweeps what is older than the retention from disk, keeps what is younger, across restarts and a retention change', async () => {
    await store.append('old-conversation', 'p1', { from: 'me', text: 'old', at: now, flags: [] });
    now += 20 * DAY;
    await store.append('new-conversation', 'p2', { from: 'me', text: 'new', at: now, flags: [] });
    now += 11 * DAY; // the old one is 31 days old, the new one 11
    const restarted = open();
    expect(await restarted.sweep()).toEqual({ deleted: 1 });
    expect(fs.readdirSync(directory)).toEqual(['new-conversation.cplog']);
    expect((await restarted.list()).map((summary) => summary.id)).toEqual(['new-conversation']);

    retention = '7d';
    expect(await restarted.sweep()).toEqual({ deleted: 1 });
    expect(fs.readdirSync(directory)).toEqual([]);
  });

  it('keeps nothing when logs are off, and deleting one or all removes the files', async () => {
    await store.append('conversation-a', 'p', { from: 'me', text: 'a', at: now, flags: [] });
    await store.append('conversation-b', 'p', { from: 'me', text: 'b', at: now, flags: [] });
    await store.delete('conversation-a');
    expect(fs.readdirSync(directory)).toEqual(['conversation-b.cplog']);
    await store.deleteAll();
    expect(fs.readdirSync(directory)).toEqual([]);
    retention = 'off';
    await store.append('conversation-c', 'p', { from: 'me', text: 'c', at: now, flags: [] });
    expect(fs.readdirSync(directory)).toEqual([]);
  });

  it('loses no message when appends race', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        store.append('busy-conversation', 'p', { from: 'me', text: `m${index}`, at: now, flags: [] }),
      ),
    );
    expect((await store.read('busy-conversation'))?.messages).toHaveLength(25);
  });

  it('refuses bad ids and bad messages with a clear error', async () => {
    await expect(store.append('../../etc/passwd', 'p', { from: 'me', text: 'x', at: now, flags: [] })).rejects.toThrow(/conversation id/);
    await expect(store.append('conversation-1', 'p', { from: 'me', text: '', at: now, flags: [] })).rejects.toThrow(/Bad chat-log message/);
  });

  it('stays readable after a write is killed midway, losing at most the message being written', async () => {
    const script = `
      import { ChatLogStore } from ${JSON.stringify(path.resolve('src/main/chat-log-store.ts'))};
      const store = new ChatLogStore({ directory: ${JSON.stringify(directory)}, getKey: async () => Buffer.from(${JSON.stringify(key.toString('base64'))}, 'base64'), now: () => Date.now(), retention: () => '30d' });
      for (let index = 0; ; index += 1) {
        await store.append('killed-conversation', 'p', { from: 'me', text: 'message ' + index, at: Date.now(), flags: [] });
        process.stdout.write(index + '\\n');
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = -1;
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      acknowledged = Number(lines.at(-1));
    });
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (acknowledged >= 40) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const conversation = await open().read('killed-conversation');
    const count = conversation!.messages.length;
    expect(count).toBeGreaterThanOrEqual(acknowledged + 1);
    expect(count).toBeLessThanOrEqual(acknowledged + 2);
    // A torn temporary file from the killed write is swept once it is clearly abandoned.
    fs.writeFileSync(path.join(directory, 'killed-conversation.cplog.abc.tmp'), 'torn');
    now = Date.now() + 5 * 60_000;
    await open().sweep();
    expect(fs.readdirSync(directory)).toEqual(['killed-conversation.cplog']);
  });
});
