import type { z } from 'zod';
import type { jekyllImportResultSchema, reflectionSchema, suggestedPeriodSchema } from '../../src/schemas/reflection.response.js';
import { API, ApiError, send, toError } from './api.js';

/** The shapes of reflections and Jekyll imports, from the schemas of the OpenAPI document. */
export type Reflection = z.infer<typeof reflectionSchema>;
export type JekyllImportResult = z.infer<typeof jekyllImportResultSchema>;
export type SuggestedPeriod = z.infer<typeof suggestedPeriodSchema>['period'];

/** Several files in one request (one transaction on the server): the browser sets the form's boundary. */
async function sendFiles<T>(path: string, files: readonly File[]): Promise<T> {
  const body = new FormData();
  for (const file of files) body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(API + path, { method: 'POST', headers: { accept: 'application/json' }, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network: the grow server did not answer; is `grow serve` still running?');
  }
  if (!response.ok) throw await toError(response);
  return (await response.json()) as T;
}

export const reflectionApi = {
  list: () => send<Reflection[]>('GET', '/reflections'),
  period: async () => (await send<z.infer<typeof suggestedPeriodSchema>>('GET', '/reflections/period')).period,
  create: (input: { from: string; to: string; title?: string }) => send<Reflection>('POST', '/reflections', { json: input }),
  importJekyll: (files: readonly File[], skipBad: boolean) => sendFiles<JekyllImportResult>(`/import/jekyll${skipBad ? '?skipBad=true' : ''}`, files),
  jekyllUrl: (id: string) => `${API}/journal/${encodeURIComponent(id)}/jekyll`,
};
