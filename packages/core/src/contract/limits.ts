/**
 * Every limit of the wire protocol, in one place: the browser's schemas, the adapters and the server
 * all read them from here.
 */
/** widget, option, question and category ids (a constant of its own: authored content checks it in browsers) */
export const ID_MAX = 80;
/** ISO date-times (a constant of its own: authored content checks it in browsers) */
export const DATE_TIME_MAX = 40;
/** signals in one batch (a constant of its own: the HTTP adapter batches by it) */
export const SIGNALS_MAX = 100;
/** widgets one live stream follows (a constant of its own: the HTTP adapter opens a stream per so many) */
export const STREAM_WIDGETS_MAX = 50;
/** a signed widget definition's signature (a constant of its own: authored content checks it in browsers) */
export const SIGNATURE_MAX = 200;

export const LIMITS = {
  /** widget, option, question and category ids */
  id: ID_MAX,
  /** idempotency keys of actions (an idea's id is the key of the action that submitted it) */
  key: 100,
  /** anonymous voter ids */
  voter: 100,
  /** ISO date-times */
  dateTime: DATE_TIME_MAX,
  /** choices in one ballot */
  choices: 60,
  /** options of a poll, a choice or reactions */
  options: 100,
  /** options of one quiz question */
  quizOptions: 20,
  /** what one idea submission may carry before the board's own (smaller) limits are checked */
  ideaTitle: 1000,
  ideaDetails: 20000,
  ideaContact: 300,
  honeypot: 1000,
  /** the signed form token a server hands out with a board (`View.form`) */
  formToken: 100,
  /** the most a board may set for its own limits */
  boardTitleMax: 300,
  boardDetailsMax: 10000,
  boardCategories: 30,
  boardMaxPerDay: 1000,
  /** minimum fill time a board may ask for, ms */
  boardMinFillMs: 3_600_000,
  /** a moderator's public answer, announcement link and reason */
  answer: 5000,
  link: 2000,
  reason: 2000,
  /** signals in one batch, and their data */
  signals: SIGNALS_MAX,
  signalDataKey: 60,
  signalDataValue: 500,
  /** widgets one live stream follows */
  streamWidgets: STREAM_WIDGETS_MAX,
  /** seeded ideas of one board */
  seedIdeas: 10000,
  /** ideas of one import batch (`POST /v1/admin/ideas/:kind/:board/import`), and its body's bytes */
  importIdeas: 1000,
  importBytes: 4 * 1024 * 1024,
  /** ideas of one board page: by default, and at most (a voter's own waiting ideas come on top on the first page, as many again at most) */
  boardPage: 20,
  boardPageMax: 50,
  /** a board search's words (the \`q\` of a page, the title of similar ideas) and a page's cursor */
  boardSearch: 300,
  boardCursor: 400,
  /** similar ideas suggested for a title */
  similarIdeas: 3,
  /** distinct words of a search (more: refused, naming `q`) */
  searchWords: 12,
  /** a ban's value and reason */
  banValue: 200,
  banReason: 500,
  /** stop words per language, and one word */
  stopWords: 5000,
  stopWord: 60,
  /** slow mode, seconds */
  slowSeconds: 86400,
  /** questions of one quiz */
  quizQuestions: 100,
  /** a signed widget definition's signature (base64url of an HMAC-SHA256: 43 characters) */
  signature: SIGNATURE_MAX,
  /** widget definitions in one registration */
  definitions: 1000,
} as const;
