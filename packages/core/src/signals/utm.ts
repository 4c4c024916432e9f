/** A link that is safe to put in an href: http(s), relative, mailto: or tel:. Anything else is null. */
export function safeUrl(href: string, base = 'https://kolo.invalid/'): URL | null {
  try {
    const url = new URL(href.trim(), base);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  /** the widget id */
  content: string;
}

/**
 * The link with UTM parameters added, so a next step is measurable. Parameters already in the
 * link win; mailto:/tel: links are returned unchanged; unsafe links return null.
 */
export function withUtm(href: string, utm: Utm, base = globalThis.location?.href): string | null {
  const url = safeUrl(href, base);
  if (!url) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;
  const params: Record<string, string | undefined> = {
    utm_source: utm.source ?? (globalThis.location?.hostname || undefined),
    utm_medium: utm.medium ?? 'kolo',
    utm_campaign: utm.campaign,
    utm_content: utm.content,
  };
  for (const [k, v] of Object.entries(params)) if (v && !url.searchParams.has(k)) url.searchParams.set(k, v);
  return url.href;
}
