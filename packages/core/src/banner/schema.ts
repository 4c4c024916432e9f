import * as z from 'zod/mini';
import { nextStepSchema, parseWith, text, type Parsed } from '../content/common.ts';
import { idSchema } from '../contract/ids.ts';
import { uniqueIds, whole } from '../content/checks.ts';

const links = (max: number) => z.array(nextStepSchema).check(z.maxLength(max, `at most ${max} links`));

/** Where to get help in one region: help lines, chats, support services. */
export const helpRegionSchema = z.object({
  /** a region code such as `ua` or `gb` */
  id: idSchema,
  /** the region's name ("Ukraine") */
  label: z.optional(text(80)),
  /** languages this region's contacts serve (`uk`, `en-GB`): picked when the page or person uses one */
  langs: z.optional(z.array(text(20))),
  /** used when nothing else matches */
  default: z.optional(z.boolean()),
  /** regulation requires the banner here: it cannot be dismissed */
  required: z.optional(z.boolean()),
  contacts: links(8).check(z.minLength(1, 'a region needs at least 1 contact')),
});

/** A responsible-help banner. */
export const helpBannerSchema = z.object({
  id: idSchema,
  heading: z.optional(text(200)),
  /** the disclaimer, always visible */
  disclaimer: text(600),
  /** "why am I seeing this?" */
  why: z.optional(text(1000)),
  regions: z.array(helpRegionSchema).check(z.minLength(1, 'needs at least 1 region with contacts'), z.maxLength(60, 'at most 60 regions'), z.refine(uniqueIds, 'region ids must be unique')),
  /** self-control tools: limits, time-out, self-exclusion */
  tools: z.optional(links(8)),
  /** people may hide it (except in regions that require it) */
  dismissible: z.optional(z.boolean()),
  /** after hiding, show it again after this many days (default 30) */
  snoozeDays: z.optional(whole(1, 365)),
});

export type HelpRegion = z.output<typeof helpRegionSchema>;
export type HelpBannerConfig = z.output<typeof helpBannerSchema>;

export const parseHelpBanner = (input: unknown): Parsed<HelpBannerConfig> => parseWith(helpBannerSchema, input);

/**
 * The region whose contacts to show: the explicit `region` if the banner has it; else the first
 * region serving one of `langs` (the page's language first, then the person's), by language tag
 * (`uk`, `en-GB`) or by the tag's region (`en-GB` → `gb`); else the default region; else the first.
 */
export function pickRegion(cfg: Pick<HelpBannerConfig, 'regions'>, region: string | undefined, langs: readonly string[]): HelpRegion {
  const { regions } = cfg;
  const byId = (id: string) => regions.find((r) => r.id.toLowerCase() === id.toLowerCase());
  const explicit = region && byId(region);
  if (explicit) return explicit;
  for (const tag of langs) {
    const lower = tag.toLowerCase();
    const [base, area] = lower.split('-');
    const served = regions.find((r) => r.langs?.some((l) => l.toLowerCase() === lower)) ?? (area && byId(area)) ?? regions.find((r) => r.langs?.some((l) => l.toLowerCase() === base));
    if (served) return served;
  }
  return regions.find((r) => r.default) ?? regions[0]!;
}
