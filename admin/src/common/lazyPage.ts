import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on demand: its code (and the libraries only it uses, e.g. charts) arrives in a chunk of its own the
 * first time the page is opened, so the sign-in form waits only for the shell. react-admin's layout shows its loading
 * indicator meanwhile (it wraps pages in Suspense).
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): ComponentType<any> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> }));
}
