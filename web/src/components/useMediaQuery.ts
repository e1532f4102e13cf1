import { useEffect, useState } from 'react';

/** Whether a CSS media query matches now, following it as the window or the system setting changes. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Where styles.css turns tables into cards and charts into bars. */
export const NARROW = '(max-width: 40rem)';
