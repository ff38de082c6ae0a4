// "This machine": loopback addresses and URLs. In local mode (no Bot Framework authentication) nothing proves
// who a channel is, so /api/messages takes activities only from this machine and replies only to it.
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.y.z). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  if (isIP(ip) === 4) return ip.split('.')[0] === '127';
  return isIP(ip) === 6 && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(ip);
}

/** An http(s) URL whose host is a loopback address or `localhost`. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    host = u.hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return host === 'localhost' || isLoopbackAddress(host);
}
