import { useEffect } from 'react';

export type SignedOutReason = 'expired' | 'signed-out' | 'link';

const HEADINGS: Record<SignedOutReason, string> = {
  'signed-out': 'You signed out',
  expired: 'Sign in to grow',
  link: 'This sign-in link cannot be used',
};

const WHY: Record<SignedOutReason, string> = {
  'signed-out': 'Your session has ended on this browser.',
  expired: 'This browser is not signed in, or its session has ended.',
  link: 'A sign-in link works once, within a day of being made. This one has been used already, has expired, or was mistyped.',
};

/**
 * Shown when the API answers 401 (the browser has no valid session), after signing out, and by the
 * server for a sign-in link that cannot be used. Signing in needs the machine grow runs on, so the
 * page says what to run there; the address is this server's own.
 */
export function SignedOutPage({ reason }: { reason: SignedOutReason }) {
  useEffect(() => {
    document.title = 'Sign in · grow';
  }, []);
  const origin = window.location.origin;
  return (
    <main id="main" className="signed-out">
      <h1>{HEADINGS[reason]}</h1>
      <p>{WHY[reason]}</p>
      <p>
        To sign in, open a sign-in link for this server. It looks like <code data-login-address>{`${origin}/login?token=…`}</code>.
      </p>
      <p>
        For a new one, run <code>grow login-link</code> on the computer where grow serves (in another terminal: the server keeps running).{' '}
        <code>grow serve</code> also prints one when it starts.
      </p>
    </main>
  );
}
