import { usePageTitle } from '../components/usePageTitle.js';

export function LearningItemPage() {
  usePageTitle('Book');
  return <h1>Book</h1>;
}
