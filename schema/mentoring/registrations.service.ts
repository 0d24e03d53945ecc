// Mentors' registrations for mentoring projects: a mentor registers without an account, confirms
// their e-mail address by a signed link, and may withdraw and be forgotten by another; the
// project's own organisation (and admins) see the registrations with their contact details and
// confirm or decline them. Limits per e-mail address, per network address and per project are
// counted in PostgreSQL (schema/shared/rate-limit.ts), so they hold across Lambda instances.
//
// Nothing personal leaves the row: the audit log and the events hold ids, the status and whether
// the address is confirmed; the limits hold hashes; the mail goes only to the address itself.
import { and, count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { belgianRegion, mentoringProjects, mentorRegistrations } from "../../db/schema/mentoring.js";
import { newestFirst } from "../partners/organisation-lists.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { conflict, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import type { Locale } from "../shared/i18n.js";
import { defineLoader, defineLoaderFamily, rowsById } from "../shared/loaders.js";
import { assertCan, can } from "../shared/policy.js";
import { consumeLimit, hashedKey } from "../shared/rate-limit.js";
import { afterCursor, childPages, expectGlobalId, mapConnection, pageSize, toConnection } from "../shared/relay.js";
import { afterCommit } from "../shared/transaction.js";
import { optionalMultilineText, optionalText, requiredText } from "../shared/validation.js";
import { linkUrl, signLinkToken, verifyLinkToken } from "./mentor-links.js";
import { mentorRegistrationChanged } from "./mentoring.events.js";
import type { MentoringProjectMapper, MentorRegistrationConnectionMapper, MentorRegistrationMapper, MentorRegistrationReceiptMapper } from "./mentoring.mappers.js";
import { mentorRegistrationRead } from "./mentoring.policy.js";

type Project = typeof mentoringProjects.$inferSelect;
type Status = MentorRegistrationMapper["status"];

/** How long the confirmation link works (the receipt's confirmBefore). */
export const CONFIRM_LINK_HOURS = 72;
/** How long the withdrawal link works: a mentor may want to leave long after registering. */
export const WITHDRAW_LINK_DAYS = 365;

/** Registrations allowed per window: per e-mail address, per network address, per project. */
export const MENTOR_REGISTRATION_LIMITS = {
  email: { limit: 5, windowSeconds: 3600 },
  network: { limit: 20, windowSeconds: 3600 },
  project: { limit: 50, windowSeconds: 86_400 },
} as const;

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
/** An ISO 639-1 code (two letters) that names a language; lower-cased. */
const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine((code) => /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined, "must be an ISO 639-1 language code such as nl, fr or en");

/** A sector as a lower-case tag: letters, digits, spaces and hyphens. */
const sectorTag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.string().regex(/^[\p{Ll}\p{Nd}][\p{Ll}\p{Nd} -]{0,59}$/u, "must be a tag of letters, digits, spaces and hyphens (at most 60)"));

const unique = <T>(values: T[]) => [...new Set(values)];

const registerSchema = z.object({
  projectId: z.string(),
  name: requiredText(200),
  email: z.string().trim().toLowerCase().pipe(z.email("must be an e-mail address").max(254, "must be at most 254 characters")),
  phone: optionalText(40).refine((phone) => phone == null || /^\+?[0-9 ()./-]{6,40}$/.test(phone), "must be a phone number of digits, spaces and + ( ) . / -"),
  motivation: optionalMultilineText(2000),
  languages: z
    .array(languageCode)
    .max(20, "must list at most 20")
    .nullish()
    .transform((v) => unique(v ?? [])),
  regions: z
    .array(z.enum(belgianRegion.enumValues))
    .max(belgianRegion.enumValues.length)
    .nullish()
    .transform((v) => unique(v ?? [])),
  sectors: z
    .array(sectorTag)
    .max(20, "must list at most 20")
    .nullish()
    .transform((v) => unique(v ?? [])),
});

