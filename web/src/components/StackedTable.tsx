import { createContext, useContext, useState, type HTMLAttributes, type ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion.js';

/**
 * The one table of the app. On a laptop it is a table; on a phone (styles.css, `table.stacked`)
 * each row is a card: the row header on its own line, every cell labelled by its `data-label`, and
 * the cells marked `secondary` behind the row's More button. Nothing reaches past the screen's edge,
 * so no page needs sideways scrolling.
 */
export function StackedTable({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <ScrollRegion label={label}>
      <table className={className ? `stacked ${className}` : 'stacked'}>{children}</table>
    </ScrollRegion>
  );
}

const RowMore = createContext<{ open: boolean; toggle: () => void } | null>(null);

/** A row whose secondary cells open and close with its MoreToggle. */
export function StackedRow({ children, ...props }: HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>) {
  const [open, setOpen] = useState(false);
  return (
    <RowMore.Provider value={{ open, toggle: () => setOpen((o) => !o) }}>
      <tr {...props} data-more={open ? 'open' : undefined}>
        {children}
      </tr>
    </RowMore.Provider>
  );
}

/** The More button of a StackedRow, shown on narrow screens only; `about` names the row for screen readers. */
export function MoreToggle({ about }: { about: string }) {
  const row = useContext(RowMore);
  if (!row) return null;
  return (
    <button type="button" className="row-more ghost" aria-expanded={row.open} onClick={row.toggle}>
      {row.open ? 'Less' : 'More'}
      <span className="sr-only">: {about}</span>
    </button>
  );
}
