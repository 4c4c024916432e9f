/**
 * What the server tells the outside world happened: each event is recorded once (the server's outbox,
 * `kolo_events`) and handed to every consumer (webhooks, the people who follow an item). Webhook
 * receivers get `{ id, type, at, data }` with one of these payloads.
 */
import * as z from 'zod/mini';
import type { IdeaStatus } from './statuses.ts';

export const EVENT_TYPES = ['idea.submitted', 'idea.status_changed', 'question.answered', 'poll.closed', 'sla.breached'] as const;
export const eventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = (typeof EVENT_TYPES)[number];

/** An idea or question as events show it: public fields only (never the author's id or contact). */
export interface EventItem {
  id: string;
  title: string;
  status: IdeaStatus;
  answer?: string;
  link?: string;
  reason?: string;
  votes: number;
}

/** Where an item lives. */
interface OnBoard {
  kind: 'ideas' | 'questions';
  board: string;
  item: EventItem;
}

export interface EventPayloads {
  /** a new idea or question was accepted (`item.status` pending when the board is moderated) */
  'idea.submitted': OnBoard;
  /** the team moved an idea or question to another status */
  'idea.status_changed': OnBoard & { previous: IdeaStatus };
  /** the team answered a question (or changed its answer) */
  'question.answered': OnBoard & { previous?: string };
  /** a poll (or A/B choice) passed its closing time; `counts` are its final results */
  'poll.closed': { kind: string; id: string; closesAt: string; counts: Record<string, number> };
  /** the oldest waiting item passed the reply target (working hours) */
  'sla.breached': OnBoard & { waitingHours: number; targetHours: number };
}

/** An event as recorded and delivered. */
export type KoloEvent<T extends EventType = EventType> = {
  [K in T]: { id: string; type: K; at: string; data: EventPayloads[K] };
}[T];