/** What the audit log and events may know of a registration: ids and states, never the person. */
function redacted(row: MentorRegistrationMapper | null) {
  return row && { id: row.id, projectId: row.projectId, status: row.status, emailConfirmed: row.emailConfirmedAt !== null, decidedAt: row.decidedAt, withdrawnAt: row.withdrawnAt };
}

async function recordChange(recorder: Recorder, operation: string, before: MentorRegistrationMapper | null, after: MentorRegistrationMapper): Promise<void> {
  await recorder.record({ operation, entityType: "MentorRegistration", entityId: after.id, before: redacted(before), after: redacted(after) });
  await recorder.emit(mentorRegistrationChanged, after.id, {
    registrationId: after.id,
    projectId: after.projectId,
    status: after.status,
    emailConfirmed: after.emailConfirmedAt !== null,
  });
}

const MAIL = {
  nl: {
    subject: (project: string) => `Bevestig je aanmelding als mentor – ${project}`,
    body: (project: string, confirm: string, withdraw: string, hours: number) =>
      `Hallo,\n\nBedankt om je aan te melden als mentor bij ${project}.\n\nBevestig je e-mailadres binnen ${hours} uur met deze link:\n${confirm}\n\nWil je je aanmelding intrekken? Dan wissen we je gegevens:\n${withdraw}\n\nHeb jij je niet aangemeld? Dan hoef je niets te doen.\n`,
  },
  fr: {
    subject: (project: string) => `Confirmez votre inscription comme mentor – ${project}`,
    body: (project: string, confirm: string, withdraw: string, hours: number) =>
      `Bonjour,\n\nMerci de vous être inscrit·e comme mentor pour ${project}.\n\nConfirmez votre adresse e-mail dans les ${hours} heures avec ce lien :\n${confirm}\n\nVous souhaitez retirer votre inscription ? Nous effacerons vos données :\n${withdraw}\n\nVous ne vous êtes pas inscrit·e ? Vous ne devez rien faire.\n`,
  },
  en: {
    subject: (project: string) => `Confirm your registration as a mentor – ${project}`,
    body: (project: string, confirm: string, withdraw: string, hours: number) =>
      `Hello,\n\nThank you for registering as a mentor with ${project}.\n\nPlease confirm your e-mail address within ${hours} hours with this link:\n${confirm}\n\nWant to withdraw? We will erase your details:\n${withdraw}\n\nDid not register? Then there is nothing to do.\n`,
  },
} as const;

/** Queues the mail with both links for after the commit; returns when the confirmation link expires. */
function mailLinks(ctx: Context, registration: { id: string; email: string }, project: Project, locale: Locale): Date {
  const now = Date.now();
  const confirmBefore = new Date(now + CONFIRM_LINK_HOURS * 3600_000);
  const confirm = linkUrl("confirm", signLinkToken("confirm", registration.id, confirmBefore));
  const withdraw = linkUrl("withdraw", signLinkToken("withdraw", registration.id, new Date(now + WITHDRAW_LINK_DAYS * 86_400_000)));
  const t = MAIL[(locale in MAIL ? locale : "nl") as keyof typeof MAIL];
  const message = { to: registration.email, subject: t.subject(project.name), text: t.body(project.name, confirm, withdraw, CONFIRM_LINK_HOURS) };
  // After the commit: a rolled-back registration sends nothing, and a slow mail service holds no lock.
  afterCommit(ctx.transactions.owner, () => ctx.services.mailer.send(message));
  return confirmBefore;
}

