import type { ReactNode, RefObject } from 'react';

/**
 * A labelled region that scrolls sideways when its content (a table, the heatmap) is wider than the
 * screen. It takes focus so that keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className = 'table-scroll',
  scrollRef,
  children,
}: {
  label: string;
  className?: string;
  scrollRef?: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to be scrolled from the keyboard
    <section className={className} tabIndex={0} aria-label={label} ref={scrollRef}>
      {children}
    </section>
  );
}
