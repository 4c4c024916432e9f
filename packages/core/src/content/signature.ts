import * as z from 'zod/mini';
import { SIGNATURE_MAX } from '../contract/limits.ts';
import { text } from './common.ts';

/** The site's signature of a widget's definition (its `signature` attribute), sent with the widget's actions. */
export const signatureSchema = z.optional(text(SIGNATURE_MAX));
