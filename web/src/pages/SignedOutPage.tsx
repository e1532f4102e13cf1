import { useEffect } from 'react';

/** Shown when the API answers 401: the browser has no valid session. */
export function SignedOutPage({ reason }: { reason: 'expired' | 'signed-out' }) {
  useEffect(() => {
    document.title = 'Sign in · grow';
  }, []);
  return (
    <main id="main" className="signed-out">
      <h1>{reason === 'signed-out' ? 'You signed out' : 'Sign in to grow'}</h1>
      <p>{reason === 'signed-out' ? 'Your session has ended on this browser.' : 'This browser is not signed in, or its session has ended.'}</p>
      <p>
        To sign in, open the link that <code>grow serve</code> printed in your terminal when it started. It looks like{' '}
        <code>http://127.0.0.1:4870/login?token=…</code> and works once.
      </p>
      <p>
        Lost it, or already used it? Stop the server and start it again with <code>grow serve</code>: it prints a fresh link.
      </p>
    </main>
  );
}
