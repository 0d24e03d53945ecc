// When and where a session takes place, for a training's sessions and a trajectory's alike: its
// start and end, online or a province (and a place), and the board that hosts it. One set of input
// fields and one set of rules, whether a session is created or changed.
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { province } from "../../db/schema/boards.js";
import { badInput } from "../shared/errors.js";
import { notNull, optionalText } from "../shared/validation.js";
import { boardOf } from "./references.js";

/** The input fields of a new session's time and place. */
export const sessionPlaceFields = {
  startsAt: z.date(),
  endsAt: z.date(),
  online: z.boolean().nullish(),
  province: z.enum(province.enumValues).nullish(),
  place: optionalText(500),
  hostBoardId: z.string().nullish(),
};

/** The same fields in a change: only those given change, and the required ones are not cleared. */
export const sessionPlacePatch = {
  startsAt: notNull(z.date()),
  endsAt: notNull(z.date()),
  online: notNull(z.boolean()),
  province: z.enum(province.enumValues).nullish(),
  place: optionalText(500),
  hostBoardId: z.string().nullish(),
};

type Province = (typeof province.enumValues)[number];

export interface SessionPlace {
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  province: Province | null;
  place: string | null;
  hostBoardId: string | null;
}

/** A session ends after it starts, and is online or in a province; the refusal names the field that was given. */
function checkSession(session: SessionPlace, changed: { endsAt: boolean; province: boolean }): void {
  if (!(session.startsAt < session.endsAt)) throw badInput(changed.endsAt ? "input.endsAt" : "input.startsAt", "must end after it starts");
  if (!session.online && session.province === null) throw badInput(changed.province ? "input.province" : "input.online", "is required unless the session is online");
}

/** A new session's time and place, checked (the host board must exist). */
export async function newSessionPlace(tx: Tx, input: z.output<z.ZodObject<typeof sessionPlaceFields>>): Promise<SessionPlace> {
  const place: SessionPlace = {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    online: input.online ?? false,
    province: input.province ?? null,
    place: input.place ?? null,
    hostBoardId: await boardOf(tx, input.hostBoardId),
  };
  checkSession(place, { endsAt: true, province: true });
  return place;
}

/** A session's time and place after a change of some of its fields, checked as a whole. */
export async function patchedSessionPlace(tx: Tx, before: SessionPlace, patch: Partial<z.output<z.ZodObject<typeof sessionPlacePatch>>>): Promise<SessionPlace> {
  const place: SessionPlace = {
    startsAt: patch.startsAt ?? before.startsAt,
    endsAt: patch.endsAt ?? before.endsAt,
    online: patch.online ?? before.online,
    province: patch.province === undefined ? before.province : patch.province,
    place: patch.place === undefined ? before.place : patch.place,
    hostBoardId: patch.hostBoardId === undefined ? before.hostBoardId : await boardOf(tx, patch.hostBoardId),
  };
  checkSession(place, { endsAt: patch.endsAt !== undefined || patch.startsAt === undefined, province: patch.province !== undefined || patch.online === undefined });
  return place;
}
