import { Link } from '../shared/router.tsx';
import { Page } from '../shared/ui.tsx';

export function Welcome() {
  return (
    <Page title="Welcome" heading="Welcome to Hearth" className="welcome">
      <p class="lead">A private space for the two of you: small, daily ways to talk, spend time together and look after each other.</p>
      <p>Everything you write is encrypted on your device. Not even the people who run the server can read it.</p>
      <div class="actions">
        <Link href="/app/sign-up" class="button primary">
          Create an account
        </Link>
        <Link href="/app/sign-in" class="button">
          Sign in
        </Link>
      </div>
    </Page>
  );
}
