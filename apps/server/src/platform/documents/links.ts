/** Absolute links printed on documents (QR codes, "check progress at …" lines). */

/** A host header value: a name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const hostPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The public base URL links start with: PUBLIC_URL when configured (set it in production: the
 * request's Host header is chosen by the client), otherwise `protocol://host` of the request.
 * No trailing slash. A malformed host falls back to `localhost`.
 */
export function publicBaseUrl(publicUrl: string | undefined, req: { protocol: string; host: string | undefined }): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const protocol = req.protocol === 'https' ? 'https' : 'http';
  const host = req.host && hostPattern.test(req.host) ? req.host : 'localhost';
  return `${protocol}://${host}`;
}

/**
 * A `content-disposition` value with an RFC 5987 UTF-8 file name (Chinese names survive) and
 * an ASCII fallback for old clients.
 */
export function contentDisposition(fileName: string, asciiFallback: string, disposition: 'inline' | 'attachment' = 'inline'): string {
  const clean = [...fileName].map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' || ch === '/' || ch === '\\' || ch === '"' ? '_' : ch)).join('');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const fallback = asciiFallback.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
