import { createContext, useContext } from 'react';
import type { ThemeChoice } from '../theme.js';

export const ThemeContext = createContext<{ theme: ThemeChoice; choose: (choice: ThemeChoice) => void }>({
  theme: 'system',
  choose: () => {},
});

export const useTheme = () => useContext(ThemeContext);
