import type { PropertyDeclarations } from 'lit';
import type { IdeaBoardConfig } from '@kolo/core';
import { KoloElement } from '../base/kolo-element.ts';

/**
 * The base of `<kolo-idea-form>` and `<kolo-idea-board>`: the attributes that name and shape one
 * board, declared once so that a form and its board are written alike.
 */
export abstract class KoloIdeaElement extends KoloElement {
  static override properties: PropertyDeclarations = {
    boardId: { attribute: 'board-id' },
    kind: {},
    moderated: { type: Boolean },
    maxPerDay: { type: Number, attribute: 'max-per-day' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    signature: {},
    config: { type: Object },
  };

  /** The board's id: the same on a `<kolo-idea-form>` and its `<kolo-idea-board>`. */
  declare boardId: string;
  /** `idea` (default) or `question` (an AMA). */
  declare kind: 'idea' | 'question' | undefined;
  /** New ideas wait for a moderator before they are public (their author sees them as waiting). */
  declare moderated: boolean;
  /** The most ideas one person may send in 24 hours (default 5); a board accepts it so form and board can share attributes. */
  declare maxPerDay: number | undefined;
  /** The level (1–6) of the heading: by default that of the heading written in the HTML (`<h3>` → 3), else 2; set it when the content comes from `.config`. On a board, idea titles are one level below. */
  declare headingLevel: number | undefined;
  /** The site's signature of the board's definition (`signWidgets` in `@kolo/server`): a server registers a signed board with its first idea. */
  declare signature: string | undefined;
  /** The whole board as an object; replaces the HTML content and attributes. */
  declare config: Partial<IdeaBoardConfig> | undefined;

  constructor() {
    super();
    this.boardId = '';
    this.moderated = false;
  }
}
