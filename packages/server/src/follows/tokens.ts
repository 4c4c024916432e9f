/** The tokens of confirmation and unfollow links: 32 random bytes, kept only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export const newToken = () => randomBytes(32).toString('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The language of a follower's messages: Ukrainian for `uk…`, English otherwise. */
export const mailLang = (lang: string | undefined): 'en' | 'uk' => (lang?.toLowerCase().startsWith('uk') ? 'uk' : 'en');

/** An email address as stored and compared: trimmed, lower case (addresses are case-insensitive in practice). */
export const normalEmail = (email: string) => email.trim().toLowerCase();
