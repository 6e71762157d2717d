/**
 * Prints the header a gateway in front of separately run subgraphs must add to every subgraph request, derived from
 * NTM_INTERNAL_SECRET (the same secret every hub process is given): `npm run gateway-credential`. Paste it into a
 * production gateway's configuration (a static header); see docs/security.md.
 */
import { GATEWAY_CREDENTIAL_HEADER, gatewayCredential } from '../shared/auth/gateway-credential.js';

const secret = process.env.NTM_INTERNAL_SECRET;
if (!secret) {
  console.error('Set NTM_INTERNAL_SECRET to the secret the hub processes are given.');
  process.exit(1);
}
console.log(`${GATEWAY_CREDENTIAL_HEADER}: ${gatewayCredential(secret)}`);
