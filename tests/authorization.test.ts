import { inject } from 'vitest';
import { authorisationMatrix } from './support/authorization-cases.js';

/** The authorisation matrix (tests/support/authorization-cases.ts) through the hub's own gateway. */
authorisationMatrix(() => [`${inject('hubUrl')}/graphql`]);
