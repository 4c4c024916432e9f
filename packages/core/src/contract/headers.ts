/**
 * The request header that says whose view a read is for. The voter id travels here, never in the
 * address, so it does not land in proxy and access logs. Its value is the id percent-encoded as
 * `encodeURIComponent` does (ids made by `voterId()` are plain ASCII and stay as they are). A module
 * of its own, not re-exported by the package's index (as `http-storage.ts`), so the name loads with
 * the HTTP adapter and not with every page; the server takes it from `@kolo/core/http`.
 */
export const VOTER_HEADER = 'Kolo-Voter';
/**
 * The request header that carries a signed identity from the host site: a short-lived JWT the site's
 * backend signs for its signed-in user (HTTP adapter option `identity`). A server that verifies it
 * counts the person, not the browser; one that is not configured for identities refuses it.
 */
export const IDENTITY_HEADER = 'Kolo-Identity';
