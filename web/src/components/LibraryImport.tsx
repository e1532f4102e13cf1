import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { problemOf } from '../forms.js';
import type { ApiError } from '../api.js';
import { LIBRARY_SOURCES, libraryImportApi, type LibraryImportResult, type LibrarySource } from '../library-import.api.js';
import { Alert, SelectField, SkippedList, Status } from './Field.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Imported from Goodreads: 6 new items, 0 updated, 2 unchanged; 1 note added." */
export function describeLibraryImport(name: string, result: LibraryImportResult): string {
  let text = `Imported from ${name}: ${plural(result.itemsCreated, 'new item')}, ${result.itemsUpdated} updated, ${result.itemsUnchanged} unchanged`;
  const highlights = result.highlightsAdded + result.highlightsUpdated + result.highlightsUnchanged;
  if (highlights > 0)
    text += `; ${plural(result.highlightsAdded, 'highlight')} added, ${result.highlightsUpdated} updated, ${result.highlightsUnchanged} unchanged`;
  if (result.notesAdded > 0) text += `; ${plural(result.notesAdded, 'note')} added`;
  return `${text}.`;
}

/** Imports Goodreads, StoryGraph, Kindle and Readwise files into the library (placed on the library page). */
export function LibraryImport() {
  const input = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<LibrarySource>('goodreads');
  const [skipBad, setSkipBad] = useState(false);
  const [error, setError] = useState<string | ApiError | null>(null);
  const [done, setDone] = useState<{ name: string; unit: string; result: LibraryImportResult } | null>(null);
  const client = useQueryClient();
  const chosen = LIBRARY_SOURCES.find((s) => s.source === source)!;
  const upload = useMutation({
    mutationFn: (file: File) => libraryImportApi.upload(source, file, skipBad),
    onSuccess: async (result) => {
      setError(null);
      setDone({ name: chosen.name, unit: chosen.unit, result });
      if (input.current) input.current.value = '';
      // Every library view (the list, each item's page) is keyed under 'learning'.
      await client.invalidateQueries({ queryKey: ['learning'] });
    },
    onError: (e) => {
      setDone(null);
      setError(problemOf(e));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError('file: choose a file first');
      input.current?.focus();
      return;
    }
    upload.mutate(file);
  };
  const skipped = done?.result.skipped ?? [];
  return (
    <form className="import-form library-import" onSubmit={submit} noValidate aria-label="Import a library">
      <SelectField
        id="library-import-source"
        label="From"
        value={source}
        onChange={(e) => {
          setSource(e.target.value as LibrarySource);
          setError(null);
        }}
        className="narrow"
      >
        {LIBRARY_SOURCES.map((s) => (
          <option key={s.source} value={s.source}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <label htmlFor="library-import-file">File</label>
        <input ref={input} id="library-import-file" type="file" accept={chosen.accept} aria-describedby="library-import-file-hint" />
        <p className="hint" id="library-import-file-hint">
          {chosen.hint} Importing the same file again changes nothing; a newer export updates what changed.
        </p>
      </div>
      <p>
        <label className="checkbox">
          <input id="library-import-skip-bad" type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} />
          Skip bad rows and import the rest
        </label>
      </p>
      <Status message={done ? describeLibraryImport(done.name, done.result) : null} />
      {done ? (
        <SkippedList
          className="library-import-skipped"
          label="Skipped rows"
          intro={`Skipped ${plural(skipped.length, `bad ${done.unit}`, done.unit === 'entry' ? 'bad entries' : `bad ${done.unit}s`)}:`}
          items={skipped.map((s) => ({ key: s.row, message: s.message }))}
        />
      ) : null}
      <Alert message={error} />
      <div className="form-actions">
        <button type="submit" disabled={upload.isPending}>
          {upload.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
