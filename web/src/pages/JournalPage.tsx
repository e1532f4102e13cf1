import { usePageTitle } from '../components/usePageTitle.js';

export function JournalPage() {
  usePageTitle('Journal');
  return <h1>Journal</h1>;
}
