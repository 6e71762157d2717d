import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on demand: its code (and the libraries only it uses, e.g. charts) arrives in a chunk of its own the
 * first time the page is opened, so the sign-in form waits only for the shell. react-admin's layout shows its loading
 * indicator meanwhile (it wraps pages in Suspense).
 */
export function lazyPage<K extends string, C extends ComponentType<object>>(load: () => Promise<Record<K, C>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
