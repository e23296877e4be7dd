import { render } from 'preact';
import { App } from './app.tsx';
import { bootstrapSession, lockAfterSessionLoss } from './auth/account.ts';
import { setSessionLostHandler } from './shared/api.ts';
import './ui/styles.css';

setSessionLostHandler(lockAfterSessionLoss);

const root = document.getElementById('root');
if (root) {
  root.replaceChildren();
  render(<App />, root);
}
void bootstrapSession();
