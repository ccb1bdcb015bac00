/**
 * Conversations kept on this device: one file per conversation, encrypted
 * with AES-256-GCM under a key from the credential vault, replaced
 * atomically (write a temporary file, flush, rename) so a crash mid-write
 * leaves the previous version readable. A sweeper deletes what is older
 * than the retention setting, from disk, not only from an index.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  RETENTION_MS,
  chatLogConversation,
  chatLogMessage,
  conversationId as conversationIdSchema,
  type ChatLogConversation,
  type ChatLogMessage,
  type ChatLogRetention,
  type ChatLogSummary,
} from '../shared/chat-log';

export interface ChatLogStoreOptions {
  directory: string;
  /** The 32-byte data key (from the credential vault). */
  getKey: () => Promise<Buffer>;
  now: () => number;
  retention: () => ChatLogRetention;
}

const FORMAT_VERSION = 1;
const EXTENSION = '.cplog';
const TEMP_EXTENSION = '.tmp';
/** A temporary file older than this belongs to a write that will never finish. */
const ABANDONED_TEMP_MS = 60_000;

export class ChatLogError extends Error {}

export class ChatLogStore {
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ChatLogStoreOptions) {}

  /** Adds one message to a conversation (creating it). Does nothing when logs are off. */
  async append(id: string, partnerId: string, message: ChatLogMessage): Promise<void> {
    const conversation = parseId(id);
    const parsed = chatLogMessage.safeParse(message);
    if (!parsed.success) throw new ChatLogError(`Bad chat-log message: ${parsed.error.issues[0]?.message}`);
    if (this.options.retention() === 'off') return;
    await this.serialized(conversation, async () => {
      const existing = await this.readFile(conversation);
      const now = this.options.now();
      const next: ChatLogConversation = existing ?? { id: conversation, partnerId, startedAt: now, lastActivityAt: now, messages: [] };
      next.messages.push(parsed.data);
      next.lastActivityAt = now;
      await this.writeFile(next);
    });
  }

  async list(): Promise<ChatLogSummary[]> {
    const summaries: ChatLogSummary[] = [];
    for (const id of await this.conversationIds()) {
      const conversation = await this.readFile(id).catch(() => null);
      if (!conversation || this.isExpired(conversation.lastActivityAt)) continue;
      const { messages, ...rest } = conversation;
      summaries.push({ ...rest, messageCount: messages.length });
    }
    return summaries.sort((a, b) => b.lastActivityAt - a.lastActivityAt);
  }

  async read(id: string): Promise<ChatLogConversation | null> {
    const conversation = await this.readFile(parseId(id));
    return conversation && !this.isExpired(conversation.lastActivityAt) ? conversation : null;
  }

  async delete(id: string): Promise<void> {
    const conversation = parseId(id);
    await this.serialized(conversation, () => fs.rm(this.fileFor(conversation), { force: true }));
  }

  async deleteAll(): Promise<void> {
    for (const id of await this.conversationIds()) await this.delete(id);
  }

  /** Deletes every conversation past the retention, and writes that never finished. */
  async sweep(): Promise<{ deleted: number }> {
    let deleted = 0;
    const entries = await this.entries();
    for (const name of entries.filter((entry) => entry.endsWith(TEMP_EXTENSION))) {
      const file = path.join(this.options.directory, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && this.options.now() - stat.mtimeMs > ABANDONED_TEMP_MS) await fs.rm(file, { force: true });
    }
    for (const id of await this.conversationIds()) {
      const file = this.fileFor(id);
      // A file we cannot read any more (its key is gone) still ages out, by its modification time.
      const lastActivity = await this.readFile(id)
        .then((conversation) => conversation?.lastActivityAt)
        .catch(async () => (await fs.stat(file).catch(() => null))?.mtimeMs);
      if (lastActivity === undefined || this.isExpired(lastActivity)) {
        await this.serialized(id, () => fs.rm(file, { force: true }));
        deleted += 1;
      }
    }
    return { deleted };
  }

  private isExpired(lastActivityAt: number): boolean {
    const retention = this.options.retention();
    return retention === 'off' || this.options.now() - lastActivityAt >= RETENTION_MS[retention];
  }

  private fileFor(id: string): string {
    return path.join(this.options.directory, `${id}${EXTENSION}`);
  }

  private async entries(): Promise<string[]> {
    try {
      return await fs.readdir(this.options.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async conversationIds(): Promise<string[]> {
    return (await this.entries())
      .filter((name) => name.endsWith(EXTENSION))
      .map((name) => name.slice(0, -EXTENSION.length))
      .filter((id) => conversationIdSchema.safeParse(id).success);
  }

  /** One write at a time per conversation, so concurrent appends never lose a message. */
  private serialized<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.writes.get(id) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(work);
    this.writes.set(id, next);
    void next
      .finally(() => {
        if (this.writes.get(id) === next) this.writes.delete(id);
      })
      .catch(() => {});
    return next;
  }

  private async readFile(id: string): Promise<ChatLogConversation | null> {
    let sealed: Buffer;
    try {
      sealed = await fs.readFile(this.fileFor(id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const key = await this.options.getKey();
    if (sealed.length < 1 + 12 + 16 || sealed[0] !== FORMAT_VERSION) throw new ChatLogError(`The chat log ${id} is damaged.`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(sealed.subarray(13, 29));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
    } catch {
      throw new ChatLogError(`The chat log ${id} cannot be decrypted (damaged, or its key is gone).`);
    }
    const parsed = chatLogConversation.safeParse(JSON.parse(plain.toString('utf8')));
    if (!parsed.success) throw new ChatLogError(`The chat log ${id} is not in the expected shape.`);
    return parsed.data;
  }

  private async writeFile(conversation: ChatLogConversation): Promise<void> {
    const key = await this.options.getKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(conversation.id));
    const body = Buffer.concat([cipher.update(JSON.stringify(conversation), 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
    await fs.mkdir(this.options.directory, { recursive: true, mode: 0o700 });
    const target = this.fileFor(conversation.id);
    const temporary = `${target}.${randomBytes(6).toString('hex')}${TEMP_EXTENSION}`;
    const handle = await fs.open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(sealed);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
    // Make the rename itself durable (not supported on Windows, where rename is already atomic).
    const directory = await fs.open(this.options.directory, 'r').catch(() => null);
    await directory?.sync().catch(() => {});
    await directory?.close();
  }
}

function parseId(id: string): string {
  const parsed = conversationIdSchema.safeParse(id);
  if (!parsed.success) throw new ChatLogError(parsed.error.issues[0]?.message ?? 'Bad conversation id.');
  return parsed.data;
}
