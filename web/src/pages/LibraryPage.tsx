import { usePageTitle } from '../components/usePageTitle.js';

export function LibraryPage() {
  usePageTitle('Library');
  return <h1>Library</h1>;
}
