import type { ConnectionError } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from './error-body';

/** What Node's HTTP parser could not read, by its error code; anything else is a plain 400. */
const CLIENT_ERRORS: Readonly<Partial<Record<string, { status: number; en: string }>>> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, en: 'the request was not received in time' },
  HPE_HEADER_OVERFLOW: { status: 431, en: 'the request line and headers exceed the size the server reads' },
};

/**
 * Fastify's clientErrorHandler: a request Node could not parse (a head over 16 KB, a broken request
 * line, a timeout) never reaches Fastify's routing, so Fastify writes the answer to the socket
 * itself, in English. This writes the same answer in the API.md shape, then closes the connection
 * as Fastify does (the stream can no longer be trusted).
 */
export function answerClientError(error: ConnectionError, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, en } = CLIENT_ERRORS[error.code] ?? { status: 400, en: 'the request could not be parsed as HTTP' };
  const body = JSON.stringify(errorBody(status, en));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
