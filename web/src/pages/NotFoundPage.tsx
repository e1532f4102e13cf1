import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.js';

export function NotFoundPage() {
  usePageTitle('Not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Go back to <Link to="/">Today</Link>.
      </p>
    </>
  );
}
