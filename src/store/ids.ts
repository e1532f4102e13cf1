import { closeSync, openSync, readSync } from 'node:fs';

// Random bytes are drawn in blocks: one system call per 256 ids instead of one per id, which
// matters when an import creates a hundred thousand check-ins.
const pool = Buffer.allocUnsafe(16 * 256);
let offset = pool.length;

/**
 * Fills `bytes` from the system's random source. Where there is a /dev/urandom it is read directly:
 * loading node:crypto (or the Web Crypto global) costs each short CLI run 7 to 9 ms, more than
 * `grow habit done` spends on its own work. Elsewhere (Windows) the Web Crypto global does it.
 */
function fillRandom(bytes: Buffer<ArrayBuffer>): void {
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    for (let filled = 0; filled < bytes.length; ) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read <= 0) throw new Error('/dev/urandom: nothing read');
      filled += read;
    }
  } catch {
    globalThis.crypto.getRandomValues(bytes);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7 (RFC 9562): a millisecond timestamp then random bits, so ids sort by creation and both
 * databases agree on them. Generated here, never by a database default.
 *
 * The timestamp is the wall clock's, whatever instant the caller works at: under GROW_TODAY every
 * row written carries the pinned noon as its created_at, and the id is then what keeps rows in the
 * order they were written (lists sort by created_at, then id).
 */
export function newId(_writtenAt?: number): string {
  const now = Date.now();
  if (offset === pool.length) {
    fillRandom(pool);
    offset = 0;
  }
  const b = pool.subarray(offset, offset + 16);
  offset += 16;
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let out = '';
  for (let i = 0; i < 16; i++) {
    out += HEX[b[i]!]!;
    if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
  }
  return out;
}
