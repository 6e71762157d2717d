import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { session } from './session';
import { SignInShell } from './signIn/SignInShell';

const root = createRoot(document.getElementById('root')!);
const loadConsole = () => import('./App');

/**
 * The router commits navigations synchronously (useTransitions={false}): in a transition, react-admin's
 * log-out-on-mount re-ran thousands of times (each reset of its query cache an urgent update that restarted the
 * pending move to /login), which kept a signed-out visitor on a blank page for 13 seconds.
 */
function showConsole() {
  loadConsole().then(({ App }) =>
    root.render(
      <StrictMode>
        <HashRouter useTransitions={false}>
          <App />
        </HashRouter>
      </StrictMode>,
    ),
  );
}

// A signed-out visitor gets the sign-in form alone, drawn before the console's code has arrived.
if (session.read()) showConsole();
else
  root.render(
    <StrictMode>
      <SignInShell onSignedIn={showConsole} preload={() => void loadConsole()} />
    </StrictMode>,
  );
