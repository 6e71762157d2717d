/**
 * Process-wide settings fixed at start-up by startHub, for the few places that are not handed a context:
 * seed loaders (demo profile) and the sign-in token issuer.
 */
export const runtime = {
  /** Secret that signs users' sign-in tokens. */
  authSecret: '',
  /** Whether the demo profile (synthetic data, demo accounts) is loaded into an empty database. */
  demo: false,
  production: false,
};