export const registerAsMentor = fn(
  registerSchema,
  async (ctx, input): Promise<MentorRegistrationReceiptMapper> => {
    const projectId = expectGlobalId(input.projectId, "MentoringProject", "input.projectId");
    const limits = MENTOR_REGISTRATION_LIMITS;
    const tooMany = "Too many registrations: try again later";
    await consumeLimit(ctx, { key: `mentor.register:email:${hashedKey(input.email)}`, ...limits.email }, tooMany);
    if (ctx.clientAddress) await consumeLimit(ctx, { key: `mentor.register:network:${hashedKey(ctx.clientAddress)}`, ...limits.network }, tooMany);
    const project = await rowsById<Project>(ctx, mentoringProjects).load(projectId);
    if (!project) throw notFound("MentoringProject", "input.projectId");
    if (!project.acceptsMentors) throw conflict("input.projectId", "This project does not take mentors now");
    await consumeLimit(ctx, { key: `mentor.register:project:${project.id}`, ...limits.project }, tooMany);
    return change(ctx, async (tx) => {
      const [live] = await tx
        .select()
        .from(mentorRegistrations)
        .where(and(eq(mentorRegistrations.projectId, project.id), eq(mentorRegistrations.email, input.email), inArray(mentorRegistrations.status, ["PENDING", "CONFIRMED"])));
      if (live) return again(ctx, live, project);
      // A savepoint: two registrations of one address racing past the check above meet the unique
      // index, and the loser answers like any second registration.
      try {
        return await change(ctx, async (inner, innerRecorder) => {
          const [created] = await inner
            .insert(mentorRegistrations)
            .values({
              projectId: project.id,
              name: input.name,
              email: input.email,
              phone: input.phone ?? null,
              motivation: input.motivation ?? null,
              languages: input.languages,
              regions: input.regions,
              sectors: input.sectors,
            })
            .returning();
          if (!created) throw new Error("insert returned no row");
          await recordChange(innerRecorder, "registerAsMentor", null, created);
          const confirmBefore = mailLinks(ctx, { id: created.id, email: input.email }, project, ctx.locale);
          return { projectId: project.id, status: created.status, confirmBefore };
        });
      } catch (error) {
        if (uniqueViolation(error) !== "mentor_registrations_live_key") throw error;
        const [winner] = await tx
          .select()
          .from(mentorRegistrations)
          .where(and(eq(mentorRegistrations.projectId, project.id), eq(mentorRegistrations.email, input.email), inArray(mentorRegistrations.status, ["PENDING", "CONFIRMED"])));
        if (!winner) throw error;
        return again(ctx, winner, project);
      }
    });
  },
  { argument: "input" },
);

/**
 * A second registration of an address for a project that already has a live one. The answer is
 * the same receipt a first registration gets, so the form does not tell a stranger who has
 * registered where (CONFLICT on the e-mail address would). The row is left as it is (a stranger
 * must not overwrite a mentor's details). While the address is unconfirmed the links are mailed
 * again, to that address only: a mentor who lost the first mail can still confirm, and the limit
 * per address caps how often anyone can make that happen. Once confirmed, nothing is sent.
 */
function again(ctx: Context, live: MentorRegistrationMapper, project: Project): MentorRegistrationReceiptMapper {
  if (live.emailConfirmedAt === null && live.email) {
    const confirmBefore = mailLinks(ctx, { id: live.id, email: live.email }, project, ctx.locale);
    return { projectId: project.id, status: "PENDING", confirmBefore };
  }
  return { projectId: project.id, status: "PENDING", confirmBefore: new Date(Date.now() + CONFIRM_LINK_HOURS * 3600_000) };
}

async function lockRegistration(tx: Tx, id: string, field: string): Promise<MentorRegistrationMapper> {
  const [row] = await tx.select().from(mentorRegistrations).where(eq(mentorRegistrations.id, id)).for("update");
  if (!row) throw notFound("MentorRegistration", field);
  return row;
}

function receiptOf(row: MentorRegistrationMapper): MentorRegistrationReceiptMapper {
  return { projectId: row.projectId, status: row.status, confirmBefore: null };
}

const tokenSchema = z.object({ token: z.string().max(500, "is not a valid link") });

