import { usePageTitle } from '../components/usePageTitle.js';

export function JournalEditorPage() {
  usePageTitle('Write');
  return <h1>Write</h1>;
}
