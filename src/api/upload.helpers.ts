import { AppError } from '../core/errors.js';
import { IMPORT_LIMITS, tooLarge } from '../core/import-limits.js';

/** Which byte limit of src/core/import-limits.ts an upload is held to. */
type ByteLimit = 'fileBytes' | 'frameworkBytes';

/**
 * The request body, refused once it passes the limit: by its declared length before any of it is
 * read, else as soon as the bytes streamed in pass it (a chunked upload declares no length).
 */
async function bodyWithin(request: Request, limit: ByteLimit): Promise<Uint8Array> {
  const max = IMPORT_LIMITS[limit];
  if (Number(request.headers.get('content-length') ?? 0) > max) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const isForm = (request: Request) => (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');

/** The files of a form's `file` fields, the form read within the limit. */
async function formFiles(request: Request, limit: ByteLimit): Promise<File[]> {
  const body = await bodyWithin(request, limit);
  const form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
  return form.getAll('file').filter((f): f is File => typeof f !== 'string');
}

/** The uploaded file: the body, or a form field named "file"; refused when empty or over the limit. */
export async function uploadedBytes(request: Request, limit: ByteLimit = 'fileBytes'): Promise<Uint8Array> {
  if (isForm(request)) {
    const file = (await formFiles(request, limit))[0];
    if (!file) throw new AppError('validation_failed', 'file: missing (send the file in a form field named "file")');
    return new Uint8Array(await file.arrayBuffer());
  }
  const bytes = await bodyWithin(request, limit);
  if (bytes.byteLength === 0) throw new AppError('validation_failed', 'file: empty');
  return bytes;
}

/** Every file of a form's `file` fields (several posts at once), the whole form within the limit. */
export async function uploadedFiles(request: Request, limit: ByteLimit = 'fileBytes'): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files = await formFiles(request, limit);
  if (files.length === 0) throw new AppError('validation_failed', 'file: missing (send each post in a form field named "file")');
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export const isFormUpload = isForm;

// Plain OpenAPI schemas, not zod: the file is read and checked by uploadedBytes and the importer,
// so the route validators must neither parse the body nor refuse a content type.
const binaryFile = { type: 'string', format: 'binary' } as const;
export const upload = (...extra: string[]) => ({
  content: {
    'application/octet-stream': { schema: binaryFile },
    'multipart/form-data': { schema: { type: 'object' as const, properties: { file: binaryFile }, required: ['file'] } },
    ...Object.fromEntries(extra.map((type) => [type, { schema: binaryFile }])),
  },
  required: true,
});
