import { describe, expect, it } from 'vitest';
import { AccountService } from '../accounts/account.service.js';
import { readConfig } from './config.js';

describe('readConfig', () => {
  it('reads the system administrator from NTM_ADMIN_USERNAME / NTM_ADMIN_PASSWORD, the username as stored', () => {
    expect(readConfig({}, []).admin).toBeUndefined();
    expect(readConfig({ NTM_ADMIN_USERNAME: '  Boss.Admin ', NTM_ADMIN_PASSWORD: 'boss-password-1' }, []).admin).toEqual({
      username: 'boss.admin',
      password: 'boss-password-1',
    });
    expect(readConfig({ NTM_ADMIN_USERNAME: '   ', NTM_ADMIN_PASSWORD: 'unused' }, []).admin).toBeUndefined();
  });

  it('refuses an administrator without a password', () => {
    expect(() => readConfig({ NTM_ADMIN_USERNAME: 'boss' }, [])).toThrow('NTM_ADMIN_USERNAME is set but NTM_ADMIN_PASSWORD is not');
    expect(() => readConfig({ NTM_ADMIN_USERNAME: 'boss', NTM_ADMIN_PASSWORD: '' }, [])).toThrow('NTM_ADMIN_PASSWORD is not');
  });

  it('reads the pool size of each subgraph from NTM_POOL_SIZE, 8 by default', () => {
    expect(readConfig({}, []).poolSize).toBe(8);
    expect(readConfig({ NTM_POOL_SIZE: '3' }, []).poolSize).toBe(3);
    for (const bad of ['0', '-2', '2.5', 'many'])
      expect(() => readConfig({ NTM_POOL_SIZE: bad }, [])).toThrow(
        `NTM_POOL_SIZE: expected a whole number of connections ≥ 1, got "${bad}"`,
      );
  });

  it('hashes new passwords at the default cost unless NTM_PASSWORD_COST=low, which production refuses', async () => {
    expect(readConfig({}, []).auth.passwordCost).toBeUndefined();
    expect(readConfig({ NTM_PASSWORD_COST: 'default' }, []).auth.passwordCost).toBeUndefined();
    expect(readConfig({ NTM_PASSWORD_COST: 'low' }, []).auth.passwordCost).toEqual({ memoryCost: 1024, timeCost: 1 });
    expect(() => readConfig({ NTM_PASSWORD_COST: 'low', NODE_ENV: 'production' }, [])).toThrow('refused in production');
    expect(() => readConfig({ NTM_PASSWORD_COST: 'cheap' }, [])).toThrow('NTM_PASSWORD_COST: expected "low" or "default", got "cheap"');
    // The cost is written in the hash, which is how verifying knows it.
    expect(await AccountService.hash('a-long-password')).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await AccountService.hash('a-long-password', readConfig({ NTM_PASSWORD_COST: 'low' }, []).auth.passwordCost)).toMatch(
      /^\$argon2id\$v=19\$m=1024,p=4,t=1\$/,
    );
  });
});