/** The mentor confirms their address by the signed link; a second time changes nothing. */
export const confirmMentorEmail = fn(tokenSchema, async (ctx, { token }): Promise<MentorRegistrationReceiptMapper> => {
  const id = verifyLinkToken(token, "confirm");
  return change(ctx, async (tx, recorder) => {
    const before = await lockRegistration(tx, id, "token");
    if (before.status === "WITHDRAWN") throw conflict("token", "This registration was withdrawn");
    if (before.emailConfirmedAt) return receiptOf(before);
    const [after] = await tx.update(mentorRegistrations).set({ emailConfirmedAt: new Date(), updatedAt: new Date() }).where(eq(mentorRegistrations.id, id)).returning();
    if (!after) throw notFound("MentorRegistration", "token");
    await recordChange(recorder, "confirmMentorEmail", before, after);
    return receiptOf(after);
  });
});

/** The mentor withdraws and is forgotten: what identifies them is erased, the counts stay. */
export const withdrawMentorRegistration = fn(tokenSchema, async (ctx, { token }): Promise<MentorRegistrationReceiptMapper> => {
  const id = verifyLinkToken(token, "withdraw");
  return change(ctx, async (tx, recorder) => {
    const before = await lockRegistration(tx, id, "token");
    if (before.status === "WITHDRAWN") return receiptOf(before);
    const now = new Date();
    const [after] = await tx
      .update(mentorRegistrations)
      // The project's decline reason may speak of the person too.
      .set({ status: "WITHDRAWN", name: null, email: null, phone: null, motivation: null, declineReason: null, withdrawnAt: now, updatedAt: now })
      .where(eq(mentorRegistrations.id, id))
      .returning();
    if (!after) throw notFound("MentorRegistration", "token");
    await recordChange(recorder, "withdrawMentorRegistration", before, after);
    return receiptOf(after);
  });
});

const decideSchema = z
  .object({
    id: z.string(),
    decision: z.enum(["CONFIRM", "DECLINE"]),
    reason: optionalMultilineText(2000),
  })
  .superRefine((input, issue) => {
    if (input.decision === "DECLINE" && !input.reason) issue.addIssue({ code: "custom", path: ["reason"], message: "is required when declining" });
    if (input.decision === "CONFIRM" && input.reason) issue.addIssue({ code: "custom", path: ["reason"], message: "is only given when declining" });
  });

/** The project confirms or declines a PENDING registration; confirming needs the mentor's address confirmed. */
export const decideMentorRegistration = fn(
  decideSchema,
  async (ctx, input): Promise<MentorRegistrationMapper> => {
    const id = expectGlobalId(input.id, "MentorRegistration", "input.id");
    return change(ctx, async (tx, recorder) => {
      // FOR UPDATE: of two decisions at once, the second waits and then finds it decided.
      const before = await lockRegistration(tx, id, "input.id");
      const project = await rowsById<Project>(ctx, mentoringProjects).load(before.projectId);
      await assertCan(ctx, mentorRegistrationRead, { organisationId: project?.organisationId ?? null });
      if (before.status !== "PENDING") throw conflict("input.id", `The registration is ${before.status.toLowerCase()}, not pending`);
      if (input.decision === "CONFIRM" && !before.emailConfirmedAt) throw conflict("input.decision", "The mentor has not confirmed their e-mail address yet");
      const now = new Date();
      const [after] = await tx
        .update(mentorRegistrations)
        .set({ status: input.decision === "CONFIRM" ? "CONFIRMED" : "DECLINED", decidedAt: now, declineReason: input.reason ?? null, updatedAt: now })
        .where(eq(mentorRegistrations.id, id))
        .returning();
      if (!after) throw notFound("MentorRegistration", "input.id");
      await recordChange(recorder, "decideMentorRegistration", before, after);
      return after;
    });
  },
  { argument: "input", authorize: mentorRegistrationRead },
);

