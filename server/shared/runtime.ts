/**
 * Process-wide settings fixed at start-up by startHub, for the one place that is not handed them: the sign-in
 * token issuer.
 */
export const runtime = {
  /** Secret that signs users' sign-in tokens. */
  authSecret: '',
  production: false,
};
