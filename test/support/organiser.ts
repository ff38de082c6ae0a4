// The organisers' console as a browser uses it, for HTTP tests: sign in through the form (the session cookie),
// read the CSRF token from the page, and make changes the way the page does.
import { expect } from 'chai';

export const ADMIN_TEST_TOKEN = 'test-admin-token-0123456789';

export interface Organiser {
  cookie: string;
  csrf: string;
}

/** Signs in through the form as a browser does, and reads the CSRF token from the console page. */
export async function signIn(url: string, token = ADMIN_TEST_TOKEN): Promise<Organiser> {
  const res = await fetch(`${url}/admin/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url }, body: new URLSearchParams({ token }).toString() });
  expect(res.status, await res.clone().text()).to.equal(303);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const page = await (await fetch(`${url}/admin`, { headers: { cookie } })).text();
  const csrf = page.match(/<meta name="csrf-token" content="([^"]+)">/)?.[1];
  expect(csrf, page.slice(0, 500)).to.be.a('string');
  return { cookie, csrf: csrf! };
}

/** A change made from the console page: cookie, same Origin, CSRF token. */
export const consolePost = (url: string, o: Organiser, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { cookie: o.cookie, origin: url, 'x-csrf-token': o.csrf, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
