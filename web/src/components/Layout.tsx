import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { api } from '../api.js';
import { saveTheme, storedTheme, type ThemeChoice } from '../theme.js';
import { useMediaQuery } from './useMediaQuery.js';
import { ThemeContext } from './theme-context.js';

const NAV = [
  { to: '/', label: 'Today', end: true },
  { to: '/habits', label: 'Habits', end: false },
  { to: '/scorecard', label: 'Scorecard', end: false },
  { to: '/skills', label: 'Skills', end: false },
  { to: '/log', label: 'Log', end: false },
  { to: '/paths', label: 'Paths', end: false },
  { to: '/plan', label: 'Plan', end: false },
  { to: '/library', label: 'Library', end: false },
  { to: '/review', label: 'Review', end: false },
  { to: '/journal', label: 'Journal', end: false },
  { to: '/settings', label: 'Settings', end: false },
];

export function Layout({ onSignedOut }: { onSignedOut: () => void }) {
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const first = useRef(true);
  // On a narrow screen the sections and tools sit behind the Menu button, so the header stays one line.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger: a chosen section closes the menu
  useEffect(() => setMenuOpen(false), [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  // After navigating, move focus to the new page so keyboard and screen reader users start there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger: this runs once per navigation
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A link to a place in a page (/log#out-of-balance) leaves the focus to the place, which takes it once drawn.
    if (location.hash) return;
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const choose = (choice: ThemeChoice) => {
    saveTheme(choice);
    setTheme(choice);
  };
  const dark = theme === 'dark' || (theme === 'system' && systemDark);

  return (
    <ThemeContext.Provider value={{ theme, choose }}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="brand" end>
            <span aria-hidden="true" className="brand-mark">
              ▲
            </span>{' '}
            grow
          </NavLink>
          <button
            ref={menuButton}
            type="button"
            className="menu-toggle ghost"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
          <div id="site-menu" className="site-menu" data-open={menuOpen ? '' : undefined}>
            <nav aria-label="Main">
              <ul>
                {NAV.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="header-tools">
              <button type="button" className="ghost" aria-pressed={dark} onClick={() => choose(dark ? 'light' : 'dark')} title="Switch between light and dark">
                Dark mode
              </button>
              <button
                type="button"
                className="ghost"
                onClick={() => {
                  void api.logout().finally(onSignedOut);
                }}
              >
                Sign out
              </button>
            </div>
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </ThemeContext.Provider>
  );
}
