/** Credentials of the system administrator the test hub creates from the environment at start. */
export const TEST_ADMIN = { username: 'root', password: 'root-password-for-tests' };