/** A registration for `node(id)`: null unless the viewer may read the project's registrations. */
export async function findMentorRegistration(ctx: Context, id: string): Promise<MentorRegistrationMapper | null> {
  const row = await rowsById<MentorRegistrationMapper>(ctx, mentorRegistrations).load(id);
  if (!row) return null;
  const project = await rowsById<Project>(ctx, mentoringProjects).load(row.projectId);
  return (await can(ctx, mentorRegistrationRead, { organisationId: project?.organisationId ?? null })) ? row : null;
}

const confirmedCounts = defineLoader<string, number>(async ({ db }, projectIds) => {
  const rows = await db
    .select({ projectId: mentorRegistrations.projectId, n: count() })
    .from(mentorRegistrations)
    .where(and(inArray(mentorRegistrations.projectId, [...projectIds]), eq(mentorRegistrations.status, "CONFIRMED")))
    .groupBy(mentorRegistrations.projectId);
  const byProject = new Map(rows.map((r) => [r.projectId, r.n]));
  return projectIds.map((id) => byProject.get(id) ?? 0);
});

/** The project's confirmed mentors, counted through a loader (one statement for a page of projects). */
export async function confirmedMentorCount(ctx: Context, project: MentoringProjectMapper): Promise<number> {
  return confirmedCounts(ctx).load(project.id);
}

const { keyset: registrationKeyset } = newestFirst(mentorRegistrations);
interface RegistrationPage {
  after: string | null;
  size: number;
  status: Status | null;
}

/** One page of registrations for each project of a batch (a page of projects asks once). */
const pagesOfRegistrations = defineLoaderFamily<string, (MentorRegistrationMapper & { key: string })[], RegistrationPage>(
  (page) => JSON.stringify([page.after, page.size, page.status]),
  (ctx, { status, ...page }, projectIds) =>
    childPages<MentorRegistrationMapper>(
      ctx.db,
      mentorRegistrations,
      mentorRegistrations.projectId,
      projectIds,
      (r) => r.projectId,
      registrationKeyset,
      page,
      status ? eq(mentorRegistrations.status, status) : undefined,
    ),
);

const registrationTotals = defineLoaderFamily<string, number, Status | null>(
  (status) => status ?? "",
  async (ctx, status, projectIds) => {
    const rows = await ctx.db
      .select({ projectId: mentorRegistrations.projectId, n: count() })
      .from(mentorRegistrations)
      .where(and(inArray(mentorRegistrations.projectId, [...projectIds]), status ? eq(mentorRegistrations.status, status) : undefined))
      .groupBy(mentorRegistrations.projectId);
    const counts = new Map(rows.map((r) => [r.projectId, r.n]));
    return projectIds.map((id) => counts.get(id) ?? 0);
  },
);

/** The project's registrations, newest first; FORBIDDEN unless mentorRegistrationRead. Batched over a page of projects. */
export async function registrationsOf(
  ctx: Context,
  project: MentoringProjectMapper,
  args: { first?: number | null; after?: string | null; status?: MentorRegistrationMapper["status"] | null },
): Promise<MentorRegistrationConnectionMapper> {
  await assertCan(ctx, mentorRegistrationRead, { organisationId: project.organisationId });
  const size = pageSize(args.first);
  // Decoding the cursor here refuses a forged one before the batch runs.
  afterCursor(registrationKeyset, args.after);
  const status = (args.status ?? null) as Status | null;
  const rows = await pagesOfRegistrations(ctx, { after: args.after ?? null, size, status }).load(project.id);
  const page = toConnection(
    rows,
    size,
    args,
    (r) => [r.key, r.id],
    () => registrationTotals(ctx, status).load(project.id),
  );
  return mapConnection(page, ({ key: _key, ...registration }) => registration);
}

/** The project of a registration or a receipt. */
export async function projectOf(ctx: Context, projectId: string): Promise<MentoringProjectMapper> {
  const project = await rowsById<Project>(ctx, mentoringProjects).load(projectId);
  if (!project) throw notFound("MentoringProject");
  return project;
}
