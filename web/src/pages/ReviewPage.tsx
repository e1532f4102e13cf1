import { usePageTitle } from '../components/usePageTitle.js';

export function ReviewPage() {
  usePageTitle('Review');
  return <h1>Review</h1>;
}
