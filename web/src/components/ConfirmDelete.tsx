import { useRef, useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../forms.js';
import { Alert } from './Field.js';

/**
 * "Delete…", then a modal that says what goes with it and asks once more; Cancel has the focus, so
 * Enter never deletes by accident. `remove` runs the deletion; `onDeleted` follows it.
 */
export function ConfirmDelete({
  title,
  children,
  remove,
  onDeleted,
}: {
  title: ReactNode;
  children: ReactNode;
  remove: () => Promise<unknown>;
  onDeleted: () => void | Promise<void>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      dialog.current?.close();
      await onDeleted();
    },
    onError: (e) => setError(errorText(e)),
  });
  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => {
          dialog.current?.showModal();
          cancel.current?.focus();
        }}
      >
        Delete…
      </button>
      <dialog ref={dialog} aria-labelledby="delete-title" aria-describedby="delete-text" className="confirm">
        <h2 id="delete-title">{title}</h2>
        <p id="delete-text">{children}</p>
        <Alert message={error} />
        <div className="form-actions">
          <button type="button" className="danger" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
            Delete for good
          </button>
          <button type="button" ref={cancel} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
