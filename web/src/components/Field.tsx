import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { moreProblems, problemLine } from '../../../src/core/errors.js';
import { ApiError } from '../api.js';

interface FieldShell {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Shell({ id, label, hint, error, children, className }: FieldShell & { children: ReactNode; className?: string }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ id, label, hint, error, className, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Shell id={id} label={label} hint={hint} error={error} className={className}>
      <input id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </Shell>
  );
}

export function TextAreaField({ id, label, hint, error, className, ...input }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Shell id={id} label={label} hint={hint} error={error} className={className}>
      <textarea id={id} name={id} rows={2} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </Shell>
  );
}

export function SelectField({ id, label, hint, error, className, children, ...select }: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Shell id={id} label={label} hint={hint} error={error} className={className}>
      <select id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {children}
      </select>
    </Shell>
  );
}

/**
 * An alert region for errors that belong to no single field. Empty, it still exists so it is
 * announced. An API error naming several problems (a refused file) lists each on its own line,
 * with its place, as the CLI does.
 */
export function Alert({ message, id }: { message: string | ApiError | null | undefined; id?: string }) {
  return (
    <div className="alert-slot" role="alert" id={id}>
      {message instanceof ApiError && message.details.length > 1 ? (
        <div className="alert">
          <p>
            {message.details.length + message.more} problems{message.hint ? ` (${message.hint})` : ''}:
          </p>
          <ul className="problems">
            {message.details.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown as it came; two problems may read alike
              <li key={i}>{problemLine(d)}</li>
            ))}
            {message.more > 0 ? <li>{moreProblems(message.more)}</li> : null}
          </ul>
        </div>
      ) : message ? (
        <p className="alert">{message instanceof ApiError ? message.message : message}</p>
      ) : null}
    </div>
  );
}

/** A form's alert: the server's message for the whole form, else how many fields need correcting. */
export function FormAlert({ errors, id }: { errors: Record<string, string>; id?: string }) {
  const count = Object.keys(errors).filter((k) => k !== 'form').length;
  const summary = count ? `Please correct ${count === 1 ? 'the field' : `the ${count} fields`} marked below.` : null;
  return <Alert id={id} message={errors.form ?? summary} />;
}

/** What an import left out and why: one line per skipped row, entry or file. */
export function SkippedList({
  label,
  intro,
  items,
  className,
}: {
  label: string;
  intro: string;
  items: { key: string | number; message: string }[];
  className?: string;
}) {
  if (items.length === 0) return null;
  return (
    <section className={className} aria-label={label}>
      <p>{intro}</p>
      <ul>
        {items.map((item) => (
          <li key={item.key}>{item.message}</li>
        ))}
      </ul>
    </section>
  );
}

/** Polite announcements: "Read 20 pages: done. Streak 4 days." */
export function Status({ message }: { message: string | null | undefined }) {
  return (
    <div className="status-slot" role="status">
      {message ? <p className="status">{message}</p> : null}
    </div>
  );
}
