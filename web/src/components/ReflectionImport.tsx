import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { reflectionApi, type JekyllImportResult } from '../reflection.api.js';
import { problemOf } from '../forms.js';
import type { ApiError } from '../api.js';
import { Alert, SkippedList, Status } from './Field.js';
import { useRefresh } from './common.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Imported 3 posts: 2 new, 1 updated, 0 unchanged." */
export function describeJekyllImport(result: JekyllImportResult): string {
  const total = result.created + result.updated + result.unchanged;
  return `Imported ${plural(total, 'post')}: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged.`;
}

/** Jekyll posts (several files at once) into the journal; a bad post stops all unless skipping is asked for. */
export function ReflectionImport() {
  const input = useRef<HTMLInputElement>(null);
  const [skipBad, setSkipBad] = useState(false);
  const [error, setError] = useState<string | ApiError | null>(null);
  const [result, setResult] = useState<JekyllImportResult | null>(null);
  const refresh = useRefresh();
  const upload = useMutation({
    mutationFn: (files: File[]) => reflectionApi.importJekyll(files, skipBad),
    onSuccess: async (summary) => {
      setError(null);
      setResult(summary);
      if (input.current) input.current.value = '';
      await refresh();
    },
    onError: (e) => {
      setResult(null);
      setError(problemOf(e));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) {
      setError('file: choose one or more posts first');
      input.current?.focus();
      return;
    }
    upload.mutate(files);
  };
  return (
    <section className="card" aria-labelledby="jekyll-import-title">
      <h2 id="jekyll-import-title">Import Jekyll posts</h2>
      <form className="import-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="jekyll-files">Posts</label>
          <input ref={input} id="jekyll-files" type="file" multiple accept=".md,.markdown,.html,text/markdown,text/html" aria-describedby="jekyll-files-hint" />
          <p className="hint" id="jekyll-files-hint">
            Files from your blog's _posts folder, named YYYY-MM-DD-slug.md. A post imported again updates its entry.
          </p>
        </div>
        <p>
          <label className="checkbox">
            <input id="jekyll-skip-bad" type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} />
            Skip bad posts and import the rest
          </label>
        </p>
        <Status message={result ? describeJekyllImport(result) : null} />
        {result ? (
          <SkippedList
            className="reflection-skipped"
            label="Skipped posts"
            intro={`${plural(result.skipped.length, 'post')} skipped:`}
            items={result.skipped.map((s) => ({ key: s.file, message: s.message }))}
          />
        ) : null}
        <Alert message={error} />
        <div className="form-actions">
          <button type="submit" disabled={upload.isPending}>
            {upload.isPending ? 'Importing…' : 'Import posts'}
          </button>
        </div>
      </form>
    </section>
  );
}
