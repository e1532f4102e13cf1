import { usePageTitle } from '../components/usePageTitle.js';

export function JournalEntryPage() {
  usePageTitle('Entry');
  return <h1>Entry</h1>;
}
