/**
 * What kind of address an IP address is (RFC 6890 special-purpose ranges, the ones that matter for a
 * call). Pure functions over the text form.
 */

/**
 * @param {string} address an IPv4 or IPv6 address, or an mDNS name
 * @return {'mdns'|'loopback'|'link-local'|'private'|'cgnat'|'unique-local'|'public'|'unknown'}
 */
export function addressKind(address) {
  const text = String(address).toLowerCase().replace(/^\[|\]$/g, '');
  if (text.endsWith('.local')) return 'mdns';
  const v4 = text.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if (a === 127) return 'loopback';
    if (a === 169 && b === 254) return 'link-local';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
    if (a === 100 && b >= 64 && b <= 127) return 'cgnat';
    return 'public';
  }
  if (!text.includes(':')) return 'unknown';
  if (text === '::1') return 'loopback';
  if (/^fe[89ab]/.test(text)) return 'link-local';
  if (/^f[cd]/.test(text)) return 'unique-local';
  if (/^[23]/.test(text)) return 'public';
  return 'unknown';
}

/** Whether others on the internet could send to this address. */
export function isPublic(address) {
  return addressKind(address) === 'public';
}
