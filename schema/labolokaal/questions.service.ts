// The contact form: participants, experts and moderators send a question (optionally about a
// theme); consultants and admins see every question and answer it, once; an asker sees their own.
// A question shows the asker's board or organisation, never their name; the audit log keeps ids
// and states only, never a question's or an answer's text.
import { and, count, eq, getTableColumns, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { laboQuestions, laboThemes } from "../../db/schema/labolokaal.js";
import type { Actor } from "../shared/auth.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { rowsById } from "../shared/loaders.js";
import { can, grantFor } from "../shared/policy.js";
import { expectGlobalId, type Keyset, mapConnection, paginate } from "../shared/relay.js";
import { multilineText, requiredText } from "../shared/validation.js";
import type { ContactQuestionConnectionMapper, ContactQuestionMapper, ThemeMapper } from "./labolokaal.mappers.js";
import { type QuestionScope, questionAnswer, questionAsk, questionRead } from "./labolokaal.policy.js";

export const MAX_SUBJECT = 200;
export const MAX_QUESTION = 5000;
export const MAX_ANSWER = 5000;

const questionLoader = (ctx: Context) => rowsById<ContactQuestionMapper>(ctx, laboQuestions);
const themeLoader = (ctx: Context) => rowsById<ThemeMapper>(ctx, laboThemes);

/** A question the viewer may read (the asker, consultants, admins); null otherwise, as for none. */
export async function findContactQuestion(ctx: Context, id: string): Promise<ContactQuestionMapper | null> {
  const question = await questionLoader(ctx).load(id);
  if (!question || !(await can(ctx, questionRead, questionScope(question)))) return null;
  return question;
}

/** ContactQuestion.theme: the theme it is about, if any. */
export async function themeOfQuestion(ctx: Context, question: ContactQuestionMapper): Promise<ThemeMapper | null> {
  return question.themeId ? themeLoader(ctx).load(question.themeId) : null;
}

/** Newest first; microsecond text keeps the cursor exact. */
const askedText = sql<string>`to_char(${laboQuestions.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const questionKeyset: Keyset = { sortKey: askedText, id: laboQuestions.id, descending: true };

export const listContactQuestions = fn(
  z.object({ first: z.number().int().nullish(), after: z.string().nullish(), unansweredOnly: z.boolean().nullish() }),
  async (ctx, { first, after, unansweredOnly }): Promise<ContactQuestionConnectionMapper> => {
    // Editors read every question; anyone else with a grant only those they asked.
    const own = ownQuestions(ctx.actor);
    const where = and(own, unansweredOnly ? isNull(laboQuestions.answeredAt) : undefined);
    const rows = await paginate(
      { first, after },
      questionKeyset,
      (page) =>
        ctx.db
          .select({ ...getTableColumns(laboQuestions), key: askedText })
          .from(laboQuestions)
          .where(and(where, page.after))
          .orderBy(...page.orderBy)
          .limit(page.limit),
      (row) => [row.key, row.id],
      async () => (await ctx.db.select({ n: count() }).from(laboQuestions).where(where))[0]?.n ?? 0,
    );
    return mapConnection(rows, ({ key: _key, ...question }) => question as ContactQuestionMapper);
  },
  { authorize: questionRead },
);

/** Whose question it is, as questionRead judges it. */
function questionScope(question: ContactQuestionMapper): QuestionScope {
  return { askedBy: question.askedBy, askerBoardId: question.askerBoardId, askerOrganisationId: question.askerOrganisationId };
}

/**
 * The questions a non-editor may list: those their account asked for the board or organisation
 * it signs in for now (questionRead's condition, in SQL). Editors list every one.
 */
function ownQuestions(actor: Actor): SQL | undefined {
  if (grantFor(questionRead, actor.role) === "always") return undefined;
  if (actor.role === "BOARD_MEMBER") return and(eq(laboQuestions.askedBy, actor.subject), eq(laboQuestions.askerBoardId, actor.boardId));
  if (actor.role === "EXPERT") return and(eq(laboQuestions.askedBy, actor.subject), eq(laboQuestions.askerOrganisationId, actor.organisationId));
  // No other role gets here: the list is authorized by questionRead first.
  return sql`false`;
}

/** What the audit log keeps of a question: ids, times and states, never its text. */
function auditView(question: ContactQuestionMapper) {
  const { subject: _subject, body: _body, answer, ...rest } = question;
  return { ...rest, answered: answer !== null };
}

export const askQuestion = fn(
  z.object({ subject: requiredText(MAX_SUBJECT), body: multilineText(MAX_QUESTION), themeId: z.string().nullish() }),
  async (ctx, input): Promise<ContactQuestionMapper> => {
    const actor = ctx.actor;
    if (actor.role === "ANONYMOUS") throw new Error("unreachable: questionAsk refuses anonymous callers");
    const themeId = input.themeId ? expectGlobalId(input.themeId, "Theme", "input.themeId") : null;
    return change(ctx, async (tx, recorder) => {
      if (themeId) {
        const [theme] = await tx.select({ id: laboThemes.id }).from(laboThemes).where(eq(laboThemes.id, themeId));
        if (!theme) throw badInput("input.themeId", "is not a theme");
      }
      const [created] = await tx
        .insert(laboQuestions)
        .values({
          askedBy: actor.subject,
          askerBoardId: actor.role === "BOARD_MEMBER" ? actor.boardId : null,
          askerOrganisationId: actor.role === "EXPERT" ? actor.organisationId : null,
          themeId,
          subject: input.subject,
          body: input.body,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "askQuestion", entityType: "ContactQuestion", entityId: created.id, before: null, after: auditView(created) });
      return created;
    });
  },
  { argument: "input", authorize: questionAsk },
);

export const answerQuestion = fn(
  z.object({ id: z.string(), answer: multilineText(MAX_ANSWER) }),
  async (ctx, input): Promise<ContactQuestionMapper> => {
    const actor = ctx.actor;
    if (actor.role === "ANONYMOUS") throw new Error("unreachable: questionAnswer refuses anonymous callers");
    const id = expectGlobalId(input.id, "ContactQuestion", "input.id");
    return change(ctx, async (tx, recorder) => {
      // Locked: two consultants answering at once cannot both pass the "once" check.
      const [question] = await tx.select().from(laboQuestions).where(eq(laboQuestions.id, id)).for("update");
      if (!question) throw notFound("ContactQuestion", "input.id");
      if (question.answeredAt) throw conflict("input.id", "The question was answered already");
      const [updated] = await tx.update(laboQuestions).set({ answer: input.answer, answeredAt: sql`now()`, answeredBy: actor.subject }).where(eq(laboQuestions.id, id)).returning();
      if (!updated) throw new Error("update returned no row");
      await recorder.record({ operation: "answerQuestion", entityType: "ContactQuestion", entityId: id, before: auditView(question), after: auditView(updated) });
      return updated;
    });
  },
  { argument: "input", authorize: questionAnswer },
);
