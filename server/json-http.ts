/**
 * The JSON-over-HTTP plumbing the accounts and safety APIs share: bodies
 * read up to a size limit, validation errors described field by field, and
 * answers that no cache keeps.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

export interface JsonApiError {
  code: string;
  message: string;
  retryAfterSeconds?: number;
  issues?: Array<{ path: string; message: string }>;
}

/** A request the handler refuses, with the error to answer. */
export class JsonRequestError<E extends JsonApiError = JsonApiError> extends Error {
  constructor(readonly error: E) {
    super(error.message);
  }
}

/** Reads a JSON body up to `maxBytes`; throws a JsonRequestError for anything else. */
export async function readJsonBody(
  request: IncomingMessage,
  maxBytes: number,
  tooLargeMessage = `The request body is larger than ${maxBytes} bytes.`,
): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new JsonRequestError({
      code: 'unsupported-media-type',
      message: 'Send the request body as JSON, with "Content-Type: application/json".',
    });
  }
  const tooLarge = { code: 'too-large', message: tooLargeMessage };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new JsonRequestError(tooLarge);

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new JsonRequestError(tooLarge);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new JsonRequestError({ code: 'bad-json', message: 'The request body is not valid JSON.' });
  }
}

/** Every wrong field (up to 16), so a form can show each message beside its field. */
export function describeInvalidRequest(error: z.ZodError): JsonApiError & { code: 'invalid-request' } {
  const issues = error.issues.slice(0, 16).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 128),
    message: issue.message.slice(0, 256),
  }));
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return { code: 'invalid-request', message: `${where}${first?.message ?? 'The request is not valid.'}`.slice(0, 512), issues };
}

export function sendJsonError(response: ServerResponse, status: number, error: JsonApiError): void {
  if (error.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(error.retryAfterSeconds));
  // The rest of an oversized body is not read: close the connection rather than drain it.
  if (error.code === 'too-large') response.setHeader('Connection', 'close');
  sendJson(response, status, { error });
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    // Replies carry tokens, evidence and account names: no cache may keep them.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}
